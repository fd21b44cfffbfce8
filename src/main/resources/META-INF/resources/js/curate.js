// Curator mode: correcting and retracting a fact (with version conflicts), ingesting text and asserting facts.
import { gql, tokenClaims } from './api.js';
import { h, put, href, field, showError, clearAlert, announce, loading } from './ui.js';
import { FACT_QUERY, renderFact } from './fact.js';
import { toggleSignIn } from './signin.js';
import { actorRows, topicChecks, typeSelect, dateValue, dateInput, DATE_PATTERN } from './forms.js';

// ---------------------------------------------------------------------------------------------
// Correct and retract (fact page)

/** The correction form, filled with the fact as shown (or with the curator's edits after a reload). */
export function correctPanel(ctx, f, edits) {
  const form = h('form', { class: 'card form', 'data-testid': 'correct-form', 'aria-labelledby': 'correct-h' });
  const summary = h('textarea', { id: 'c-summary', rows: '3', required: true, 'data-testid': 'correct-summary' });
  summary.value = edits ? edits.summary : f.summary;
  const type = typeSelect('c-type', edits ? edits.type : f.type);
  const date = h('input', { type: 'text', id: 'c-date', pattern: DATE_PATTERN, value: edits ? edits.date : dateValue(f.date),
    'data-testid': 'correct-date', 'aria-describedby': 'c-date-hint' });
  const words = h('input', { type: 'text', id: 'c-words', value: edits ? edits.words : (f.date.text || '') });
  const reason = h('input', { type: 'text', id: 'c-reason', value: edits ? edits.reason : '', 'data-testid': 'correct-reason' });
  const actors = actorRows(edits ? edits.actors : f.actors.map(a => ({ actor: a.actor.id, role: a.role })));
  const topicsSlot = h('div', {}, loading('Loading topics…'));
  let topics = null;
  topicChecks(edits ? edits.topics : f.topics.map(t => t.id)).then(box => { topics = box; put(topicsSlot, box); })
    .catch(e => showError(e, 'Loading topics failed'));
  const save = h('button', { type: 'submit', class: 'button primary', 'data-testid': 'correct-submit' }, 'Save correction');
  form.append(
    h('h2', { id: 'correct-h' }, 'Correct this fact ', h('span', { class: 'muted' }, '(editing version ' + f.version + ')')),
    field('Summary', summary),
    h('div', { class: 'row' }, field('Type', type),
      field('Date', date, 'YYYY, YYYY-MM or YYYY-MM-DD; empty for unknown'), field('Date words', words)),
    h('fieldset', {}, h('legend', {}, 'Actors and roles'), actors),
    topicsSlot,
    field('Reason for the correction', reason),
    h('div', { class: 'actions' }, save,
      h('button', { type: 'button', class: 'button ghost', onclick: () => { form.remove(); document.querySelector('[data-testid="correct-button"]').focus(); } }, 'Cancel')));

  const current = () => ({ summary: summary.value.trim(), type: type.value, date: date.value.trim(), words: words.value.trim(),
    actors: actors.value(), topics: topics ? topics.value() : f.topics.map(t => t.id), reason: reason.value.trim() });

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const now = current();
    const correction = {};
    if (now.summary !== f.summary) correction.summary = now.summary;
    if (now.type !== f.type) correction.type = now.type;
    if (now.date !== dateValue(f.date) || now.words !== (f.date.text || '')) correction.date = dateInput(now.date, now.words);
    const before = f.actors.map(a => a.actor.id + ':' + a.role).join();
    if (now.actors.map(a => a.actor + ':' + a.role).join() !== before) correction.actors = now.actors;
    if ([...now.topics].sort().join() !== f.topics.map(t => t.id).sort().join()) correction.topics = now.topics;
    if (!Object.keys(correction).length) {
      showError({ message: 'Nothing was changed.', code: 'NO_CHANGE' }, 'Correction');
      return;
    }
    if (now.reason) correction.reason = now.reason;
    save.disabled = true;
    try {
      await gql(`mutation Correct($id: ID!, $v: Int!, $c: FactCorrectionInput!) { correctFact(id: $id, expectedVersion: $v, correction: $c) { id version } }`,
        { id: f.id, v: f.version, c: correction });
      await reloadFact(ctx, f.id);
      announce('Correction saved');
    } catch (error) {
      save.disabled = false;
      if (error.code === 'VERSION_CONFLICT') conflict(ctx, f, error, now);
      else showError(error, 'The correction was refused');
    }
  });
  return form;
}

/** A stale version: say so, and offer to reload the fact keeping the curator's edits in the form. */
async function conflict(ctx, f, error, edits) {
  let version = (error.message.match(/at version (\d+)/) || [])[1];
  try { version = (await gql('query V($id: ID!) { fact(id: $id) { version } }', { id: f.id })).fact.version; } catch { /* keep the message's */ }
  const region = document.getElementById('alert');
  const reload = h('button', { type: 'button', class: 'button primary', 'data-testid': 'conflict-reload', onclick: async () => {
    clearAlert();
    await reloadFact(ctx, f.id, fresh => () => correctPanel(ctx, fresh, edits));
    announce('Reloaded version ' + version + '; your changes are in the form: review and save again.');
  } }, 'Reload and re-apply my changes');
  put(region, h('div', { class: 'alert-body', 'data-testid': 'version-conflict' },
    h('strong', {}, 'This fact changed since you opened it (now version ' + version + ') — reload and re-apply?'),
    ' ', h('code', { class: 'code', 'data-testid': 'alert-code' }, error.code)),
  h('div', { class: 'actions' }, reload,
    h('button', { type: 'button', class: 'button ghost', onclick: clearAlert }, 'Dismiss')));
  region.hidden = false;
  region.scrollIntoView({ block: 'nearest' });
  reload.focus();
}

async function reloadFact(ctx, id, panel) {
  const data = await gql(FACT_QUERY, { id });
  if (!data.fact) return;
  renderFact(ctx, data.fact, panel ? panel(data.fact) : null);
  const heading = document.querySelector('[data-testid="fact-summary"]');
  if (heading && !panel) { heading.tabIndex = -1; heading.focus(); }
}

export function retractPanel(ctx, f) {
  const reason = h('input', { type: 'text', id: 'r-reason', required: true, 'data-testid': 'retract-reason',
    'aria-describedby': 'r-reason-hint' });
  const submit = h('button', { type: 'submit', class: 'button danger', 'data-testid': 'retract-submit' }, 'Retract');
  const form = h('form', { class: 'card form', 'data-testid': 'retract-form', 'aria-labelledby': 'retract-h' },
    h('h2', { id: 'retract-h' }, 'Retract this fact'),
    field('Reason', reason, 'Required. The fact stays readable, marked retracted, with this reason in its history.'),
    h('div', { class: 'actions' }, submit,
      h('button', { type: 'button', class: 'button ghost', onclick: () => { form.remove(); document.querySelector('[data-testid="retract-button"]').focus(); } }, 'Cancel')));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (!reason.value.trim()) { reason.focus(); return; }
    submit.disabled = true;
    try {
      await gql(`mutation Retract($id: ID!, $v: Int!, $reason: String!) { retractFact(id: $id, expectedVersion: $v, reason: $reason) { id status } }`,
        { id: f.id, v: f.version, reason: reason.value.trim() });
      await reloadFact(ctx, f.id);
      announce('Fact retracted');
    } catch (error) {
      submit.disabled = false;
      if (error.code === 'VERSION_CONFLICT') {
        showError({ message: 'This fact changed since you opened it — reload the page to see its current version, then retract again.', code: error.code }, 'Retraction refused');
      } else showError(error, 'The retraction was refused');
    }
  });
  return form;
}

// ---------------------------------------------------------------------------------------------
// Ingest and assert pages

function needsSignIn(main, what) {
  if (tokenClaims()) return false;
  put(main, h('h1', {}, what),
    h('p', {}, 'This needs a curator: ', h('button', { type: 'button', class: 'button', onclick: toggleSignIn }, 'Sign in'), ' with a token first.'));
  return true;
}

export async function ingestView(ctx) {
  const { main } = ctx;
  document.title = 'Ingest a document — factline explorer';
  if (needsSignIn(main, 'Ingest a document')) return;
  const title = h('input', { type: 'text', id: 'i-title', 'data-testid': 'ingest-title' });
  const publisher = h('input', { type: 'text', id: 'i-publisher', 'data-testid': 'ingest-publisher' });
  const published = h('input', { type: 'text', id: 'i-published', placeholder: 'as printed, e.g. 24 June 2021' });
  const publishedDate = h('input', { type: 'date', id: 'i-published-date', 'data-testid': 'ingest-published-date' });
  const url = h('input', { type: 'url', id: 'i-url', placeholder: 'https://…' });
  const text = h('textarea', { id: 'i-text', rows: '14', required: true, 'data-testid': 'ingest-text' });
  const submit = h('button', { type: 'submit', class: 'button primary', 'data-testid': 'ingest-submit' }, 'Ingest');
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'card form', 'data-testid': 'ingest-form' },
    h('div', { class: 'row' }, field('Title', title), field('Publisher', publisher)),
    h('div', { class: 'row' }, field('Published (as printed)', published), field('Published date', publishedDate), field('URL', url)),
    field('Text', text, 'Plain text, pasted. The extractor reads it for statements, agreements and meetings.'),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    if (!text.value.trim()) { text.focus(); return; }
    submit.disabled = true;
    submit.textContent = 'Ingesting…';
    const input = { text: text.value };
    for (const [key, el] of Object.entries({ title, publisher, published, publishedDate, url })) if (el.value.trim()) input[key] = el.value.trim();
    try {
      const data = await gql(`mutation Ingest($input: DocumentInput!) { ingestDocument(input: $input) { created facts corroborated document { id title factCount } } }`, { input });
      const r = data.ingestDocument;
      const docLink = h('a', { href: href('document/' + encodeURIComponent(r.document.id)), 'data-testid': 'ingest-document-link', class: 'button' }, 'Open the document');
      put(result, h('div', { class: 'card success', 'data-testid': 'ingest-result', 'data-created': String(r.created), 'data-facts': r.facts },
        h('h2', {}, r.created ? 'Document stored' : 'Already stored'),
        h('p', {}, r.created ? '' : 'This text was ingested before; nothing new was stored. ',
          h('strong', { 'data-testid': 'ingest-facts' }, String(r.facts)), ' new fact' + (r.facts === 1 ? '' : 's'),
          r.corroborated ? ', ' + r.corroborated + ' known fact' + (r.corroborated === 1 ? '' : 's') + ' corroborated' : '',
          ' · ' + (r.document.factCount ?? 0) + ' active facts cite “' + (r.document.title || 'the document') + '”.'),
        docLink));
      docLink.focus();
    } catch (error) {
      showError(error, 'Ingestion was refused');
    } finally {
      submit.disabled = false;
      submit.textContent = 'Ingest';
    }
  });
  put(main, h('h1', {}, 'Ingest a document'), form, result);
}

export async function assertView(ctx) {
  const { main, params } = ctx;
  document.title = 'Assert a fact — factline explorer';
  if (needsSignIn(main, 'Assert a fact')) return;
  put(main, loading());
  const docs = (await gql('{ documents(first: 100) { edges { node { id title } } } }')).documents.edges.map(e => e.node);
  const topics = await topicChecks([]);
  if (!ctx.current()) return;
  const type = typeSelect('a-type', 'STATEMENT');
  const summary = h('textarea', { id: 'a-summary', rows: '2', required: true, 'data-testid': 'assert-summary' });
  const date = h('input', { type: 'text', id: 'a-date', pattern: DATE_PATTERN, placeholder: '2018-04-27', 'data-testid': 'assert-date' });
  const words = h('input', { type: 'text', id: 'a-words' });
  const actors = actorRows();
  const docList = h('datalist', { id: 'document-options' }, docs.map(d => h('option', { value: d.id }, d.title || d.id)));
  const doc = h('input', { type: 'text', id: 'a-document', required: true, list: 'document-options', value: params.get('document') || '',
    autocomplete: 'off', 'data-testid': 'assert-document' });
  const quote = h('textarea', { id: 'a-quote', rows: '3', required: true, 'data-testid': 'assert-quote' });
  quote.value = params.get('quote') || '';
  const note = h('input', { type: 'text', id: 'a-note' });
  const submit = h('button', { type: 'submit', class: 'button primary', 'data-testid': 'assert-submit' }, 'Assert the fact');
  const form = h('form', { class: 'card form', 'data-testid': 'assert-form' },
    h('div', { class: 'row' }, field('Type', type), field('Date', date, 'YYYY, YYYY-MM or YYYY-MM-DD; empty for unknown'), field('Date words', words)),
    field('Summary', summary),
    h('fieldset', {}, h('legend', {}, 'Actors and roles'), actors),
    topics,
    h('fieldset', {}, h('legend', {}, 'Source'),
      field('Document', doc, 'The document id; suggestions list the stored documents by title.'), docList,
      field('Quote', quote, 'The exact words of the passage in that document.')),
    field('Note', note),
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    const input = { type: type.value, summary: summary.value.trim(), actors: actors.value(), topics: topics.value(),
      date: dateInput(date.value.trim(), words.value.trim()), sources: [{ document: doc.value.trim(), quote: quote.value.trim() }] };
    if (note.value.trim()) input.note = note.value.trim();
    if (!input.actors.length) { showError({ message: 'A fact needs at least one actor.', code: 'BAD_USER_INPUT' }, 'Assert'); return; }
    submit.disabled = true;
    try {
      const data = await gql('mutation Assert($input: FactInput!) { assertFact(input: $input) { id } }', { input });
      location.hash = href('fact/' + encodeURIComponent(data.assertFact.id));
    } catch (error) {
      submit.disabled = false;
      showError(error, 'The fact was refused');
    }
  });
  put(main, h('h1', {}, 'Assert a fact'), form);
}
