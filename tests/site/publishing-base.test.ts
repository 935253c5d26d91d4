import { describe } from 'vitest';
import { LATER, publishingSuite } from './publishing-suite.ts';

// One build of the fixture story in a subfolder, published after everything it schedules.
describe('publishing, site in a subfolder, later', () => {
  publishingSuite(LATER.site, LATER.base, LATER.publishTime);
});
