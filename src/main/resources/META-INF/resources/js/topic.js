// The topic page: its description, timeline and facts.
import { gql } from './api.js';
import { h, put, loading } from './ui.js';
import { FACT, PAGE, TIMELINE, filterOf, withoutDates, granularityOf, timelineFor, factsSection, activeFilters, notFound } from './facts.js';

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
