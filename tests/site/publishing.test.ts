import { describe } from 'vitest';
import { publishingSuite } from './publishing-suite.ts';

// One build of the fixture story at a domain root.
describe('publishing, site at a domain root', () => {
  // The fixture's sources live on example.org and example.com: the site must be elsewhere.
  publishingSuite('https://explainer.example.net', '/');
});
