// The curator forms' widgets: actor suggestions and rows, topic checkboxes, the type select and the date field.
import { gql } from './api.js';
import { h, put, TYPES, ROLES, typeLabel, field } from './ui.js';

/** Suggests actor ids in a datalist as the user types a name (actors(search:)). */
export function actorSuggestions(input, listId) {
  let list = document.getElementById(listId);
  if (!list) { list = h('datalist', { id: listId }); document.body.append(list); }
  input.setAttribute('list', listId);
  let timer = null;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const term = input.value.split(',').pop().trim();
    if (term.length < 2) return;
    timer = setTimeout(async () => {
      try {
        const data = await gql('query S($q: String) { actors(search: $q, first: 10) { edges { node { id name } } } }', { q: term });
        const prefix = input.value.includes(',') ? input.value.slice(0, input.value.lastIndexOf(',') + 1) + ' ' : '';
        put(list, ...data.actors.edges.map(e => h('option', { value: prefix + e.node.id }, e.node.name)));
      } catch { /* suggestions are a convenience */ }
    }, 200);
  });
}

let topicCache = null;
async function allTopics() {
  if (!topicCache) topicCache = (await gql('{ topics { id name } }')).topics;
  return topicCache;
}

/** Rows of actor + role, with add and remove. */
export function actorRows(initial) {
  const rows = h('div', { class: 'actor-rows', 'data-testid': 'actor-rows' });
  let n = 0;
  function addRow(actor = '', role = 'PARTICIPANT') {
    const i = ++n;
    const input = h('input', { type: 'text', id: 'actor-' + i, value: actor, required: true, autocomplete: 'off',
      placeholder: 'actor id, e.g. south-korea', 'data-testid': 'actor-input' });
    actorSuggestions(input, 'actor-options');
    const select = h('select', { id: 'role-' + i, 'data-testid': 'role-select' }, ROLES.map(r => h('option', { value: r, selected: r === role }, r.toLowerCase())));
    const row = h('div', { class: 'actor-row' },
      field('Actor', input), field('Role', select),
      h('button', { type: 'button', class: 'button ghost small', 'aria-label': 'Remove this actor', onclick: () => {
        if (rows.querySelectorAll('.actor-row').length > 1) { row.remove(); rows.querySelector('input').focus(); }
      } }, 'Remove'));
    rows.insertBefore(row, addButton);
    return input;
  }
  const addButton = h('button', { type: 'button', class: 'button ghost small', 'data-testid': 'add-actor', onclick: () => addRow().focus() }, '+ Add actor');
  rows.append(addButton);
  (initial && initial.length ? initial : [{ actor: '', role: 'SPEAKER' }]).forEach(a => addRow(a.actor, a.role));
  rows.value = () => [...rows.querySelectorAll('.actor-row')].map(r => ({ actor: r.querySelector('input').value.trim(), role: r.querySelector('select').value }))
    .filter(a => a.actor);
  return rows;
}

export async function topicChecks(selected) {
  const topics = await allTopics();
  const box = h('fieldset', { class: 'topic-checks' }, h('legend', {}, 'Topics'),
    h('div', { class: 'check-grid' }, topics.map(t => h('label', { class: 'check' },
      h('input', { type: 'checkbox', value: t.id, checked: selected.includes(t.id) }), t.name))));
  box.value = () => [...box.querySelectorAll('input:checked')].map(c => c.value);
  return box;
}

export function typeSelect(id, value) {
  return h('select', { id, 'data-testid': 'type-select' }, TYPES.map(t => h('option', { value: t, selected: t === value }, typeLabel(t))));
}

export function dateValue(date) {
  if (!date || !date.start || date.precision === 'UNKNOWN') return '';
  return date.precision === 'YEAR' ? date.start.slice(0, 4) : date.precision === 'MONTH' ? date.start.slice(0, 7) : date.start;
}

export function dateInput(value, text) {
  if (!value) return { precision: 'UNKNOWN', text: text || null };
  return { value, text: text || null };
}

export const DATE_PATTERN = '\\d{4}(-\\d{2}(-\\d{2})?)?';
