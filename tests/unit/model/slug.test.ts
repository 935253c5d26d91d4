import { expect, test } from 'vitest';
import { slugify } from '../../../src/model/slug.ts';

test.each([
  ['Liège', 8, 'liege'],
  ['Cho Tae-yul', 8, 'cho-tae-yul'],
  ['Pentagon: 10,000 troops', 8, 'pentagon-10-000-troops'],
  ['Kim Jong Un’s envoy', 8, 'kim-jong-uns-envoy'],
  ['Łódź', 8, 'lodz'],
  ['Bad_Id', Number.POSITIVE_INFINITY, 'bad-id'],
  ['one two three four five', 3, 'one-two-three'],
  ['北京', 8, ''],
])('slugify(%s, %s) gives %s', (name, maxWords, id) => expect(slugify(name, maxWords)).toBe(id));
