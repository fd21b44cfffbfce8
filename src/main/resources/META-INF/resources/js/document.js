// The document page: its text with every fact's passage highlighted, and the facts found in it.
import { gql, tokenClaims } from './api.js';
import { h, put, typeLabel, formatInstant, href, factItem, loading } from './ui.js';
import { notFound } from './facts.js';

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
