// Buffer: streams (size, oldest/newest, compression, drops), forwarding pause/resume, replay from a time, purge.
// Every action is a call of the admin buffer API (see docs/panel.md, "Buffer API used by the panel").
import { get, request, errorsOf, live } from './api.js';
import { h, table, num, bytes, time, page } from './dom.js';

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

function purgeDialog(stream, out, reload) {
  const input = h('input', { type: 'text', id: 'purge-confirm', autocomplete: 'off', 'aria-describedby': 'purge-help' });
  const dlg = h('dialog', { 'aria-labelledby': 'purge-title' },
    h('h3', { id: 'purge-title' }, 'Purge stream ' + stream + '?'),
    h('p', { id: 'purge-help' }, 'This deletes everything buffered for ' + stream
      + ', including what was not forwarded yet. Type the stream name to confirm.'),
    h('label', { for: 'purge-confirm' }, 'Stream name'), input,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'danger', id: 'purge-do', onclick: async () => {
        if (input.value !== stream) {
          input.setAttribute('aria-invalid', 'true');
          return;
        }
        dlg.close();
        dlg.remove();
        if (await act('POST', '/api/v1/buffer/streams/' + encodeURIComponent(stream) + '/purge',
          { confirm: stream }, out)) {
          reload();
        }
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
  const base = '/api/v1/buffer/forwarders/' + encodeURIComponent(f.name);
  return h('tr', {},
    h('th', { scope: 'row' }, f.name), h('td', {}, f.state), h('td', { class: 'num' }, String(f.pending)),
    h('td', {}, h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary', id: 'pause-' + f.name, 'aria-label': 'Pause forwarding to ' + f.name,
        onclick: () => act('POST', base + '/pause', {}, out) }, 'Pause'),
      h('button', { type: 'button', class: 'secondary', id: 'resume-' + f.name, 'aria-label': 'Resume forwarding to ' + f.name,
        onclick: () => act('POST', base + '/resume', {}, out) }, 'Resume'))),
    h('td', {}, h('label', { for: id, class: 'hint' }, 'Replay ' + f.name + ' from (UTC)'), from,
      h('button', { type: 'button', id: 'replay-do-' + f.name, 'aria-label': 'Replay ' + f.name + ' from the given time',
        onclick: () => {
          if (!from.value) {
            out.textContent = 'choose a time first';
            out.className = 'error';
            return;
          }
          act('POST', base + '/replay', { from: new Date(from.value + 'Z').toISOString() }, out);
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
      h('td', { class: 'num' }, bytes(s.bytes)), h('td', { class: 'num' }, num(s.records)),
      h('td', {}, time(s.oldest)), h('td', {}, time(s.newest)),
      h('td', { class: 'num' }, s.compressionRatio ? num(s.compressionRatio) + '×' : '–'),
      h('td', {}, drops(s.drops)),
      h('td', {}, h('button', { type: 'button', class: 'danger', id: 'purge-' + s.name, 'aria-label': 'Purge ' + s.name,
        onclick: () => purgeDialog(s.name, msg, load) }, 'Purge'))))));
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
