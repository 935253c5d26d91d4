import type { Problem } from './problems.ts';

/**
 * The mark `npm run new` puts at the start of every text the editor must
 * write: `description: "REPLACE: One line on who Cho Tae-yul is."`.
 */
export const PLACEHOLDER_MARK = 'REPLACE:';

/** A placeholder text: the mark followed by what to write. */
export function placeholderText(hint: string): string {
  return `${PLACEHOLDER_MARK} ${hint}`;
}

/**
 * Warns about every placeholder left in a file, with its line, column and
 * field (the YAML key on that line, or `body` below the frontmatter).
 * Comment lines (`# …` in YAML and frontmatter) are not read.
 */
export function placeholderProblems(file: string, text: string): Problem[] {
  if (!text.includes(PLACEHOLDER_MARK)) return [];
  const problems: Problem[] = [];
  const lines = text.split(/\r?\n/);
  const yaml = /\.ya?ml$/i.test(file);
  // In Markdown and MDX files, the frontmatter is YAML and the rest is body.
  let inFrontmatter = false;
  let frontmatterDone = yaml;
  lines.forEach((line, index) => {
    if (!frontmatterDone && line.trim() === '---') {
      if (inFrontmatter) frontmatterDone = true;
      inFrontmatter = !inFrontmatter;
      return;
    }
    const column = line.indexOf(PLACEHOLDER_MARK);
    if (column < 0) return;
    const isYaml = yaml || inFrontmatter;
    if (isYaml && line.trimStart().startsWith('#')) return;
    const key = isYaml ? /^\s*(?:-\s+)?([A-Za-z][\w-]*):/.exec(line)?.[1] : undefined;
    const shown = line.slice(column).replace(/["']\s*$/, '').trim();
    problems.push({
      file,
      line: index + 1,
      column: column + 1,
      field: isYaml ? key : 'body',
      message: `placeholder text from "npm run new" is still here: "${shown.length > 80 ? `${shown.slice(0, 79)}…` : shown}"`,
      fix: 'write the real text in its place: readers would see this line as it is',
      severity: 'warning',
    });
  });
  return problems;
}
