/**
 * Names Vite reads from the environment into `import.meta.env`. Vitest sets
 * them for itself; passed on to a child `astro build` they would override the
 * build's own values (`BASE_URL` would replace the configured base path).
 */
export const VITE_ENV_NAMES = ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'ASSETS_PREFIX'] as const;

/** A copy of an environment without Vite's own names, for starting a build. */
export function withoutViteEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
  const copy = { ...env };
  for (const name of VITE_ENV_NAMES) delete copy[name];
  return copy;
}
