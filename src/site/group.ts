/** Groups items by a key, keeping first-seen key order and sorting each group. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K, compare?: (a: T, b: T) => number): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  if (compare) for (const group of groups.values()) group.sort(compare);
  return groups;
}
