// The read views: search (home), actor, topic, fact and document pages.
import { gql, tokenClaims } from './api.js';
import {
  h, put, TYPES, typeLabel, typeBadge, formatDate, formatInstant, href, link, factItem, loading, showError, field, splitList,
} from './ui.js';
import { timeline } from './timeline.js';
import { correctPanel, retractPanel, actorSuggestions } from './curate.js';

const FACT = `fragment F on Fact { id type summary status date { start end precision text } actors { role actor { id name } } }`;
const PAGE = `totalCount edges { node { ...F } } pageInfo { hasNextPage endCursor }`;
const TIMELINE = `timeline(filter: $tl, granularity: $gran) { period count byType { type count } }`;

/** The URL's filter: text, actors, topics, types, from, to (as FactFilter), plus the granularity. */
function filterOf(params, extra = {}) {
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

function withoutDates(filter) {
  const { from, to, ...rest } = filter;
  return rest;
}

function granularityOf(params) {
  return (params.get('gran') || '').toUpperCase() === 'MONTH' ? 'MONTH' : 'YEAR';
}

function timelineFor(ctx, periods) {
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
function factsSection({ title, connection, fetchPage, roleOf, onPage, emptyText = 'No facts match.' }) {
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

// ---------------------------------------------------------------------------------------------
// Search (home)

export async function home(ctx) {
  const { main, params } = ctx;
  const filter = filterOf(params);
  const q = params.get('q') || '';
  if (!main.querySelector('[data-testid="search-form"]')) put(main, loading());
  const data = await gql(`query Home($f: FactFilter, $tl: FactFilter, $gran: Granularity, $q: String, $withActors: Boolean!) {
    facts(filter: $f, first: 20) { ${PAGE} }
    ${TIMELINE}
    topics { id name }
    actors(search: $q, first: 8) @include(if: $withActors) { edges { node { id name kind factCount } } }
  } ${FACT}`, { f: filter, tl: withoutDates(filter), gran: granularityOf(params), q, withActors: !!q });
  if (!ctx.current()) return;

  const form = searchForm(ctx, filter, data.topics);
  const actorHits = data.actors ? data.actors.edges.map(e => e.node) : null;
  put(main, 
    h('h1', { class: 'sr-only' }, 'Search facts'),
    form,
    activeFilters(ctx, filter),
    actorHits && actorHits.length ? h('section', { class: 'card', 'aria-labelledby': 'actors-h', 'data-testid': 'actor-results' },
      h('h2', { id: 'actors-h' }, 'Actors matching “' + q + '”'),
      h('ul', { class: 'chips' }, actorHits.map(a => h('li', {},
        h('a', { href: href('actor/' + encodeURIComponent(a.id)), class: 'chip', 'data-testid': 'actor-result' }, a.name,
          h('span', { class: 'muted' }, ' · ' + (a.kind || '').toLowerCase() + ' · ' + (a.factCount ?? 0) + ' facts')))))) : null,
    timelineFor(ctx, data.timeline),
    factsSection({
      title: q ? 'Facts mentioning “' + q + '”' : 'Facts',
      connection: data.facts,
      fetchPage: after => gql(`query More($f: FactFilter, $after: String) { facts(filter: $f, first: 20, after: $after) { ${PAGE} } } ${FACT}`,
        { f: filter, after }).then(d => d.facts),
    }));
}

function searchForm(ctx, filter, topics) {
  const { params } = ctx;
  const q = h('input', { type: 'search', id: 'search-q', name: 'q', value: params.get('q') || '', 'data-testid': 'search-input',
    placeholder: 'e.g. denuclearization, summit, Moon' });
  const actors = h('input', { type: 'text', id: 'filter-actors', name: 'actors', value: params.get('actors') || '', list: 'actor-options',
    autocomplete: 'off', placeholder: 'e.g. south-korea', 'data-testid': 'filter-actors', 'aria-describedby': 'filter-actors-hint' });
  actorSuggestions(actors, 'actor-options');
  const topic = h('select', { id: 'filter-topic', name: 'topic', 'data-testid': 'filter-topic' },
    h('option', { value: '' }, 'Any topic'),
    topics.map(t => h('option', { value: t.id, selected: (filter.topics || []).includes(t.id) }, t.name)));
  const types = TYPES.map(t => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name: 'types', value: t, checked: (filter.types || []).includes(t), 'data-testid': 'filter-type-' + t }),
    h('span', { class: 'swatch t-' + t, 'aria-hidden': 'true' }), typeLabel(t)));
  const from = h('input', { type: 'date', id: 'filter-from', value: filter.from || '', 'data-testid': 'filter-from' });
  const to = h('input', { type: 'date', id: 'filter-to', value: filter.to || '', 'data-testid': 'filter-to' });
  const form = h('form', { class: 'card search', role: 'search', 'data-testid': 'search-form' },
    h('div', { class: 'search-row' },
      h('label', { for: 'search-q', class: 'search-label' }, 'Search facts and actors'),
      h('div', { class: 'search-box' }, q, h('button', { type: 'submit', class: 'button primary', 'data-testid': 'search-submit' }, 'Search'))),
    h('details', { class: 'filters', open: Object.keys(withoutText(filter)).length ? true : null },
      h('summary', {}, 'Filters'),
      h('div', { class: 'filter-grid' },
        field('Actors (ids, comma-separated)', actors),
        field('Topic', topic),
        h('fieldset', { class: 'types' }, h('legend', {}, 'Types'), types),
        field('From', from),
        field('To', to)),
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'button', 'data-testid': 'apply-filters' }, 'Apply filters'),
        h('a', { href: '#/', class: 'button ghost', 'data-testid': 'reset-filters' }, 'Reset'))));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const chosenTopics = topic.value ? [topic.value, ...(filter.topics || []).filter(t => t !== topic.value && !topics.some(x => x.id === t))] : [];
    ctx.setParams({
      q: q.value.trim(), actors: splitList(actors.value), topics: chosenTopics,
      types: [...form.querySelectorAll('input[name=types]:checked')].map(c => c.value),
      from: from.value, to: to.value,
    });
  });
  return form;
}

function withoutText(filter) {
  const { text, ...rest } = filter;
  return rest;
}

/** The filters in force, each removable. */
function activeFilters(ctx, filter) {
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

// ---------------------------------------------------------------------------------------------
// Actor and topic pages

export async function actor(ctx) {
  const { main, params, id } = ctx;
  put(main, loading());
  const filter = filterOf(params);
  const data = await gql(`query Actor($id: ID!, $f: FactFilter, $tl: FactFilter, $gran: Granularity) {
    actor(id: $id) { id name kind aliases description wikidataId discovered factCount actsFor { id name }
      coActors(first: 12) { count actor { id name } }
      topics(first: 12) { count topic { id name } }
      facts(filter: $f, first: 20) { ${PAGE} } }
    ${TIMELINE}
  } ${FACT}`, { id, f: filter, tl: withoutDates(filterOf(params, { actors: [id] })), gran: granularityOf(params) });
  if (!ctx.current()) return;
  const a = data.actor;
  if (!a) return notFound(main, 'actor', id);
  document.title = a.name + ' — factline explorer';
  const roles = h('p', { class: 'roles', 'data-testid': 'actor-roles' });
  put(main, 
    h('div', { class: 'page-head' },
      h('p', { class: 'kicker' }, (a.kind || 'actor').toLowerCase(), a.discovered ? ' · discovered in a document' : ''),
      h('h1', { 'data-testid': 'actor-name' }, a.name),
      a.aliases && a.aliases.length ? h('p', { class: 'aliases', 'data-testid': 'actor-aliases' }, 'Also: ', a.aliases.join(', ')) : null,
      a.description ? h('p', { class: 'lead' }, a.description) : null,
      h('p', { class: 'muted' }, (a.factCount ?? 0) + ' active facts',
        a.actsFor ? [' · acts for ', link('actor/' + encodeURIComponent(a.actsFor.id), a.actsFor.name)] : null,
        a.wikidataId ? [' · Wikidata ', h('code', {}, a.wikidataId)] : null),
      activeFilters(ctx, filter)),
    h('div', { class: 'columns' },
      h('div', { class: 'col-main' },
        timelineFor(ctx, data.timeline),
        factsSection({
          title: 'Facts', connection: a.facts, roleOf: a.id,
          fetchPage: after => gql(`query More($id: ID!, $f: FactFilter, $after: String) { actor(id: $id) { facts(filter: $f, first: 20, after: $after) { ${PAGE} } } } ${FACT}`,
            { id, f: filter, after }).then(d => d.actor.facts),
          onPage: facts => put(roles, ...roleSummary(facts, a.id)),
        })),
      h('aside', { class: 'col-side' },
        h('section', { class: 'card', 'aria-labelledby': 'roles-h' }, h('h2', { id: 'roles-h' }, 'Roles'), roles),
        h('section', { class: 'card', 'aria-labelledby': 'co-h' }, h('h2', { id: 'co-h' }, 'Co-actors'),
          countList(a.coActors, c => c.actor, 'actor', 'co-actor')),
        h('section', { class: 'card', 'aria-labelledby': 'topics-h' }, h('h2', { id: 'topics-h' }, 'Topics'),
          countList(a.topics, t => t.topic, 'topic', 'actor-topic')))));
}

function roleSummary(facts, actorId) {
  const counts = {};
  for (const f of facts) for (const fa of f.actors) if (fa.actor.id === actorId) counts[fa.role] = (counts[fa.role] || 0) + 1;
  const entries = Object.entries(counts).sort((x, y) => y[1] - x[1]);
  if (!entries.length) return [h('span', { class: 'muted' }, 'No roles in the facts shown.')];
  return [h('span', { class: 'muted' }, 'In the ' + facts.length + ' facts shown: '),
    h('ul', { class: 'role-counts' }, entries.map(([role, n]) => h('li', {}, h('span', { class: 'badge role-badge' }, role.toLowerCase()), ' ' + n)))];
}

function countList(items, pick, kind, testid) {
  if (!items || !items.length) return h('p', { class: 'muted' }, 'None yet.');
  return h('ul', { class: 'count-list' }, items.map(item => {
    const thing = pick(item);
    return h('li', {}, h('a', { href: href(kind + '/' + encodeURIComponent(thing.id)), 'data-testid': testid }, thing.name),
      h('span', { class: 'count' }, String(item.count)));
  }));
}

export async function topic(ctx) {
  const { main, params, id } = ctx;
  put(main, loading());
  const filter = filterOf(params);
  const data = await gql(`query Topic($id: ID!, $f: FactFilter, $tl: FactFilter, $gran: Granularity) {
    topic(id: $id) { id name description factCount facts(filter: $f, first: 20) { ${PAGE} } }
    ${TIMELINE}
  } ${FACT}`, { id, f: filter, tl: withoutDates(filterOf(params, { topics: [id] })), gran: granularityOf(params) });
  if (!ctx.current()) return;
  const t = data.topic;
  if (!t) return notFound(main, 'topic', id);
  document.title = t.name + ' — factline explorer';
  put(main, 
    h('div', { class: 'page-head' },
      h('p', { class: 'kicker' }, 'topic'),
      h('h1', { 'data-testid': 'topic-name' }, t.name),
      t.description ? h('p', { class: 'lead', 'data-testid': 'topic-description' }, t.description) : null,
      h('p', { class: 'muted' }, (t.factCount ?? 0) + ' active facts'),
      activeFilters(ctx, filter)),
    timelineFor(ctx, data.timeline),
    factsSection({
      title: 'Facts', connection: t.facts,
      fetchPage: after => gql(`query More($id: ID!, $f: FactFilter, $after: String) { topic(id: $id) { facts(filter: $f, first: 20, after: $after) { ${PAGE} } } } ${FACT}`,
        { id, f: filter, after }).then(d => d.topic.facts),
    }));
}

function notFound(main, kind, id) {
  put(main, h('h1', {}, 'No such ' + kind), h('p', {}, 'There is no ' + kind + ' “' + id + '”. ', link('', 'Back to the search.')));
}

// ---------------------------------------------------------------------------------------------
// Fact page

export const FACT_QUERY = `query Fact($id: ID!) { fact(id: $id) {
  id type summary status version origin retractionReason recordedAt updatedAt
  date { start end precision text }
  actors { role actor { id name kind } }
  topics { id name }
  extraction { cameo plover extractorVersion target { start precision text } }
  history { type version at by reason }
  sources { quote start end confidence document { id title publisher publishedDate text } }
} }`;

export async function fact(ctx) {
  const { main, id } = ctx;
  put(main, loading());
  const data = await gql(FACT_QUERY, { id });
  if (!ctx.current()) return;
  const f = data.fact;
  if (!f) return notFound(main, 'fact', id);
  renderFact(ctx, f);
}

export function renderFact(ctx, f, openPanel) {
  const { main } = ctx;
  document.title = f.summary.slice(0, 60) + ' — factline explorer';
  const retracted = f.status === 'RETRACTED';
  const claims = tokenClaims();
  const panel = h('div', { class: 'curator-panel', id: 'curator-panel' });
  const showPanel = make => { put(panel, make()); const first = panel.querySelector('input, textarea, select'); if (first) first.focus(); };
  const curator = claims ? h('div', { class: 'curator-actions', role: 'group', 'aria-label': 'Curator actions' },
    h('button', { type: 'button', class: 'button', 'data-testid': 'correct-button', 'aria-controls': 'curator-panel',
      onclick: () => showPanel(() => correctPanel(ctx, f)) }, 'Correct'),
    retracted ? null : h('button', { type: 'button', class: 'button danger', 'data-testid': 'retract-button', 'aria-controls': 'curator-panel',
      onclick: () => showPanel(() => retractPanel(ctx, f)) }, 'Retract')) : null;

  put(main, 
    h('article', { class: 'fact-page' + (retracted ? ' is-retracted' : ''), 'data-testid': 'fact-page', 'data-fact-id': f.id, 'data-version': f.version },
      h('div', { class: 'page-head' },
        h('p', { class: 'kicker' }, typeBadge(f.type), ' ', h('span', { 'data-testid': 'fact-status', class: 'status s-' + f.status }, f.status.toLowerCase()),
          ' · version ', h('span', { 'data-testid': 'fact-version' }, String(f.version)), ' · ', f.origin.toLowerCase()),
        h('h1', { 'data-testid': 'fact-summary' }, f.summary),
        retracted ? h('div', { class: 'retracted-banner', 'data-testid': 'retracted-banner' },
          h('strong', {}, 'Retracted'), f.retractionReason ? [': ', h('span', { 'data-testid': 'retraction-reason' }, f.retractionReason)] : null,
          h('span', { class: 'muted' }, ' — kept readable with its history.')) : null,
        curator, panel),
      h('div', { class: 'columns' },
        h('div', { class: 'col-main' },
          sourcesSection(f),
          historySection(f)),
        h('aside', { class: 'col-side' },
          h('section', { class: 'card', 'aria-labelledby': 'about-h' }, h('h2', { id: 'about-h' }, 'About'),
            h('dl', { class: 'facts-dl' },
              h('dt', {}, 'Date'),
              h('dd', { 'data-testid': 'fact-date' }, h('strong', {}, formatDate(f.date)),
                f.date.start && f.date.end && f.date.end !== f.date.start ? h('span', { class: 'muted' }, ' (' + f.date.start + ' – ' + f.date.end + ')') : null,
                h('br'), h('span', { class: 'muted' }, 'precision: ' + f.date.precision.toLowerCase()),
                f.date.text ? [h('br'), h('span', { class: 'muted' }, 'from the words '), h('q', { 'data-testid': 'date-words' }, f.date.text)] : null),
              h('dt', {}, 'Actors'),
              h('dd', {}, h('ul', { class: 'plain' }, f.actors.map(a => h('li', { 'data-testid': 'fact-actor' },
                link('actor/' + encodeURIComponent(a.actor.id), a.actor.name), ' ', h('span', { class: 'badge role-badge' }, a.role.toLowerCase()))))),
              h('dt', {}, 'Topics'),
              h('dd', {}, f.topics.length ? h('ul', { class: 'plain' }, f.topics.map(t => h('li', {}, link('topic/' + encodeURIComponent(t.id), t.name))))
                : h('span', { class: 'muted' }, 'none')),
              h('dt', {}, 'Recorded'), h('dd', {}, formatInstant(f.recordedAt)),
              f.updatedAt !== f.recordedAt ? [h('dt', {}, 'Updated'), h('dd', {}, formatInstant(f.updatedAt))] : null,
              f.extraction ? [h('dt', {}, 'Extraction'), h('dd', {},
                'extractor ' + f.extraction.extractorVersion,
                f.extraction.cameo ? [h('br'), 'CAMEO ', h('code', {}, f.extraction.cameo)] : null,
                f.extraction.plover ? [h('br'), 'PLOVER ', h('code', {}, f.extraction.plover)] : null,
                f.extraction.target ? [h('br'), 'target date ' + formatDate(f.extraction.target)] : null)] : null))))));
  // scroll each passage into its box once the box has its size (and again if that changes, e.g. on rotation)
  main.querySelectorAll('[data-testid="source-text"]').forEach(box => {
    let width = 0;
    new ResizeObserver(() => { if (box.clientWidth !== width) { width = box.clientWidth; scrollToMark(box); } }).observe(box);
  });
  if (openPanel) showPanel(openPanel);
}

/** The passage's document text with text[start, end) in a <mark>, found by offsets, never by searching. */
function passage(source, index) {
  const text = source.document.text || '';
  const start = Math.max(0, Math.min(source.start, text.length));
  const end = Math.max(start, Math.min(source.end, text.length));
  return h('div', { class: 'doctext', tabindex: '0', role: 'region', 'aria-label': 'Text of “' + (source.document.title || 'the document') + '”, the passage marked',
    'data-testid': 'source-text', 'data-source-index': index, 'data-start': start, 'data-end': end },
    text.slice(0, start),
    h('mark', { 'data-testid': 'source-mark' }, text.slice(start, end)),
    text.slice(end));
}

function scrollToMark(box) {
  const mark = box.querySelector('mark');
  if (!mark || !box.clientHeight) return;
  const offset = mark.getBoundingClientRect().top - box.getBoundingClientRect().top;
  box.scrollTop = Math.max(0, box.scrollTop + offset - box.clientHeight / 3);
}

function sourcesSection(f) {
  return h('section', { class: 'card', 'aria-labelledby': 'sources-h', 'data-testid': 'sources' },
    h('h2', { id: 'sources-h' }, f.sources.length === 1 ? 'Source' : 'Sources (' + f.sources.length + ')'),
    f.sources.map((s, i) => {
      const doc = s.document;
      const body = passage(s, i);
      const item = h('div', { class: 'source', 'data-testid': 'source', 'data-document-id': doc.id },
        h('h3', {}, h('a', { href: href('document/' + encodeURIComponent(doc.id)), 'data-testid': 'source-document' }, doc.title || doc.id)),
        h('p', { class: 'muted' }, [doc.publisher, doc.publishedDate].filter(Boolean).join(' · '),
          ' · confidence ', h('span', { 'data-testid': 'source-confidence' }, Math.round(s.confidence * 100) + '%'),
          ' · characters ' + s.start + '–' + s.end),
        h('blockquote', { 'data-testid': 'source-quote' }, s.quote));
      if (i === 0) item.append(h('h4', { class: 'sub' }, 'In the document'), body);
      else {
        const details = h('details', {}, h('summary', {}, 'Show the passage in the document'), body);
        details.addEventListener('toggle', () => scrollToMark(body));
        item.append(details);
      }
      return item;
    }));
}

function historySection(f) {
  return h('section', { class: 'card', 'aria-labelledby': 'history-h' },
    h('h2', { id: 'history-h' }, 'History'),
    h('div', { class: 'table-scroll' }, h('table', { class: 'history', 'data-testid': 'history' },
      h('thead', {}, h('tr', {}, ['Version', 'What', 'When', 'By', 'Reason'].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, f.history.map(e => h('tr', { 'data-testid': 'history-entry', 'data-type': e.type, 'data-version': e.version },
        h('td', {}, String(e.version)),
        h('td', {}, e.type.replace(/^Fact/, '').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() || e.type),
        h('td', {}, h('time', { datetime: e.at }, formatInstant(e.at))),
        h('td', {}, e.by || h('span', { class: 'muted' }, '—')),
        h('td', { 'data-testid': 'history-reason' }, e.reason || h('span', { class: 'muted' }, '—'))))))));
}

// ---------------------------------------------------------------------------------------------
// Document page

const DOC_FACTS = `totalCount edges { node { id type summary status date { start end precision text } actors { role actor { id name } }
  sources { start end document { id } } } } pageInfo { hasNextPage endCursor }`;

export async function documentView(ctx) {
  const { main, id } = ctx;
  put(main, loading());
  const data = await gql(`query Doc($id: ID!) { document(id: $id) {
    id title publisher published publishedDate url mediaType length ingestedAt factCount text
    facts(first: 50, includeRetracted: true) { ${DOC_FACTS} } } }`, { id });
  if (!ctx.current()) return;
  const d = data.document;
  if (!d) return notFound(main, 'document', id);
  document.title = (d.title || 'Document') + ' — factline explorer';
  const facts = d.facts.edges.map(e => e.node);
  // every fact's passage is highlighted, so the page reads all the document's facts, page by page
  let page = d.facts.pageInfo;
  while (page.hasNextPage && facts.length < 5000) {
    const next = await gql(`query DocMore($id: ID!, $after: String) { document(id: $id) { facts(first: 50, after: $after, includeRetracted: true) { ${DOC_FACTS} } } }`,
      { id, after: page.endCursor });
    if (!ctx.current()) return;
    facts.push(...next.document.facts.edges.map(e => e.node));
    page = next.document.facts.pageInfo;
  }
  const claims = tokenClaims();
  const text = highlighted(d, facts);
  put(main, 
    h('div', { class: 'page-head' },
      h('p', { class: 'kicker' }, 'document'),
      h('h1', { 'data-testid': 'document-title' }, d.title || 'Untitled document'),
      h('p', { class: 'muted', 'data-testid': 'document-meta' },
        [d.publisher, d.published || d.publishedDate, d.length != null ? d.length.toLocaleString('en') + ' characters' : null,
          d.mediaType, d.ingestedAt ? 'ingested ' + formatInstant(d.ingestedAt) : null].filter(Boolean).join(' · '),
        d.url ? [' · ', h('a', { href: d.url, rel: 'noopener noreferrer' }, 'original')] : null),
      claims ? h('div', { class: 'curator-actions' },
        h('button', { type: 'button', class: 'button', 'data-testid': 'assert-from-selection', onclick: () => {
          const selection = window.getSelection();
          const quote = selection && text.contains(selection.anchorNode) ? selection.toString().trim() : '';
          location.hash = href('assert', quote ? { document: d.id, quote } : { document: d.id });
        } }, 'Assert a fact from the selected text')) : null),
    h('div', { class: 'columns doc-columns' },
      h('section', { class: 'card col-main', 'aria-labelledby': 'text-h' },
        h('h2', { id: 'text-h' }, 'Text'),
        h('p', { class: 'hint' }, 'Highlighted passages are the sources of facts; each links to its fact. Darker where passages overlap; struck through when the fact was retracted.'),
        text),
      h('section', { class: 'card col-side', 'aria-labelledby': 'docfacts-h' },
        h('h2', { id: 'docfacts-h' }, 'Facts from this document'),
        h('p', { class: 'muted' }, h('span', { 'data-testid': 'fact-total' }, String(d.facts.totalCount ?? facts.length)),
          ' in all, retracted ones included (' + (d.factCount ?? 0) + ' active)'),
        h('ol', { class: 'facts compact', 'data-testid': 'fact-list' }, facts.length ? facts.map(f => factItem(f))
          : h('li', { class: 'muted', 'data-testid': 'no-facts' }, 'No facts were found in this document.')))));
}

/** The text with every passage marked: overlapping passages split into segments, each a link to its innermost fact. */
function highlighted(d, facts) {
  const text = d.text || '';
  const spans = [];
  for (const f of facts) for (const s of f.sources) {
    if (s.document.id !== d.id) continue;
    const start = Math.max(0, Math.min(s.start, text.length)), end = Math.max(start, Math.min(s.end, text.length));
    if (end > start) spans.push({ start, end, fact: f });
  }
  const cuts = [...new Set([0, text.length, ...spans.flatMap(s => [s.start, s.end])])].sort((a, b) => a - b);
  const box = h('div', { class: 'doctext full', 'data-testid': 'document-text', tabindex: '0', role: 'region', 'aria-label': 'Document text' });
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i], cuts[i + 1]];
    const piece = text.slice(a, b);
    const covering = spans.filter(s => s.start <= a && s.end >= b);
    if (!covering.length) { box.append(piece); continue; }
    covering.sort((x, y) => (x.end - x.start) - (y.end - y.start));
    const inner = covering[0].fact;
    const ids = [...new Set(covering.map(s => s.fact.id))];
    const retracted = covering.every(s => s.fact.status === 'RETRACTED');
    box.append(h('a', {
      href: href('fact/' + encodeURIComponent(inner.id)), class: 'hl t-' + inner.type + (ids.length > 1 ? ' overlap' : '') + (retracted ? ' hl-retracted' : ''),
      'data-testid': 'doc-highlight', 'data-fact-id': inner.id, 'data-fact-ids': ids.join(' '), 'data-start': a, 'data-end': b,
      title: covering.map(s => typeLabel(s.fact.type) + ': ' + s.fact.summary + (s.fact.status === 'RETRACTED' ? ' (retracted)' : '')).join('\n'),
    }, piece));
  }
  return box;
}
