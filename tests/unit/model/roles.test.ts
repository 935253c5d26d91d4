import { describe, expect, test } from 'vitest';
import { describeRole, roleAt } from '../../../src/model/roles.ts';
import { en } from '../../../src/messages/en.ts';

const austin = { roles: [{ title: 'U.S. Secretary of Defense', from: '2021-01-22', to: '2025-01-20' }] };
const zelenskyy = { roles: [{ title: 'President of Ukraine', from: '2019-05-20' }] };
const career = {
  roles: [
    { title: 'Deputy Minister', from: '2010-01-01', to: '2015-12-31' },
    { title: 'Minister', from: '2016-01-01' },
    { title: 'Party leader', from: '2018-01-01' },
  ],
};

describe('describeRole', () => {
  test.each([
    ['ended role gets "then"', austin, '2024-11-04', '2026-01-01', 'then U.S. Secretary of Defense'],
    ['role still held on the build date', austin, '2024-11-04', '2024-12-01', 'U.S. Secretary of Defense'],
    ['ongoing role', zelenskyy, '2024-11-04', '2026-01-01', 'President of Ukraine'],
    ['before the role began', zelenskyy, '2019-01-01', '2026-01-01', undefined],
    ['after the role ended', austin, '2025-02-01', '2026-01-01', undefined],
    ['first day counts', austin, '2021-01-22', '2026-01-01', 'then U.S. Secretary of Defense'],
    ['last day counts', austin, '2025-01-20', '2026-01-01', 'then U.S. Secretary of Defense'],
    ['overlapping roles: latest taken up wins', career, '2020-06-01', '2026-01-01', 'Party leader'],
    ['earlier role', career, '2012-06-01', '2026-01-01', 'then Deputy Minister'],
    ['no roles', {}, '2024-11-04', '2026-01-01', undefined],
  ])('%s', (_name, actor, date, today, expected) => {
    expect(describeRole(actor, date, today, en)).toBe(expected);
  });

  test('roleAt reports whether the role has ended', () => {
    expect(roleAt(austin, '2024-11-04', '2026-01-01')).toMatchObject({ ended: true });
    expect(roleAt(zelenskyy, '2024-11-04', '2026-01-01')).toMatchObject({ ended: false });
  });
});
