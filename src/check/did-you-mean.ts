import { distance } from 'fastest-levenshtein';

/**
 * The known ids closest to `wanted`, best first: `closestIds('vladimir-putn', ids)`
 * gives `['vladimir-putin']`. Only ids within a distance that makes a typo likely.
 */
export function closestIds(wanted: string, known: Iterable<string>, limit = 3): string[] {
  const threshold = Math.max(2, Math.ceil(wanted.length * 0.4));
  const scored: { id: string; score: number }[] = [];
  for (const candidate of known) {
    const score = nearness(wanted, candidate, threshold);
    if (score <= threshold) scored.push({ id: candidate, score });
  }
  scored.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
  return scored.slice(0, limit).map((entry) => entry.id);
}

/**
 * The edit distance of two ids, or the score of a partial match when lower,
 * whichever is less; any value above `threshold` stands for "not close".
 * A distance is never less than the difference in length, so it is computed
 * only when that difference leaves it a chance: thousands of unknown ids
 * against thousands of known ones cost a length comparison each, not a
 * Levenshtein table each.
 */
function nearness(wanted: string, candidate: string, threshold: number): number {
  if (wanted === candidate) return 0;
  const partial = partMatchScore(wanted, candidate);
  const lengths = Math.abs(wanted.length - candidate.length);
  // A distance counts only below the partial score and within the threshold.
  return lengths < partial && lengths <= threshold ? Math.min(partial, distance(wanted, candidate)) : partial;
}

/** Scores a partial match (`zelenskyy` against `volodymyr-zelenskyy`) as a near miss. */
function partMatchScore(wanted: string, candidate: string): number {
  if (wanted.length >= 3 && candidate.startsWith(wanted)) return 1;
  if (wanted.length >= 4 && (candidate.includes(wanted) || wanted.includes(candidate))) return 1;
  const parts = candidate.split('-');
  return parts.some(
    (part) => part.length >= 4 && Math.abs(part.length - wanted.length) <= 1 && distance(part, wanted) <= 1,
  )
    ? 2
    : Number.POSITIVE_INFINITY;
}

/** A sentence suggesting the closest ids (unless `near` is false), or listing a few that exist. */
export function suggestIds(wanted: string, known: readonly string[], noun: string, near = true): string {
  const close = near ? closestIds(wanted, known) : [];
  if (close.length > 0) return `did you mean ${close.map((c) => `"${c}"`).join(' or ')}?`;
  if (known.length === 0) return `there are no ${noun}s yet: add one first`;
  const sample = [...known].sort().slice(0, 5);
  return `use the id of an existing ${noun}, such as ${sample.map((c) => `"${c}"`).join(', ')}`;
}
