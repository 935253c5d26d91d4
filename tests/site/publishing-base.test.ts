import { describe } from 'vitest';
import { publishingSuite } from './publishing-suite.ts';

// One build of the fixture story in a subfolder, as on GitHub Pages.
describe('publishing, site in a subfolder', () => {
  publishingSuite('https://news.example.net', '/explainer/');
});
