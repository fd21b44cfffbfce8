// Small DOM and formatting helpers shared by the views.

/** h('a', {href, class, onclick}, ...children): an element; null, false and undefined children are skipped. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'value') el.value = value;
    else if (key === 'checked' || key === 'selected') el[key] = !!value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

/** Replaces an element's children, skipping null, false and undefined as h() does. */
export function put(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

export const TYPES = ['STATEMENT', 'AGREEMENT', 'MEETING'];
export const ROLES = ['SPEAKER', 'ADDRESSEE', 'PARTY', 'PARTICIPANT', 'HOST', 'VISITOR'];

export function typeLabel(type) {
  return type ? type.charAt(0) + type.slice(1).toLowerCase() : '';
}

export function typeBadge(type) {
  return h('span', { class: 'badge t-' + type, 'data-testid': 'fact-type' }, typeLabel(type));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

/** A FactDate as words: "27 April 2018", "April 2018", "2018", or "date unknown". */
export function formatDate(date) {
  if (!date || !date.start || date.precision === 'UNKNOWN') return 'date unknown';
  const [y, m, d] = date.start.split('-');
  if (date.precision === 'YEAR') return y;
  if (date.precision === 'MONTH') return MONTHS[+m - 1] + ' ' + y;
  return (+d) + ' ' + MONTHS[+m - 1] + ' ' + y;
}

export function formatInstant(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return isNaN(d) ? iso : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC');
}

/** A link inside the explorer: path like 'actor/south-korea', params an object or URLSearchParams. */
export function href(path, params) {
  const query = params ? new URLSearchParams(params).toString() : '';
  return '#/' + path + (query ? '?' + query : '');
}

export function link(path, text, attrs = {}) {
  return h('a', { href: href(path), ...attrs }, text);
}

/** One fact in a list: type, date, summary (link), actors with roles, status. */
export function factItem(fact, { roleOf } = {}) {
  const retracted = fact.status === 'RETRACTED';
  return h('li', { class: 'fact' + (retracted ? ' retracted' : ''), 'data-testid': 'fact-item', 'data-fact-id': fact.id },
    h('div', { class: 'fact-meta' },
      typeBadge(fact.type),
      h('span', { class: 'date' }, formatDate(fact.date)),
      retracted ? h('span', { class: 'badge retracted-badge' }, 'Retracted') : null,
      roleOf ? roleBadge(fact, roleOf) : null),
    h('a', { class: 'fact-summary', href: href('fact/' + encodeURIComponent(fact.id)) }, fact.summary),
    fact.actors && fact.actors.length ? h('div', { class: 'fact-actors' },
      fact.actors.map((a, i) => [i ? ', ' : '', link('actor/' + encodeURIComponent(a.actor.id), a.actor.name),
        h('span', { class: 'role' }, ' (' + a.role.toLowerCase() + ')')])) : null);
}

function roleBadge(fact, actorId) {
  const roles = (fact.actors || []).filter(a => a.actor.id === actorId).map(a => a.role.toLowerCase());
  return roles.length ? h('span', { class: 'badge role-badge', title: 'Role in this fact' }, roles.join(', ')) : null;
}

export function loading(text = 'Loading…') {
  return h('p', { class: 'loading', role: 'status' }, text);
}

/** Shows an API error (message and code) in the page's alert region. */
export function showError(error, context) {
  const region = document.getElementById('alert');
  put(region, 
    h('div', { class: 'alert-body' },
      h('strong', {}, context ? context + ': ' : 'Error: '),
      h('span', { 'data-testid': 'alert-message' }, error.message || String(error)),
      error.code ? h('code', { class: 'code', 'data-testid': 'alert-code' }, error.code) : null),
    h('button', { type: 'button', class: 'link-button', onclick: clearAlert, 'aria-label': 'Dismiss the message' }, 'Dismiss'));
  region.hidden = false;
  region.scrollIntoView({ block: 'nearest' });
}

export function clearAlert() {
  const region = document.getElementById('alert');
  put(region);
  region.hidden = true;
}

/** Shows a short confirmation in the polite status region. */
export function announce(text) {
  const region = document.getElementById('status');
  region.textContent = text;
}

/** A labelled form field: label + control, with an id tying them. */
export function field(labelText, control, hint) {
  const id = control.id || ('f-' + Math.random().toString(36).slice(2, 9));
  control.id = id;
  return h('div', { class: 'field' },
    h('label', { for: id }, labelText),
    control,
    hint ? h('small', { class: 'hint', id: id + '-hint' }, hint) : null);
}

/** Text of an actor list as slugs separated by commas. */
export function splitList(text) {
  return (text || '').split(',').map(s => s.trim()).filter(Boolean);
}
