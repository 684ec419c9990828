// Entry point: login, navigation between the pages (hash routes), the shared live stream.
import { token, checkToken, live } from './api.js';
import * as dashboard from './dashboard.js';
import * as buffer from './buffer.js';
import * as config from './config.js';
import * as health from './health.js';
import * as errors from './errors.js';

const PAGES = { dashboard, buffer, config, health, errors };
let unmount = null;

function showLogin(message) {
  live.stop();
  document.getElementById('nav').hidden = true;
  document.getElementById('page').replaceChildren();
  document.getElementById('login').hidden = false;
  document.getElementById('login-error').textContent = message || '';
  document.getElementById('token').focus();
}

async function route() {
  if (!token.get()) {
    showLogin();
    return;
  }
  document.getElementById('login').hidden = true;
  document.getElementById('nav').hidden = false;
  live.start();
  const name = (location.hash.match(/^#\/(\w+)/) || [])[1];
  const key = PAGES[name] ? name : 'dashboard';
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.dataset.page === key) {
      a.setAttribute('aria-current', 'page');
    } else {
      a.removeAttribute('aria-current');
    }
  }
  if (unmount) {
    unmount();
    unmount = null;
  }
  document.title = 'NoC Raven – ' + key;
  unmount = await PAGES[key].mount({ onAuthLost: () => { token.clear(); showLogin('The admin token was refused.'); } });
}

document.getElementById('login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const candidate = document.getElementById('token').value.trim();
  const err = document.getElementById('login-error');
  err.textContent = '';
  let status;
  try {
    status = await checkToken(candidate);
  } catch (ex) {
    err.textContent = 'Cannot reach the appliance: ' + ex.message;
    return;
  }
  if (status === 204) {
    token.set(candidate);
    document.getElementById('token').value = '';
    if (!location.hash) {
      location.hash = '#/dashboard';
    }
    await route();
    document.getElementById('main').focus();
  } else {
    err.textContent = status === 403 ? 'Wrong admin token.' : 'Login failed (HTTP ' + status + ').';
    document.getElementById('token').setAttribute('aria-invalid', 'true');
  }
});

document.getElementById('logout').addEventListener('click', () => {
  token.clear();
  if (unmount) {
    unmount();
    unmount = null;
  }
  showLogin('Logged out.');
});

live.addEventListener('connection', (e) => {
  document.getElementById('live').textContent = e.detail ? 'live' : 'reconnecting…';
});

window.addEventListener('hashchange', route);
route();
