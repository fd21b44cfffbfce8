// Curator sign-in: a bearer token pasted into the header's panel, kept in this tab; signing in or out re-renders the page.
import { setToken, tokenClaims } from './api.js';
import { h, put, field, showError, announce } from './ui.js';

function authChanged() {
  window.dispatchEvent(new CustomEvent('factline:auth'));
}

export function toggleSignIn() {
  const panel = document.getElementById('signin-panel');
  if (!panel.hidden) { panel.hidden = true; put(panel); authChanged(); return; }
  const input = h('input', { type: 'password', id: 'token-input', required: true, autocomplete: 'off', spellcheck: 'false',
    'data-testid': 'token-input', 'aria-describedby': 'token-input-hint' });
  const form = h('form', { class: 'signin card', 'data-testid': 'signin-form', 'aria-label': 'Sign in as a curator' },
    field('Bearer token', input, 'Paste a token with the ingest or curate role. It is kept in this tab only (sessionStorage).'),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'button primary', 'data-testid': 'token-submit' }, 'Sign in'),
      h('button', { type: 'button', class: 'button ghost', onclick: () => { panel.hidden = true; put(panel); authChanged(); } }, 'Cancel')));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const value = input.value.trim().replace(/^Bearer\s+/i, '');
    if (!/^[\w-]+\.[\w-]+\.[\w-]*$/.test(value)) {
      showError({ message: 'That does not look like a JWT (three dot-separated parts).', code: 'BAD_TOKEN' }, 'Sign in');
      return;
    }
    setToken(value);
    panel.hidden = true;
    put(panel);
    announce('Signed in as ' + tokenClaims().subject);
    authChanged();
  });
  put(panel, form);
  panel.hidden = false;
  input.focus();
  const button = document.querySelector('[data-testid="sign-in"]');
  if (button) button.setAttribute('aria-expanded', 'true');
}

export function signOut() {
  setToken(null);
  announce('Signed out');
  authChanged();
}
