// The explorer's shell: hash routes (#/actor/south-korea?from=2018-01-01), header, sign-in state.
import { tokenClaims } from './api.js';
import { h, put, clearAlert, showError } from './ui.js';
import { home } from './home.js';
import { actor } from './actor.js';
import { topic } from './topic.js';
import { fact } from './fact.js';
import { documentView } from './document.js';
import { ingestView, assertView } from './curate.js';
import { toggleSignIn, signOut } from './signin.js';

const routes = {
  '': home,
  actor,
  topic,
  fact,
  document: documentView,
  ingest: ingestView,
  assert: assertView,
};

/** The current route: path segments and the query's parameters. */
export function currentRoute() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query] = raw.split('?');
  return { segments: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query || '') };
}

let lastPath = null;
let renderCount = 0;

async function render() {
  const hash = location.hash;
  const route = currentRoute();
  const main = document.getElementById('main');
  const view = routes[route.segments[0] || ''];
  const path = route.segments.join('/');
  const samePage = path === lastPath;
  const focusKey = samePage ? keyOf(document.activeElement) : null;
  lastPath = path;
  const run = ++renderCount;
  clearAlert();
  renderHeader(route);
  const ctx = {
    main,
    id: route.segments[1],
    params: route.params,
    current: () => run === renderCount,
    /** Replaces the URL's parameters (keeping the path): the page re-renders with them. */
    setParams(changes) {
      const params = new URLSearchParams(route.params);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) params.delete(key);
        else params.set(key, Array.isArray(value) ? value.join(',') : value);
      }
      const query = params.toString();
      location.hash = '#/' + route.segments.map(encodeURIComponent).join('/') + (query ? '?' + query : '');
    },
    rerender: render,
  };
  if (!view) {
    put(main, h('h1', { tabindex: '-1' }, 'Not found'), h('p', {}, 'There is no such page. ', h('a', { href: '#/' }, 'Go to the search.')));
    main.dataset.route = hash;
    return;
  }
  document.body.dataset.view = route.segments[0] || 'home';
  main.setAttribute('aria-busy', 'true');
  try {
    await view(ctx);
  } catch (error) {
    if (!ctx.current()) return;
    put(main, h('h1', { tabindex: '-1' }, 'Something went wrong'));
    showError(error, 'Loading the page failed');
  } finally {
    if (ctx.current()) main.removeAttribute('aria-busy');
  }
  if (!ctx.current()) return;
  // the route this content shows, once it is all there (tests wait for it)
  main.dataset.route = hash;
  if (!performance.getEntriesByName('factline:first-view').length) performance.mark('factline:first-view');
  if (samePage && focusKey) {
    const again = main.querySelector(focusKey) || document.querySelector(focusKey);
    if (again) again.focus();
  } else if (!samePage && lastFocusMoves++) {
    const heading = main.querySelector('h1');
    if (heading) { heading.tabIndex = -1; heading.focus({ preventScroll: true }); }
    window.scrollTo(0, 0);
  }
}
let lastFocusMoves = 0;

/** A selector finding the same control after a re-render, to keep keyboard users where they were. */
function keyOf(el) {
  if (!el || el === document.body) return null;
  const testid = el.getAttribute('data-testid');
  if (testid && el.dataset.period) return `[data-testid="${testid}"][data-period="${el.dataset.period}"]`;
  if (testid) return `[data-testid="${testid}"]`;
  if (el.id) return '#' + CSS.escape(el.id);
  return null;
}

function renderHeader(route) {
  const claims = tokenClaims();
  const here = route.segments[0] || '';
  const navLink = (path, text) => h('a', { href: '#/' + path, 'aria-current': here === path ? 'page' : null, 'data-testid': 'nav-' + (path || 'search') }, text);
  put(document.getElementById('nav'), 
    navLink('', 'Search'),
    claims ? navLink('ingest', 'Ingest') : null,
    claims ? navLink('assert', 'Assert a fact') : null);
  const auth = document.getElementById('auth');
  if (claims) {
    put(auth, 
      h('span', { class: 'who', 'data-testid': 'signed-in-as' }, 'Curator: ', h('strong', {}, claims.subject),
        claims.roles.length ? h('span', { class: 'muted' }, ' (' + claims.roles.join(', ') + ')') : null),
      h('button', { type: 'button', class: 'button ghost', 'data-testid': 'sign-out', onclick: () => { signOut(); } }, 'Sign out'));
  } else {
    put(auth, h('button', { type: 'button', class: 'button ghost', 'data-testid': 'sign-in',
      'aria-expanded': String(!document.getElementById('signin-panel').hidden), 'aria-controls': 'signin-panel',
      onclick: () => toggleSignIn() }, 'Sign in'));
  }
}

// Signing in or out re-renders the page, with or without the curator's actions.
window.addEventListener('factline:auth', () => { lastPath = null; render(); });

window.addEventListener('hashchange', render);
window.addEventListener('unhandledrejection', e => showError(e.reason, 'Unexpected error'));
if (!location.hash) history.replaceState(null, '', '#/');
render();
