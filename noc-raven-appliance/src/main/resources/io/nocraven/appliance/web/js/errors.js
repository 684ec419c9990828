// Errors: recent distinct errors and the quarantined input (downloadable as a pcap file).
import { get } from './api.js';
import { h, table, level, time, page } from './dom.js';

export async function mount() {
  const distinct = h('div', { id: 'distinct-errors' });
  const quarantine = h('div', { id: 'quarantine' });
  const refresh = h('button', { type: 'button', class: 'secondary', id: 'errors-refresh' }, 'Refresh');
  page('Errors',
    h('div', { class: 'actions' }, refresh,
      h('a', { href: '/api/v1/quarantine.pcap', download: 'noc-raven-quarantine.pcap', id: 'pcap-download' },
        'Download quarantined input as pcap')),
    h('section', { class: 'card', style: 'margin-top:12px', 'aria-labelledby': 'h-distinct' },
      h('h3', { id: 'h-distinct' }, 'Recent distinct errors'), distinct),
    h('section', { class: 'card', style: 'margin-top:16px', 'aria-labelledby': 'h-q' },
      h('h3', { id: 'h-q' }, 'Quarantined input'), quarantine));
  const load = async () => {
    const e = (await get('/api/v1/errors')).body.errors;
    distinct.replaceChildren(e.length ? table('Most frequent first', ['Source', 'Kind', 'Message', { label: 'Count', num: 1 },
      'Last seen'], e.map((x) => h('tr', {}, h('th', { scope: 'row' }, x.source),
      h('td', {}, x.level ? level(x.level) : x.kind), h('td', {}, x.message), h('td', { class: 'num' }, String(x.count)),
      h('td', {}, x.lastSeenNanos ? time(x.lastSeenNanos) + ' from ' + x.lastExporter : ''))))
      : h('p', { class: 'notice' }, 'No errors.'));
    const q = (await get('/api/v1/quarantine')).body.inputs;
    quarantine.replaceChildren(q.length ? table('Most recent inputs that could not be decoded', ['Received', 'Listener',
      'Exporter', 'Reason', { label: 'Bytes', num: 1 }, 'Start (hex)'], q.map((x) => h('tr', {},
      h('td', {}, time(x.receivedAtNanos)), h('td', {}, x.listener), h('td', { class: 'mono' }, x.exporter),
      h('td', {}, x.reason), h('td', { class: 'num' }, String(x.length)),
      h('td', { class: 'mono' }, x.hex.substring(0, 64) + (x.hex.length > 64 ? '…' : '')))))
      : h('p', { class: 'notice' }, 'Nothing quarantined.'));
  };
  refresh.addEventListener('click', load);
  await load();
  return () => {};
}
