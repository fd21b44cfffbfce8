// The fact page: the fact, its sources with each passage marked in its document, its history, and the curator's actions.
import { gql, tokenClaims } from './api.js';
import { h, put, typeBadge, formatDate, formatInstant, href, link, loading } from './ui.js';
import { notFound } from './facts.js';
// curate.js imports this module back (to re-render the fact after a change); neither uses the other while loading, so the cycle is safe.
import { correctPanel, retractPanel } from './curate.js';

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
