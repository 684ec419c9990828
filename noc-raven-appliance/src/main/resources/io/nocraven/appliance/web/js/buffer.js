// Buffer: streams (size, oldest/newest, compression, drops), and per forwarder: pause/resume, replay from a time,
// purge of its backlog. Every action is the admin API scripts use (docs/appliance.md): POST /api/v1/buffer/{pause,
// resume,replay,purge} with {"forwarder": name} (replay adds "from", purge needs "confirm": "purge").
import { get, request, errorsOf, live } from './api.js';
import { h, table, num, bytes, time, page } from './dom.js';

// The buffer API gives times as epoch milliseconds (0 or less when the stream is empty).
function epochMs(ms) {
  return typeof ms === 'number' && ms > 0 ? time(new Date(ms).toISOString()) : '–';
}

function drops(d) {
  const e = Object.entries(d || {});
  return e.length ? e.map(([k, v]) => k + ': ' + v).join(', ') : 'none';
}

async function act(method, path, body, out) {
  out.textContent = '…';
  out.className = 'hint';
  const r = await request(method, path, body);
  const ok = r.status >= 200 && r.status < 300;
  out.textContent = ok ? 'done' : errorsOf(r).join('; ');
  out.className = ok ? 'ok' : 'error';
  return ok;
}

function purgeDialog(forwarder, out) {
  const input = h('input', { type: 'text', id: 'purge-confirm', autocomplete: 'off', 'aria-describedby': 'purge-help' });
  const dlg = h('dialog', { 'aria-labelledby': 'purge-title' },
    h('h3', { id: 'purge-title' }, 'Purge the backlog of ' + forwarder + '?'),
    h('p', { id: 'purge-help' }, forwarder + ' will skip everything it has not delivered yet (the data stays on disk '
      + 'until retention removes it, so a replay can still bring it back). Type the forwarder name to confirm.'),
    h('label', { for: 'purge-confirm' }, 'Forwarder name'), input,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'danger', id: 'purge-do', onclick: async () => {
        if (input.value !== forwarder) {
          input.setAttribute('aria-invalid', 'true');
          return;
        }
        dlg.close();
        dlg.remove();
        await act('POST', '/api/v1/buffer/purge', { confirm: 'purge', forwarder }, out);
      } }, 'Purge'),
      h('button', { type: 'button', class: 'secondary', onclick: () => { dlg.close(); dlg.remove(); } }, 'Cancel')));
  document.body.append(dlg);
  dlg.showModal();
  input.focus();
}

function forwarderRow(f) {
  const out = h('span', { role: 'status', id: 'fwd-msg-' + f.name });
  const id = 'replay-' + f.name;
  const from = h('input', { type: 'datetime-local', id, step: 1 });
  return h('tr', {},
    h('th', { scope: 'row' }, f.name), h('td', {}, f.state), h('td', { class: 'num' }, String(f.pending)),
    h('td', {}, h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', id: 'pause-' + f.name, 'aria-label': 'Pause forwarding to ' + f.name,
        onclick: () => act('POST', '/api/v1/buffer/pause', { forwarder: f.name }, out) }, 'Pause'),
      h('button', { type: 'button', class: 'secondary', id: 'resume-' + f.name, 'aria-label': 'Resume forwarding to ' + f.name,
        onclick: () => act('POST', '/api/v1/buffer/resume', { forwarder: f.name }, out) }, 'Resume'),
      h('button', { type: 'button', class: 'danger', id: 'purge-' + f.name, 'aria-label': 'Purge the backlog of ' + f.name,
        onclick: () => purgeDialog(f.name, out) }, 'Purge'))),
    h('td', {}, h('label', { for: id, class: 'hint' }, 'Replay ' + f.name + ' from (UTC)'), from,
      h('button', { type: 'button', id: 'replay-do-' + f.name, 'aria-label': 'Replay ' + f.name + ' from the given time',
        onclick: () => {
          if (!from.value) {
            out.textContent = 'choose a time first';
            out.className = 'error';
            return;
          }
          act('POST', '/api/v1/buffer/replay', { from: new Date(from.value + 'Z').toISOString(), forwarder: f.name }, out);
        } }, 'Replay'), ' ', out));
}

export async function mount() {
  const streams = h('div', { id: 'streams' });
  const fwd = h('div', { id: 'buffer-forwarders' });
  const msg = h('p', { role: 'status', id: 'buffer-msg' });
  page('Buffer',
    h('section', { class: 'card', 'aria-labelledby': 'h-streams' }, h('h3', { id: 'h-streams' }, 'Streams'), msg, streams),
    h('section', { class: 'card', style: 'margin-top:16px', 'aria-labelledby': 'h-bf' },
      h('h3', { id: 'h-bf' }, 'Forwarding'), fwd));
  const load = async () => {
    const r = await get('/api/v1/buffer');
    if (r.status === 404) {
      streams.replaceChildren(h('p', { class: 'notice' }, 'This appliance does not offer the buffer API '
        + '(/api/v1/buffer): stream sizes and buffer actions are not available.'));
      return;
    }
    streams.replaceChildren(table('One stream per listener', ['Stream', { label: 'Size', num: 1 },
      { label: 'Records', num: 1 }, 'Oldest', 'Newest', { label: 'Compression', num: 1 }, 'Drops', ''],
    (r.body.streams || []).map((s) => h('tr', {}, h('th', { scope: 'row' }, s.name),
      h('td', { class: 'num' }, bytes(s.bytesOnDisk)), h('td', { class: 'num' }, num(s.recordsOnDisk)),
      h('td', {}, epochMs(s.oldestTimestamp)), h('td', {}, epochMs(s.newestTimestamp)),
      h('td', { class: 'num' }, s.compressionRatio ? num(s.compressionRatio) + '×' : '–'),
      h('td', {}, drops(s.drops))))));
  };
  const renderForwarders = (s) => {
    fwd.replaceChildren(s.forwarders.length ? table('Pause, resume or replay each forwarder', ['Forwarder', 'State',
      { label: 'Lag (pending)', num: 1 }, 'Forwarding', 'Replay'], s.forwarders.map(forwarderRow))
      : h('p', { class: 'notice' }, 'No forwarder enabled.'));
  };
  renderForwarders(live.status || (await get('/api/v1/status')).body);
  await load();
  return () => {};
}
