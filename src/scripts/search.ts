/**
 * The search page: a small interface over Pagefind's own JavaScript API
 * (`/pagefind/pagefind.js`, written by the build). Results show the kind of
 * page (actor, statement, article…) from the `kind` metadata each page
 * carries. Excerpts are rebuilt as text and <mark> only, never as raw HTML.
 */

import { fill, plural, uiMessages } from './messages.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(
    query: string,
    options?: object,
    ms?: number,
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const base = import.meta.env.BASE_URL;
const form = document.querySelector<HTMLFormElement>('[data-search-form]');
const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
const list = document.querySelector<HTMLOListElement>('[data-search-results]');
const status = document.querySelector<HTMLElement>('[data-search-status]');

let api: Promise<PagefindApi> | undefined;
function pagefind(): Promise<PagefindApi> {
  api ??= (async () => {
    const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi;
    await module.options({ baseUrl: base, excerptLength: 24 });
    await module.init();
    return module;
  })();
  return api;
}

/** Pagefind's excerpt as DOM: text, with matches in <mark>; nothing else survives. */
function excerpt(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  const out = document.createDocumentFragment();
  for (const node of parsed.body.firstElementChild?.childNodes ?? []) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      out.append(mark);
    } else {
      out.append(node.textContent ?? '');
    }
  }
  return out;
}

function resultItem(data: PagefindResultData): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'search-result';
  const kind = document.createElement('p');
  kind.className = 'kind';
  kind.textContent = data.meta['kind'] ?? uiMessages().page;
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta['title'] ?? data.url;
  heading.append(link);
  const text = document.createElement('p');
  text.append(excerpt(data.excerpt));
  li.append(kind, heading, text);
  return li;
}

async function run(query: string): Promise<void> {
  if (!list || !status) return;
  const q = query.trim();
  if (q === '') {
    list.replaceChildren();
    status.textContent = '';
    return;
  }
  try {
    const search = await (await pagefind()).debouncedSearch(q, {}, 250);
    if (search === null) return; // superseded by a newer query
    const data = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
    list.replaceChildren(...data.map(resultItem));
    const n = search.results.length;
    const m = uiMessages();
    status.textContent = n === 0 ? fill(m.nothingFound, { q }) : plural(n > 20 ? m.resultsFirst : m.results, n, { q });
  } catch (error) {
    status.textContent = uiMessages().searchFailed;
    console.error(error);
  }
}

if (form && input) {
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(input.value);
  });
  input.addEventListener('input', () => {
    const url = new URL(window.location.href);
    if (input.value.trim()) url.searchParams.set('q', input.value.trim());
    else url.searchParams.delete('q');
    window.history.replaceState(null, '', url);
    void run(input.value);
  });
  const initial = new URLSearchParams(window.location.search).get('q');
  if (initial) {
    input.value = initial;
    void run(initial);
  }
}
