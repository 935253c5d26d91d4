import { z } from 'astro/zod';
import { messagesFor } from '../messages/index.ts';
import { httpUrl, text } from './common.ts';
import { pictureSrc } from './pictures.ts';

/** The name of the settings file at the top of the content folder. */
export const SITE_FILE = 'site.yaml';

/** True for a time zone name the runtime knows, aliases included (`Europe/Kyiv` and `Europe/Kiev`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** True for a well-formed BCP 47 language tag: `en`, `uk`, `pt-BR`, `zh-Hant`. */
function isLanguageTag(tag: string): boolean {
  try {
    return /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(tag) && Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** An IANA time zone name such as `Europe/Kyiv`, or `UTC`. */
export const timeZoneName = z.string({ error: 'must be a time zone name such as "Europe/Kyiv"' }).refine(isTimeZone, {
  error: 'is not a time zone name from the IANA database, such as "Europe/Kyiv" or "UTC"',
});

/** The light theme's page colour (`--bg` in `src/styles/site.css`), which links in the accent colour sit on. */
const PAGE_BACKGROUND = '#fdfdfb';

/** Relative luminance of a `#rrggbb` colour (WCAG 2). */
function luminance(colour: string): number {
  const channel = (at: number) => {
    const value = Number.parseInt(colour.slice(at, at + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** The contrast ratio of a `#rrggbb` colour on the light page (WCAG 2): 1 to 21. */
export function contrastOnPage(colour: string): number {
  const [light, dark] = [luminance(PAGE_BACKGROUND), luminance(colour)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The CSS rule that sets the accent colour of `site.yaml`, and a darker shade
 * (each channel at 70%) for hovered links: plain hex values, no CSS functions,
 * so every browser and checker reads it. `accent` is a checked `#rrggbb`.
 */
export function accentRule(accent: string): string {
  const darker = [1, 3, 5]
    .map((at) =>
      Math.round(Number.parseInt(accent.slice(at, at + 2), 16) * 0.7)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('');
  return `:root{--site-accent:${accent.toLowerCase()};--site-accent-strong:#${darker}}`;
}

/**
 * `content/site.yaml`: the newsroom's identity, which every page, the feed and
 * the structured data show. Every field is optional; a missing file is a site
 * with the defaults of `resolveSite`.
 */
export const siteSchema = z.strictObject({
  /** The site's name, in the header, page titles, the feed and share cards. */
  title: text.refine((title) => title.length <= 200, { error: 'is longer than 200 characters' }).optional(),
  /** One line under the site's name in the header. */
  tagline: text.optional(),
  /** What the site is, for the home page's description and the feed. */
  description: text.optional(),
  /** Who publishes the site: the publisher in each article's structured data. */
  publisher: z
    .strictObject({
      /** The newsroom's name. */
      name: text,
      /** The newsroom's own site. */
      url: httpUrl.optional(),
      /** The newsroom's logo, a picture in the content folder's `images/`: `images/logo.png`. */
      logo: pictureSrc.optional(),
    })
    .optional(),
  /** The language the site is written in, as a language tag: `en`, `uk`, `en-GB`. */
  locale: z
    .string({ error: 'must be a language tag such as "en", "uk" or "en-GB"' })
    .refine(isLanguageTag, { error: 'is not a language tag such as "en", "uk" or "en-GB"' })
    .optional(),
  /** The time zone times of day are shown in (IANA name). */
  timezone: timeZoneName.optional(),
  /** The accent colour of links in the light theme, as `#rrggbb`; it must be readable on the page (4.5:1). */
  accent: z
    .string({ error: 'must be a colour written #rrggbb, such as "#b3261e"' })
    .regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour written #rrggbb, such as "#b3261e"' })
    // A value that is no colour is reported once, by the pattern above.
    .refine((colour) => !/^#[0-9a-fA-F]{6}$/.test(colour) || contrastOnPage(colour) >= 4.5, {
      error:
        'is too light to read as link text on the light page (links need a contrast of 4.5:1): choose a darker shade',
    })
    .optional(),
  /** One line of plain text at the foot of every page, such as a copyright line. */
  footer: text.optional(),
});

/** `content/site.yaml` as written and validated. */
export type SiteFile = z.infer<typeof siteSchema>;

/** The site's identity as pages use it: the file's values, the environment's where set, and the defaults. */
export interface Site {
  title: string;
  tagline: string | undefined;
  description: string;
  publisher: { name: string; url: string | undefined; logo: string | undefined } | undefined;
  locale: string;
  timeZone: string;
  accent: string | undefined;
  footer: string | undefined;
}

/** The defaults of what `site.yaml` leaves out. */
const DEFAULTS = {
  title: 'Explainer',
  locale: 'en-GB',
  timeZone: 'UTC',
} as const;

/**
 * The site's identity: `SITE_TITLE` and `SITE_TIMEZONE` from the environment
 * win over `title` and `timezone` in the file (a deploy can rename a preview
 * without editing content), then the file, then the defaults. Pure.
 */
export function resolveSite(file: SiteFile, env: { title?: string | undefined; timeZone?: string | undefined }): Site {
  return {
    title: env.title ?? file.title ?? DEFAULTS.title,
    tagline: file.tagline,
    // Without a description of its own, the site's is the one of its language's table.
    description: file.description ?? messagesFor(file.locale ?? DEFAULTS.locale).site.description,
    publisher: file.publisher && {
      name: file.publisher.name,
      url: file.publisher.url,
      logo: file.publisher.logo,
    },
    locale: file.locale ?? DEFAULTS.locale,
    timeZone: env.timeZone ?? file.timezone ?? DEFAULTS.timeZone,
    accent: file.accent,
    footer: file.footer,
  };
}
