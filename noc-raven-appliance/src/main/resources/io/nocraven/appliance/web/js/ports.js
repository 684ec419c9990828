// Listener ports: edit bind/port/enabled per listener; conflicts checked here before applying, then by the
// appliance (PUT /api/v1/ports/<name>, which also really binds and rolls back); errors shown next to the field.
import { get, request, errorsOf } from './api.js';
import { h } from './dom.js';

function overlap(a, b) {
  const any = (x) => x === '0.0.0.0' || x === '::' || x === '';
  return a === b || any(a) || any(b);
}

/** The conflict of `want` with another enabled listener of the same transport or the admin port, or null. */
export function conflict(ports, name, want) {
  if (!want.enabled || want.port === 0) {
    return null;
  }
  const me = ports.listeners.find((l) => l.name === name);
  for (const l of ports.listeners) {
    if (l.name === name || !l.enabled || l.transport !== me.transport) {
      continue;
    }
    if ((l.port === want.port || l.boundPort === want.port) && overlap(l.bind, want.bind)) {
      return 'port ' + want.port + ' is already used by ' + l.name + ' (' + l.transport + ')';
    }
  }
  if (me.transport === 'tcp' && (ports.admin.port === want.port || ports.admin.boundPort === want.port)) {
    return 'port ' + want.port + ' is already used by the admin API and this panel';
  }
  return null;
}

function row(ports, l, reload) {
  const id = (f) => 'port-' + l.name + '-' + f;
  const bind = h('input', { type: 'text', id: id('bind'), value: l.bind, 'aria-describedby': id('error') });
  const port = h('input', { type: 'number', id: id('port'), min: 0, max: 65535, value: l.port,
    'aria-describedby': id('error') });
  const enabled = h('input', { type: 'checkbox', id: id('enabled') });
  enabled.checked = l.enabled;
  const err = h('p', { class: 'error', id: id('error'), role: 'alert' });
  const state = h('span', { class: 'hint', id: id('state') }, l.bound ? 'bound on ' + l.boundPort : 'not bound');
  const apply = h('button', { type: 'button', id: id('apply'), 'aria-label': 'Apply ' + l.name + ' address' },
    'Apply');
  apply.addEventListener('click', async () => {
    err.textContent = '';
    port.removeAttribute('aria-invalid');
    bind.removeAttribute('aria-invalid');
    const want = { bind: bind.value.trim(), port: Number(port.value), enabled: enabled.checked };
    if (!Number.isInteger(want.port) || want.port < 0 || want.port > 65535) {
      port.setAttribute('aria-invalid', 'true');
      err.textContent = 'expected a port number from 0 to 65535';
      return;
    }
    const c = conflict(ports, l.name, want);
    if (c) {
      port.setAttribute('aria-invalid', 'true');
      err.textContent = c;
      port.focus();
      return;
    }
    apply.disabled = true;
    const r = await request('PUT', '/api/v1/ports/' + encodeURIComponent(l.name), want);
    apply.disabled = false;
    if (r.status === 200) {
      reload(r.body, l.name);
    } else {
      const msgs = errorsOf(r);
      (msgs.some((m) => m.includes('.bind')) ? bind : port).setAttribute('aria-invalid', 'true');
      err.textContent = msgs.join('; ');
    }
  });
  return h('div', { class: 'port-row', id: 'row-port-' + l.name },
    h('span', { class: 'name' }, l.name, h('br'), h('span', { class: 'hint' }, l.protocol + '/' + l.transport), ' ', state),
    h('div', {}, h('label', { for: id('bind') }, l.name + ' bind address'), bind),
    h('div', {}, h('label', { for: id('port') }, l.name + ' port'), port),
    h('label', { class: 'check', for: id('enabled') }, enabled, 'enabled'),
    apply, err);
}

/** Renders the ports form into `box`. */
export async function renderPorts(box, msg) {
  const draw = (ports, changed) => {
    box.replaceChildren(...ports.listeners.map((l) => row(ports, l, draw)),
      h('p', { class: 'hint' }, 'Admin API and panel: ' + ports.admin.bind + ':' + ports.admin.boundPort
        + ' (admin.port, takes effect after a restart).'));
    if (changed) {
      msg.textContent = changed + ' applied: now ' + (ports.listeners.find((l) => l.name === changed) || {}).boundPort;
      msg.className = 'ok';
    }
  };
  draw((await get('/api/v1/ports')).body);
}
