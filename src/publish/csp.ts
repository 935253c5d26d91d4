/** A parsed Content-Security-Policy: directive name to its sources, in order. */
export type Policy = Map<string, string[]>;

/** Parses a policy such as `script-src 'self' 'sha256-…'; img-src 'self'`. */
export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name && !policy.has(name.toLowerCase())) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** Writes a policy back as text, directives in their first-seen order. */
export function formatPolicy(policy: Policy): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * One policy that allows what any of the pages' policies allows: the sources
 * of each directive joined, hashes sorted so the result does not depend on
 * the order pages were read in. Sent as a header next to each page's own
 * `<meta>` policy, the browser enforces both, so each page still runs only
 * its own hashed scripts.
 */
export function mergePolicies(policies: readonly Policy[]): Policy {
  const merged: Policy = new Map();
  for (const policy of policies) {
    for (const [name, sources] of policy) {
      const list = merged.get(name) ?? [];
      for (const source of sources) if (!list.includes(source)) list.push(source);
      merged.set(name, list);
    }
  }
  for (const [name, sources] of merged) {
    const isHash = (source: string) => /^'sha(256|384|512)-/.test(source);
    merged.set(name, [...sources.filter((s) => !isHash(s)), ...sources.filter(isHash).sort()]);
  }
  return merged;
}

/** Directives that only work in a header, never in a `<meta>` policy. */
export const HEADER_ONLY_DIRECTIVES: [string, string[]][] = [['frame-ancestors', ["'none'"]]];

/**
 * A `_headers` file (Netlify, Cloudflare Pages) for a site under `base`:
 * the merged policy plus the usual hardening headers, for every path.
 */
export function headersFile(base: string, policy: Policy): string {
  const full: Policy = new Map(policy);
  for (const [name, sources] of HEADER_ONLY_DIRECTIVES) if (!full.has(name)) full.set(name, sources);
  const root = base.endsWith('/') ? base : `${base}/`;
  return [
    `${root}*`,
    `  Content-Security-Policy: ${formatPolicy(full)}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  X-Frame-Options: DENY',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()',
    '',
  ].join('\n');
}

/** The policy of a built page's `<meta http-equiv="content-security-policy">`, if any. */
export function metaPolicy(html: string): string | undefined {
  for (const match of html.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = match[0];
    if (!/http-equiv\s*=\s*["']?content-security-policy["']?/i.test(tag)) continue;
    const content = /content\s*=\s*"([^"]*)"|content\s*=\s*'([^']*)'/i.exec(tag);
    const value = content?.[1] ?? content?.[2];
    if (value !== undefined)
      return value
        .replace(/&#39;|&#x27;|&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
  }
  return undefined;
}

/** One rule of a `_headers` file: a path pattern and the headers sent for the paths it matches. */
export interface HeaderRule {
  /** `/explainer/*`: `*` matches anything, `:name` one path segment. */
  path: string;
  headers: [string, string][];
}

/**
 * Reads a `_headers` file (the format `headersFile` writes, Netlify's and
 * Cloudflare Pages'): a path pattern on its own line, then its headers
 * indented as `Name: value`; `#` starts a comment.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: trimmed, headers: [] });
      continue;
    }
    const colon = trimmed.indexOf(':');
    const name = trimmed.slice(0, colon).trim();
    if (colon > 0 && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
      rules.at(-1)?.headers.push([name, trimmed.slice(colon + 1).trim()]);
  }
  return rules;
}

/** True when a `_headers` path pattern matches a request path. */
function pathMatches(pattern: string, path: string): boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z_][A-Za-z0-9_]*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(path);
}

/** The headers `_headers` sets for a request path: every matching rule's, a name set twice gets both values. */
export function headersForPath(rules: readonly HeaderRule[], path: string): [string, string][] {
  const headers = new Map<string, [string, string]>();
  for (const rule of rules) {
    if (!pathMatches(rule.path, path)) continue;
    for (const [name, value] of rule.headers) {
      const previous = headers.get(name.toLowerCase());
      headers.set(name.toLowerCase(), previous ? [previous[0], `${previous[1]}, ${value}`] : [name, value]);
    }
  }
  return [...headers.values()];
}
