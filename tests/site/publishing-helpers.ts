import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import type { Element as XmlElement, Root as XmlRoot } from 'xast';
import { fromXml } from 'xast-util-from-xml';

/** Every file of a built site, relative to it, sorted. */
export function listFiles(outDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(outDir, path));
    }
  };
  walk(outDir);
  return files.sort();
}

/** A SHA-256 of every file, by relative path: two equal maps mean byte-identical trees. */
export function treeDigest(outDir: string): Map<string, string> {
  return new Map(
    listFiles(outDir).map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(join(outDir, file)))
        .digest('hex'),
    ]),
  );
}

/** Every HTML page of a build, by its path under the site root (`/actors/x/`), without the base path. */
export function loadPages(outDir: string): Map<string, Root> {
  return new Map(
    listFiles(outDir)
      .filter((file) => file.endsWith('.html'))
      .map((file) => [`/${file.replace(/index\.html$/, '')}`, fromHtml(readFileSync(join(outDir, file), 'utf8'))]),
  );
}

/** Parses XML strictly (throws on malformed XML). */
export function parseXml(text: string): XmlRoot {
  return fromXml(text);
}

/** The text of every element with this name, in document order. */
export function xmlTexts(tree: XmlRoot | XmlElement, name: string): string[] {
  const out: string[] = [];
  const visit = (node: XmlRoot | XmlElement) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.name === name) out.push(child.children.map((c) => ('value' in c ? c.value : '')).join(''));
      visit(child);
    }
  };
  visit(tree);
  return out;
}

/** The elements with this name. */
export function xmlElements(tree: XmlRoot | XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (node: XmlRoot | XmlElement) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.name === name) out.push(child);
      visit(child);
    }
  };
  visit(tree);
  return out;
}

/** The text inside an element (a `<script>`'s source). */
export function textOf(node: Element): string {
  return node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

/** Parsed JSON-LD blocks of a page. */
export function jsonLdOf(tree: Root): Record<string, unknown>[] {
  return selectAll('script[type="application/ld+json"]', tree).map(
    (node) => JSON.parse(textOf(node)) as Record<string, unknown>,
  );
}

/** The `content` of a `<meta>` found by property or name. */
export function metaContent(tree: Root, key: string): string | undefined {
  const node = selectAll(`meta[property="${key}"], meta[name="${key}"]`, tree)[0];
  const content = node?.properties['content'];
  return typeof content === 'string' ? content : undefined;
}

/** Every URL a page refers to: links, scripts, images, stylesheets, forms. */
export function referencedUrls(tree: Root): string[] {
  const urls: string[] = [];
  for (const node of selectAll(
    'a[href], link[href], script[src], img[src], source[src], form[action], iframe[src]',
    tree,
  )) {
    const value = node.properties['href'] ?? node.properties['src'] ?? node.properties['action'];
    if (typeof value === 'string') urls.push(value);
  }
  return urls;
}

/** True when a path under the site root (`/actors/x/`, `/rss.xml`) exists in the build. */
export function existsInBuild(files: Set<string>, path: string): boolean {
  const clean = decodeURIComponent(path.replace(/^\//, ''));
  return clean === ''
    ? files.has('index.html')
    : path.endsWith('/')
      ? files.has(`${clean}index.html`)
      : files.has(clean);
}

/** Width and height of a PNG, read from its header after checking its signature. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR')
    throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
