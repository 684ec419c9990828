// Configuration: listener ports, forwarders (Kafka, relays, archive), SNMPv3 users and the admin token.
// Saving sends the whole configuration tree to PUT /api/v1/config (validated, persisted with a backup, applied).
import { get, request, errorsOf, token } from './api.js';
import { h, page } from './dom.js';
import { renderPorts } from './ports.js';

const SECTIONS = [['forwarders.kafka', 'Kafka'], ['forwarders.udpRelay', 'Raw UDP relay'],
  ['forwarders.syslogRelay', 'Syslog relay'], ['forwarders.archive', 'JSONL archive'],
  ['forwarders.retry', 'Retry']];

function at(tree, path) {
  return path.split('.').reduce((n, k) => (n && typeof n === 'object' ? n[k] : undefined), tree);
}

function setAt(tree, path, value) {
  const keys = path.split('.');
  const last = keys.pop();
  keys.reduce((n, k) => n[k], tree)[last] = value;
}

function leaves(node, prefix, out) {
  for (const [k, v] of Object.entries(node)) {
    const p = prefix + '.' + k;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      leaves(v, p, out);
    } else {
      out.push([p, v]);
    }
  }
  return out;
}

function field(key, value) {
  const id = 'cfg-' + key;
  const err = h('p', { class: 'error', id: id + '-error', role: 'alert' });
  let input;
  if (typeof value === 'boolean') {
    input = h('input', { type: 'checkbox', id, 'aria-describedby': id + '-error' });
    input.checked = value;
    return { key, kind: 'boolean', input, el: h('div', {}, h('label', { class: 'check', for: id }, input, key), err), err };
  }
  const kind = Array.isArray(value) ? 'list' : typeof value === 'number' ? 'number' : 'text';
  input = h('input', { type: kind === 'number' ? 'number' : 'text', id, 'aria-describedby': id + '-error',
    value: kind === 'list' ? value.join(', ') : String(value) });
  return { key, kind, input, err, el: h('div', {}, h('label', { for: id }, key + (kind === 'list' ? ' (comma-separated)' : '')),
    input, err) };
}

function read(f) {
  if (f.kind === 'boolean') {
    return f.input.checked;
  }
  if (f.kind === 'number') {
    return Number(f.input.value);
  }
  if (f.kind === 'list') {
    return f.input.value.split(',').map((s) => s.trim()).filter(Boolean);
  }
  return f.input.value;
}

function snmpUsersKey(tree) {
  const found = leaves(tree, '', []).find(([k, v]) => /snmp/i.test(k) && /users$/i.test(k) && Array.isArray(v));
  return found ? found[0].substring(1) : null;
}

async function renderForwarders(box, out) {
  const tree = (await get('/api/v1/config')).body;
  const fields = [];
  const cards = SECTIONS.filter(([p]) => at(tree, p)).map(([p, title]) => {
    const fs = leaves(at(tree, p), p, []).map(([k, v]) => field(k, v));
    fields.push(...fs);
    return h('fieldset', { class: 'card', style: 'margin-top:10px' }, h('legend', {}, title),
      h('div', { class: 'fields' }, fs.map((f) => f.el)));
  });
  const usersKey = snmpUsersKey(tree);
  const users = h('textarea', { id: 'cfg-snmp-users', rows: 5, style: 'width:100%', 'aria-describedby': 'cfg-snmp-users-error' });
  const usersErr = h('p', { class: 'error', id: 'cfg-snmp-users-error', role: 'alert' });
  users.value = usersKey ? JSON.stringify(at(tree, usersKey), null, 1) : '';
  const usersBox = usersKey
    ? h('fieldset', { class: 'card', style: 'margin-top:10px' }, h('legend', {}, 'SNMPv3 users'),
      h('label', { for: 'cfg-snmp-users' }, usersKey + ' (JSON list of users)'), users, usersErr)
    : h('p', { class: 'notice' }, 'SNMPv3 users: this appliance\'s configuration has no SNMP users key.');
  const save = h('button', { type: 'button', id: 'cfg-save' }, 'Validate and apply');
  const result = h('p', { role: 'status', id: 'cfg-result' });
  save.addEventListener('click', async () => {
    fields.forEach((f) => { f.err.textContent = ''; f.input.removeAttribute('aria-invalid'); });
    usersErr.textContent = '';
    const next = structuredClone(tree);
    fields.forEach((f) => setAt(next, f.key, read(f)));
    if (usersKey) {
      try {
        setAt(next, usersKey, JSON.parse(users.value || '[]'));
      } catch (ex) {
        usersErr.textContent = 'not valid JSON: ' + ex.message;
        return;
      }
    }
    const r = await request('PUT', '/api/v1/config', next);
    if (r.status === 200) {
      result.className = 'ok';
      result.textContent = 'Saved to ' + r.body.persistedTo + '. Applied: ' + (r.body.applied.join(', ') || 'nothing')
        + (r.body.restartRequired.length ? '. Takes effect after a restart: ' + r.body.restartRequired.join(', ') : '');
      return;
    }
    const rest = [];
    for (const m of errorsOf(r)) {
      const f = fields.find((x) => m.startsWith(x.key + ':') || m.startsWith(x.key + '['));
      if (f) {
        f.err.textContent = m;
        f.input.setAttribute('aria-invalid', 'true');
      } else if (usersKey && m.startsWith(usersKey)) {
        usersErr.textContent = m;
      } else {
        rest.push(m);
      }
    }
    result.className = 'error';
    result.textContent = rest.length ? rest.join('; ') : 'Not applied: see the errors next to the fields.';
  });
  box.replaceChildren(...cards, usersBox, h('div', { class: 'actions' }, save), result);
}

function renderToken(box) {
  const out = h('p', { role: 'status', id: 'token-result', class: 'mono' });
  const btn = h('button', { type: 'button', class: 'danger', id: 'token-rotate' }, 'Rotate admin token');
  btn.addEventListener('click', async () => {
    if (!window.confirm('Replace the admin token? Scripts using the old one will stop working.')) {
      return;
    }
    const r = await request('POST', '/api/v1/token/rotate', {});
    if (r.status === 200) {
      token.set(r.body.token);
      out.textContent = 'New admin token (shown once; this tab uses it already): ' + r.body.token;
    } else {
      out.textContent = errorsOf(r).join('; ');
    }
  });
  box.replaceChildren(h('p', {}, 'A new random token replaces the current one at once and is stored in the data '
    + 'directory.'), btn, out);
}

export async function mount() {
  const msg = h('p', { role: 'status', id: 'ports-msg' });
  const ports = h('div', { id: 'ports' });
  const fwd = h('div', { id: 'forwarder-config' });
  const tok = h('div', { id: 'token' });
  page('Configuration',
    h('section', { class: 'card', 'aria-labelledby': 'h-ports' }, h('h3', { id: 'h-ports' }, 'Listeners and ports'), msg, ports),
    h('section', { class: 'card', style: 'margin-top:16px', 'aria-labelledby': 'h-fc' },
      h('h3', { id: 'h-fc' }, 'Forwarders and SNMPv3 users'), fwd),
    h('section', { class: 'card', style: 'margin-top:16px', 'aria-labelledby': 'h-tok' },
      h('h3', { id: 'h-tok' }, 'Admin token'), tok));
  await Promise.all([renderPorts(ports, msg), renderForwarders(fwd, msg)]);
  renderToken(tok);
  return () => {};
}
