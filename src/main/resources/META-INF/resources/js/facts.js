// What the search, actor and topic pages share: the fact query fragments, the URL's filter, the timeline and the fact list.
import { h, put, TYPES, typeLabel, link, factItem, showError, splitList } from './ui.js';
import { timeline } from './timeline.js';

export const FACT = `fragment F on Fact { id type summary status date { start end precision text } actors { role actor { id name } } }`;
export const PAGE = `totalCount edges { node { ...F } } pageInfo { hasNextPage endCursor }`;
export const TIMELINE = `timeline(filter: $tl, granularity: $gran) { period count byType { type count } }`;

/** The URL's filter: text, actors, topics, types, from, to (as FactFilter), plus the granularity. */
export function filterOf(params, extra = {}) {
  const f = {};
  const text = params.get('q');
  if (text) f.text = text;
  for (const key of ['actors', 'topics']) {
    const list = [...splitList(params.get(key)), ...(extra[key] || [])];
    if (list.length) f[key] = [...new Set(list)];
  }
  const types = splitList(params.get('types')).map(t => t.toUpperCase()).filter(t => TYPES.includes(t));
  if (types.length) f.types = types;
  for (const key of ['from', 'to']) {
    const value = params.get(key);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value || '')) f[key] = value;
  }
  return f;
}

export function withoutDates(filter) {
  const { from, to, ...rest } = filter;
  return rest;
}

export function granularityOf(params) {
  return (params.get('gran') || '').toUpperCase() === 'MONTH' ? 'MONTH' : 'YEAR';
}

export function timelineFor(ctx, periods) {
  return timeline({
    periods, granularity: granularityOf(ctx.params), from: ctx.params.get('from'), to: ctx.params.get('to'),
    onRange: (from, to) => ctx.setParams({ from, to }),
    onGranularity: g => ctx.setParams({ gran: g === 'MONTH' ? 'month' : '' }),
  });
}

/**
 * A list of facts with its total and a "More" button that asks for the page after endCursor.
 * fetchPage(after) resolves to a FactConnection.
 */
export function factsSection({ title, connection, fetchPage, roleOf, onPage, emptyText = 'No facts match.' }) {
  const list = h('ol', { class: 'facts', 'data-testid': 'fact-list' });
  const count = h('span', { class: 'count', 'data-testid': 'fact-total' }, String(connection.totalCount ?? ''));
  const shown = h('span', { class: 'muted', 'data-testid': 'fact-shown' });
  const more = h('button', { type: 'button', class: 'button', 'data-testid': 'more' }, 'More facts');
  const section = h('section', { class: 'card', 'aria-labelledby': 'facts-h' },
    h('div', { class: 'section-head' }, h('h2', { id: 'facts-h' }, title), h('span', { class: 'muted' }, count, ' in all'), shown),
    list, h('div', { class: 'more-row' }, more));
  let page = connection;
  const all = [];
  function add(conn) {
    page = conn;
    for (const edge of conn.edges) {
      all.push(edge.node);
      list.append(factItem(edge.node, { roleOf }));
    }
    shown.textContent = all.length ? ' · showing ' + all.length : '';
    more.hidden = !conn.pageInfo.hasNextPage;
    if (!all.length) put(list, h('li', { class: 'empty muted', 'data-testid': 'no-facts' }, emptyText));
    if (onPage) onPage(all);
  }
  more.addEventListener('click', async () => {
    more.disabled = true;
    more.textContent = 'Loading…';
    try {
      const before = list.children.length;
      add(await fetchPage(page.pageInfo.endCursor));
      const next = list.children[before];
      if (next) next.querySelector('a').focus({ preventScroll: false });
    } catch (e) {
      showError(e, 'Loading more facts failed');
    } finally {
      more.disabled = false;
      more.textContent = 'More facts';
    }
  });
  add(connection);
  return section;
}

/** The filters in force, each removable. */
export function activeFilters(ctx, filter) {
  const chips = [];
  const remove = (key, value) => () => {
    if (key === 'from' || key === 'to' || key === 'q') ctx.setParams({ [key]: '' });
    else ctx.setParams({ [key]: splitList(ctx.params.get(key)).filter(v => v.toUpperCase() !== value.toUpperCase()) });
  };
  if (filter.text) chips.push(['q', filter.text, 'text “' + filter.text + '”']);
  for (const a of filter.actors || []) chips.push(['actors', a, 'actor ' + a]);
  for (const t of filter.topics || []) chips.push(['topics', t, 'topic ' + t]);
  for (const t of filter.types || []) chips.push(['types', t, typeLabel(t).toLowerCase() + 's']);
  if (filter.from) chips.push(['from', filter.from, 'from ' + filter.from]);
  if (filter.to) chips.push(['to', filter.to, 'to ' + filter.to]);
  if (!chips.length) return null;
  return h('ul', { class: 'chips active-filters', 'aria-label': 'Filters in force', 'data-testid': 'active-filters' },
    chips.map(([key, value, text]) => h('li', {}, h('button', { type: 'button', class: 'chip removable', onclick: remove(key, value),
      'aria-label': 'Remove filter: ' + text }, text, h('span', { 'aria-hidden': 'true' }, ' ×')))));
}

// Each page says so when its id is unknown, with a way back.
export function notFound(main, kind, id) {
  put(main, h('h1', {}, 'No such ' + kind), h('p', {}, 'There is no ' + kind + ' “' + id + '”. ', link('', 'Back to the search.')));
}
