// The search page (home): the search form, the filters in force, matching actors, the timeline and the facts.
import { gql } from './api.js';
import { h, put, TYPES, typeLabel, href, loading, field, splitList } from './ui.js';
import { FACT, PAGE, TIMELINE, filterOf, withoutDates, granularityOf, timelineFor, factsSection, activeFilters } from './facts.js';
import { actorSuggestions } from './forms.js';

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
