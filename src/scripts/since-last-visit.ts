/**
 * Marks what changed since the reader's last visit. Pages carry the moment of
 * each change in `data-changed-at` (an ISO instant, written at build time).
 * The last visit is remembered in this browser only (local storage: no cookie,
 * nothing sent anywhere). A visit is a browser session: the first page of a
 * session reads the previous visit's time and keeps it for the session, so
 * every page of the session marks against the same moment. On a first visit,
 * or without JavaScript, nothing is marked.
 */
import { plural, uiMessages } from './messages.ts';

const LAST_VISIT = 'explainer:last-visit';
const SINCE = 'explainer:since';

function read(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function write(storage: Storage, key: string, value: string): void {
  try {
    storage.setItem(key, value);
  } catch {
    // Storage may be full or refused (private mode): then nothing is marked next time.
  }
}

/** The moment this session marks against: the last visit before it began, or none on a first visit. */
function since(): number | undefined {
  let value = read(sessionStorage, SINCE);
  if (value === null) {
    value = read(localStorage, LAST_VISIT) ?? '';
    write(sessionStorage, SINCE, value);
  }
  write(localStorage, LAST_VISIT, new Date().toISOString());
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : time;
}

function mark(after: number): void {
  for (const item of document.querySelectorAll<HTMLElement>('[data-changed-at]')) {
    const at = Date.parse(item.dataset['changedAt'] ?? '');
    if (Number.isNaN(at) || at <= after) continue;
    item.classList.add('is-new');
    const label = document.createElement('span');
    label.className = 'new-mark';
    label.textContent = uiMessages().newMark;
    item.prepend(label, ' ');
  }
  // The status line counts the changes of its own list (the home page's latest updates).
  const status = document.querySelector<HTMLElement>('[data-new-status]');
  const listed = status?.closest('section')?.querySelectorAll('.is-new').length ?? 0;
  if (status && listed > 0) {
    status.textContent = plural(uiMessages().changes, listed);
    status.hidden = false;
  }
}

const after = since();
if (after !== undefined) mark(after);
