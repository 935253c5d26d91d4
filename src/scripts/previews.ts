/**
 * Preview cards for actor mentions (`a.actor-link`) and citation numbers
 * (`a.cite-link`). The links work on their own; this only adds a card:
 * - mouse or pen: shown on hover, and kept while the pointer is on the card;
 * - keyboard: shown on focus, and the card is the link's accessible description;
 * - touch: the first tap shows the card, a second tap follows the link;
 * - Escape hides it (focus stays where it was); so do blur and tapping elsewhere.
 */

import { fill, uiMessages } from './messages.ts';

const SHOW_DELAY = 120;
const HIDE_DELAY = 200;

const card = document.createElement('div');
card.id = 'preview-card';
card.className = 'preview-card';
card.setAttribute('role', 'tooltip');
card.hidden = true;

let owner: HTMLAnchorElement | null = null;
let showTimer = 0;
let hideTimer = 0;
let lastPointer = '';

function previewable(target: EventTarget | null): HTMLAnchorElement | null {
  return target instanceof Element ? target.closest<HTMLAnchorElement>('a.actor-link, a.cite-link') : null;
}

function line(className: string, text: string | null | undefined): HTMLElement | null {
  if (!text) return null;
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

/** The card's content for an actor mention, from the link's data attributes. */
function actorContent(link: HTMLAnchorElement): (HTMLElement | null)[] {
  const name = link.dataset['name'] || link.textContent?.trim();
  return [
    line('preview-kind', uiMessages().actor),
    line('preview-title', name),
    line('preview-role', link.dataset['role']),
    line('preview-text', link.dataset['description']),
  ];
}

/** The card's content for a citation, from the reference list item it points to. */
function citeContent(link: HTMLAnchorElement): (HTMLElement | null)[] {
  const id = decodeURIComponent(link.hash.slice(1));
  const item = id ? document.getElementById(id) : null;
  if (!item) return [line('preview-kind', uiMessages().source), line('preview-title', link.getAttribute('aria-label'))];
  const title = item.querySelector('.reference-title')?.textContent?.trim();
  const copy = item.cloneNode(true) as HTMLElement;
  for (const el of copy.querySelectorAll('.backlinks, .reference-title, .reference-original')) el.remove();
  const details = (copy.textContent ?? '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .trim();
  return [
    line('preview-kind', fill(uiMessages().sourceNumber, { n: id.replace(/^ref-/, '') })),
    line('preview-title', title ?? item.textContent?.trim()),
    line('preview-text', details),
  ];
}

function place(link: HTMLAnchorElement): void {
  const rect = link.getClientRects()[0] ?? link.getBoundingClientRect();
  const margin = 8;
  const width = card.offsetWidth;
  const height = card.offsetHeight;
  const left = Math.max(margin, Math.min(rect.left, window.innerWidth - width - margin));
  const below = rect.bottom + 6;
  const top =
    below + height + margin > window.innerHeight && rect.top - height - 6 > margin ? rect.top - height - 6 : below;
  card.style.left = `${Math.round(left)}px`;
  card.style.top = `${Math.round(top)}px`;
}

function show(link: HTMLAnchorElement, touch = false): void {
  window.clearTimeout(hideTimer);
  if (owner === link && !card.hidden) return;
  if (owner) owner.removeAttribute('aria-describedby');
  owner = link;
  const parts = link.classList.contains('actor-link') ? actorContent(link) : citeContent(link);
  if (touch) parts.push(line('preview-hint', uiMessages().tapAgain));
  card.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  card.dataset['kind'] = link.classList.contains('actor-link') ? 'actor' : 'source';
  card.hidden = false;
  link.setAttribute('aria-describedby', card.id);
  place(link);
}

function hide(): void {
  window.clearTimeout(showTimer);
  window.clearTimeout(hideTimer);
  card.hidden = true;
  if (owner) owner.removeAttribute('aria-describedby');
  owner = null;
}

function hideSoon(): void {
  window.clearTimeout(showTimer);
  window.clearTimeout(hideTimer);
  hideTimer = window.setTimeout(hide, HIDE_DELAY);
}

function init(): void {
  if (!document.querySelector('a.actor-link, a.cite-link')) return;
  document.body.append(card);

  document.addEventListener('pointerover', (event) => {
    if (event.pointerType === 'touch') return;
    const link = previewable(event.target);
    if (link) {
      window.clearTimeout(hideTimer);
      window.clearTimeout(showTimer);
      showTimer = window.setTimeout(() => show(link), SHOW_DELAY);
    } else if (event.target instanceof Node && card.contains(event.target)) {
      window.clearTimeout(hideTimer);
    }
  });
  document.addEventListener('pointerout', (event) => {
    if (event.pointerType === 'touch') return;
    const from =
      previewable(event.target) ?? (event.target instanceof Node && card.contains(event.target) ? card : null);
    if (!from) return;
    const to = event.relatedTarget instanceof Node ? event.relatedTarget : null;
    if (to && (from.contains(to) || card.contains(to) || owner?.contains(to))) return;
    if (owner && owner === document.activeElement) return;
    hideSoon();
  });
  document.addEventListener('pointerdown', (event) => {
    lastPointer = event.pointerType;
    if (event.pointerType === 'touch' && !previewable(event.target) && !card.contains(event.target as Node)) hide();
  });
  document.addEventListener('click', (event) => {
    const link = previewable(event.target);
    if (!link || lastPointer !== 'touch') return;
    if (owner !== link || card.hidden) {
      event.preventDefault();
      show(link, true);
    }
  });
  document.addEventListener('focusin', (event) => {
    const link = previewable(event.target);
    if (link && lastPointer !== 'touch') show(link);
    else if (!link) hide();
  });
  document.addEventListener('focusout', (event) => {
    if (previewable(event.target) && owner === event.target) hideSoon();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !card.hidden) {
      event.preventDefault();
      hide();
    }
    lastPointer = '';
  });
  window.addEventListener('resize', () => owner && !card.hidden && place(owner));
  window.addEventListener('scroll', () => owner && !card.hidden && place(owner), { passive: true });
}

init();
