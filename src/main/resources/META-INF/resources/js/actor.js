// The actor page: who the actor is, its timeline and facts, and beside them its roles, co-actors and topics.
import { gql } from './api.js';
import { h, put, href, link, loading } from './ui.js';
import { FACT, PAGE, TIMELINE, filterOf, withoutDates, granularityOf, timelineFor, factsSection, activeFilters, notFound } from './facts.js';

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
