/**
 * A function of one string key whose value is made once per key and kept:
 * for `Intl` formatters, which cost far more to make than to use, and are
 * asked for once per date, number or name on every page.
 */
export function onePerKey<T>(make: (key: string) => T): (key: string) => T {
  const made = new Map<string, T>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) {
      value = make(key);
      made.set(key, value);
    }
    return value;
  };
}
