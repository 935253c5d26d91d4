import { describe } from 'vitest';
import { FIXTURE_SETTINGS } from '../helpers/build.ts';
import { publishingSuite } from './publishing-suite.ts';

// One build of the fixture story at a domain root.
describe('publishing, site at a domain root', () => {
  // The build site.test.ts, reader.test.ts, dev-build.test.ts and budgets.test.ts share.
  publishingSuite(FIXTURE_SETTINGS.SITE_URL, FIXTURE_SETTINGS.BASE_PATH);
});
