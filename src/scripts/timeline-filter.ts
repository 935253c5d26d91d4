/**
 * Filters a timeline by actor in the page, without a round trip: items carry
 * the ids of the actors they involve in `data-actors`. The control is hidden
 * in the HTML and shown only here, so without JavaScript the whole timeline
 * shows. The choice is kept in the address (`?actor=id`) so it can be shared.
 */
import { plural, uiMessages } from './messages.ts';

function apply(timeline: HTMLElement, actor: string, status: HTMLElement | null): void {
  const items = [...timeline.querySelectorAll<HTMLElement>('li[data-actors]')];
  let shown = 0;
  for (const item of items) {
    const match = actor === '' || (item.dataset['actors'] ?? '').split(' ').includes(actor);
    item.hidden = !match;
    if (match) shown += 1;
  }
  for (const day of timeline.querySelectorAll<HTMLElement>('.timeline-day')) {
    day.hidden = day.querySelector('li[data-actors]:not([hidden])') === null;
  }
  if (status)
    status.textContent =
      actor === ''
        ? plural(uiMessages().showingAll, items.length)
        : plural(uiMessages().showing, items.length, { shown });
}

for (const timeline of document.querySelectorAll<HTMLElement>('[data-timeline]')) {
  const control = timeline.querySelector<HTMLElement>('[data-timeline-filter]');
  const select = control?.querySelector('select');
  if (!control || !select) continue;
  const status = control.querySelector<HTMLElement>('[data-timeline-status]');
  const wanted = new URLSearchParams(window.location.search).get('actor');
  if (wanted && [...select.options].some((o) => o.value === wanted)) {
    select.value = wanted;
    apply(timeline, wanted, status);
  }
  select.addEventListener('change', () => {
    apply(timeline, select.value, status);
    const url = new URL(window.location.href);
    if (select.value) url.searchParams.set('actor', select.value);
    else url.searchParams.delete('actor');
    window.history.replaceState(null, '', url);
  });
  control.hidden = false;
}
