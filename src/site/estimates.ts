import type { Estimate } from '../model/figure.ts';

/** Where one estimate stands in a figure's history. */
export interface EstimateStatus {
  /** Position of the estimate this one revises, when it names one. */
  revises: number | undefined;
  /** Positions of the later estimates that revise this one. */
  revisedBy: number[];
  /** Withdrawn, and so no longer anyone's current estimate. */
  withdrawn: boolean;
  /** Neither revised nor withdrawn. */
  standing: boolean;
}

/** A figure's estimates over time: their order by date, each one's status, and the current estimate of each claimant. */
export interface EstimateHistory {
  /** Positions in the figure's list, oldest first (same day: as written). */
  byDate: number[];
  status: EstimateStatus[];
  /** Positions of each claimant's latest standing estimate, oldest first: what each claims now. */
  current: number[];
}

/**
 * Reads a figure's estimates as a history: `revises` links a later estimate to
 * the one it replaces (by the same or another claimant), `withdrawn` ends one.
 * A claimant's current estimate is its latest that is neither revised nor
 * withdrawn; a claimant whose every estimate was revised or withdrawn has none.
 */
export function estimateHistory(
  estimates: readonly Pick<Estimate, 'id' | 'by' | 'date' | 'revises' | 'withdrawn'>[],
): EstimateHistory {
  const positions = new Map(
    estimates.flatMap((estimate, index) => (estimate.id === undefined ? [] : [[estimate.id, index] as const])),
  );
  const status: EstimateStatus[] = estimates.map((estimate) => ({
    revises: estimate.revises === undefined ? undefined : positions.get(estimate.revises),
    revisedBy: [],
    withdrawn: estimate.withdrawn !== undefined,
    standing: estimate.withdrawn === undefined,
  }));
  status.forEach((entry, index) => {
    const target = entry.revises === undefined ? undefined : status[entry.revises];
    if (target === undefined || entry.revises === index) return;
    target.revisedBy.push(index);
    target.standing = false;
  });
  const byDate = estimates
    .map((_, index) => index)
    .sort((a, b) => (estimates[a]?.date ?? '').localeCompare(estimates[b]?.date ?? '') || a - b);
  const latest = new Map<string, number>();
  for (const index of byDate) {
    const estimate = estimates[index];
    if (estimate && status[index]?.standing) latest.set(estimate.by, index);
  }
  const current = byDate.filter((index) => latest.get(estimates[index]?.by ?? '') === index);
  return { byDate, status, current };
}

/** The spread of what claimants say now: the lowest and highest current value (ranges count by their ends), and how many claimants. */
export function currentSpread(
  estimates: readonly Estimate[],
): { low: number; high: number; claimants: number } | undefined {
  const current = estimateHistory(estimates).current.flatMap((i) => estimates[i] ?? []);
  const values = current.flatMap((e) => (e.value !== undefined ? [e.value] : [e.low ?? 0, e.high ?? 0]));
  if (values.length === 0) return undefined;
  return { low: Math.min(...values), high: Math.max(...values), claimants: current.length };
}
