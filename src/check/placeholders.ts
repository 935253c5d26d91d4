import type { Problem } from '../model/problems.ts';

/**
 * The mark `npm run new` puts at the start of every text the editor must
 * write: `description: "REPLACE: One line on who Cho Tae-yul is."`.
 */
export const PLACEHOLDER_MARK = 'REPLACE:';

/** A placeholder text: the mark followed by what to write. */
export function placeholderText(hint: string): string {
  return `${PLACEHOLDER_MARK} ${hint}`;
}

const KEY = /^(\s*)(?:-\s+)?([A-Za-z][\w-]*):(?:\s|$)/;

/**
 * The YAML key a line's value belongs to: the key on that line, or, for a
 * line inside a block value (`description: >-` and the text below it), the
 * nearest line above it that is indented less and has a key.
 */
function keyOf(lines: readonly string[], index: number): string | undefined {
  const line = lines[index] ?? '';
  const own = KEY.exec(line);
  if (own && own[2] !== PLACEHOLDER_MARK.slice(0, -1)) return own[2];
  const indent = line.length - line.trimStart().length;
  for (let i = index - 1; i >= 0; i--) {
    const above = KEY.exec(lines[i] ?? '');
    if (above && (above[1] ?? '').length < indent) return above[2];
  }
  return undefined;
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
    const key = isYaml ? keyOf(lines, index) : undefined;
    const shown = line
      .slice(column)
      .replace(/["']\s*$/, '')
      .trim();
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
