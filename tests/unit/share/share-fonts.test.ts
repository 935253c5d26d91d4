import { expect, test } from 'vitest';
import { loadedFontFiles } from '../../../src/share/share-fonts.ts';
import { renderShareImage } from '../../../src/share/share-image.ts';

// One file, one fresh module: the fonts read so far are this file's alone.
test('a card reads only the font files of the scripts it shows', async () => {
  await renderShareImage({
    label: 'Person',
    title: 'Lloyd Austin',
    subtitle: 'Secretary of Defense',
    site: 'Explainer · example.org',
  });
  const latin = loadedFontFiles();
  expect(latin.length).toBeGreaterThan(0);
  for (const file of latin)
    expect(file).toMatch(/[/\\]@fontsource[/\\]noto-sans[/\\]files[/\\]noto-sans-latin-(400|700)-normal\.woff$/);

  await renderShareImage({ label: 'Person', title: '최선희', subtitle: 'Москва', site: 'Explainer · example.org' });
  const added = loadedFontFiles().filter((file) => !latin.includes(file));
  // Hangul from a few of the Korean font's 120 subsets, Cyrillic from Noto Sans: no Chinese, Japanese, Arabic or Hebrew font.
  expect(added.some((file) => file.includes('noto-sans-kr-'))).toBe(true);
  expect(added.some((file) => file.includes('noto-sans-cyrillic-'))).toBe(true);
  expect(added.filter((file) => file.includes('noto-sans-kr-')).length).toBeLessThanOrEqual(6);
  for (const file of added) expect(file).not.toMatch(/noto-sans-(sc|tc|jp|arabic|hebrew)-/);
});
