// Dashboard: live rates (charts), counters per listener, top exporters, buffer fill, forwarders, health summary.
import uPlot from '/vendor/uplot/dist/uPlot.esm.js';
import { get, live } from './api.js';
import { history } from './history.js';
import { h, table, num, bytes, level, page } from './dom.js';

const COLORS = ['#0b5cad', '#c62828', '#1a7f37', '#9a6700', '#6f42c1', '#00838f', '#ad1457', '#5d4037', '#37474f'];

function chart(container, title, series) {
  const width = Math.max(260, container.clientWidth - 4);
  const data = [history.t, ...series.map(([, arr]) => arr)];
  const opts = {
    title, width, height: 220,
    series: [{}, ...series.map(([name], i) => ({ label: name, stroke: COLORS[i % COLORS.length], width: 2,
      value: (u, v) => (v === null ? '–' : v.toFixed(1)) }))],
    axes: [{}, { label: 'per second', size: 60 }],
    scales: { y: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
  };
  container.replaceChildren();
  return new uPlot(opts, data, container);
}

function listenerRows(s) {
  return s.listeners.filter((l) => l.enabled).map((l) => h('tr', { id: 'row-' + l.name },
    h('th', { scope: 'row' }, l.name),
    h('td', {}, l.protocol + '/' + l.transport),
    h('td', { class: 'num' }, l.bound ? l.boundPort : h('span', { class: 'critical' }, 'not bound')),
    h('td', { class: 'num', id: 'count-' + l.name + '-received' }, String(l.received)),
    h('td', { class: 'num', id: 'count-' + l.name + '-records' }, String(l.records)),
    h('td', { class: 'num' }, String(l.quarantined)),
    h('td', { class: 'num' }, num(l.inputsPerSecond)),
    h('td', { class: 'num' }, bytes(l.bytesPerSecond) + '/s')));
}

function exporters(s) {
  const all = [];
  for (const l of s.listeners) {
    for (const e of l.topExporters || []) {
      all.push({ ...e, listener: l.name });
    }
  }
  all.sort((a, b) => b.inputs - a.inputs);
  return all.slice(0, 10).map((e) => h('tr', {}, h('td', { class: 'mono' }, e.exporter), h('td', {}, e.listener),
    h('td', { class: 'num' }, String(e.inputs)), h('td', { class: 'num' }, bytes(e.bytes))));
}

function forwarders(s) {
  return s.forwarders.map((f) => h('tr', {}, h('th', { scope: 'row' }, f.name),
    h('td', {}, level(f.healthy ? 'ok' : 'critical'), ' ', f.state),
    h('td', { class: 'num' }, String(f.sent)), h('td', { class: 'num' }, String(f.pending)),
    h('td', {}, f.lastError || '')));
}

// "lasts N days": the stream's own quota when it has one (quotaSecondsLeft from the buffer API), otherwise the
// whole buffer's space before the free-disk headroom or total cap at the current ingest rate (secondsLeft).
export function lasts(stream, buffer) {
  const secs = stream.quotaSecondsLeft >= 0 ? stream.quotaSecondsLeft : buffer.secondsLeft;
  if (typeof secs !== 'number' || secs < 0) {
    return 'no input now';
  }
  return 'lasts ' + (secs / 86400).toFixed(1) + ' days at the current rate'
    + (stream.quotaSecondsLeft >= 0 ? ' (stream quota)' : ' (free disk)');
}

// Fill of a stream: of its quota when it has one, otherwise of the disk space the buffer may use.
function fillPercent(stream, buffer) {
  const bytesPerSec = stream.ingestBytesPerSecond || 0;
  if (stream.quotaSecondsLeft >= 0 && bytesPerSec > 0) {
    const quota = stream.bytesOnDisk + stream.quotaSecondsLeft * bytesPerSec;
    return quota > 0 ? 100 * stream.bytesOnDisk / quota : 0;
  }
  const usable = stream.bytesOnDisk + Math.max(0, buffer.headroomBytes || 0);
  return usable > 0 ? 100 * stream.bytesOnDisk / usable : 0;
}

export async function mount() {
  const rates = h('div', { class: 'chart', id: 'chart-inputs', role: 'img', 'aria-label': 'Inputs per second per listener' });
  const recs = h('div', { class: 'chart', id: 'chart-records', role: 'img', 'aria-label': 'Records per second per protocol' });
  const counters = h('div', { id: 'counters' });
  const top = h('div', { id: 'top-exporters' });
  const fwd = h('div', { id: 'forwarders' });
  const healthBox = h('div', { id: 'health-summary' }, h('p', { class: 'notice' }, 'waiting for the first health report…'));
  const bufferBox = h('div', { id: 'buffer-fill' });
  page('Dashboard',
    h('div', { class: 'grid' },
      h('section', { class: 'card', 'aria-labelledby': 'h-health' }, h('h3', { id: 'h-health' }, 'Health'), healthBox),
      h('section', { class: 'card', 'aria-labelledby': 'h-fwd' }, h('h3', { id: 'h-fwd' }, 'Forwarders'), fwd)),
    h('div', { class: 'grid', style: 'margin-top:16px' },
      h('section', { class: 'card' }, rates), h('section', { class: 'card' }, recs)),
    h('section', { class: 'card', style: 'margin-top:16px', 'aria-labelledby': 'h-list' },
      h('h3', { id: 'h-list' }, 'Listeners'), counters),
    h('div', { class: 'grid', style: 'margin-top:16px' },
      h('section', { class: 'card', 'aria-labelledby': 'h-top' }, h('h3', { id: 'h-top' }, 'Top exporters'), top),
      h('section', { class: 'card', 'aria-labelledby': 'h-buf' }, h('h3', { id: 'h-buf' }, 'Buffer'), bufferBox)));
  let charts = [];
  let seriesKey = '';

  const renderHealth = (hh) => {
    const bad = hh.checks.filter((c) => c.level !== 'ok');
    healthBox.replaceChildren(h('p', { class: 'big ' + hh.status, id: 'health-status' }, hh.status),
      h('p', {}, hh.ready ? 'ready' : 'NOT ready', ' · ', hh.checks.length + ' checks, ' + bad.length + ' not ok'),
      h('ul', {}, bad.map((c) => h('li', {}, level(c.level), ' ', c.name + ': ' + c.message))));
  };

  const renderBuffer = async (s) => {
    const res = await get('/api/v1/buffer');
    if (res.status === 404) {
      bufferBox.replaceChildren(h('p', { class: 'notice' }, 'This appliance does not report its buffer streams '
        + '(no /api/v1/buffer). Pipeline ring: ' + (s.pipeline.capacity - s.pipeline.free) + ' of '
        + s.pipeline.capacity + ' slots in use.'));
      return;
    }
    const buf = res.body;
    bufferBox.replaceChildren(...(buf.streams || []).map((st) => {
      const pct = Math.min(100, fillPercent(st, buf));
      return h('div', { style: 'margin-bottom:8px' }, h('div', {}, h('strong', {}, st.name), ' ', bytes(st.bytesOnDisk),
        ' on disk · ', lasts(st, buf)),
      h('div', { class: 'bar', role: 'progressbar', 'aria-label': st.name + ' buffer fill', 'aria-valuemin': 0,
        'aria-valuemax': 100, 'aria-valuenow': pct.toFixed(0) }, h('span', { style: 'width:' + pct + '%' })));
    }));
  };

  let tick = 0;
  const onStatus = (e) => {
    const s = e.detail;
    counters.replaceChildren(table('Counters since start', ['Listener', 'Protocol', { label: 'Port', num: 1 },
      { label: 'Received', num: 1 }, { label: 'Records', num: 1 }, { label: 'Quarantined', num: 1 },
      { label: 'Inputs/s', num: 1 }, { label: 'Bytes/s', num: 1 }], listenerRows(s)));
    top.replaceChildren(table('By inputs', ['Exporter', 'Listener', { label: 'Inputs', num: 1 },
      { label: 'Bytes', num: 1 }], exporters(s)));
    fwd.replaceChildren(s.forwarders.length ? table('State and lag (pending)', ['Forwarder', 'State',
      { label: 'Sent', num: 1 }, { label: 'Pending', num: 1 }, 'Last error'], forwarders(s))
      : h('p', { class: 'notice' }, 'No forwarder enabled.'));
    const inputs = [...history.inputs.entries()];
    const records = [...history.records.entries()];
    const key = inputs.map(([k]) => k).join() + '|' + records.map(([k]) => k).join();
    if (key !== seriesKey) {
      charts.forEach((c) => c.destroy());
      charts = [chart(rates, 'Inputs per second, per listener', inputs),
        chart(recs, 'Records per second, per protocol', records)];
      seriesKey = key;
    } else {
      charts[0].setData([history.t, ...inputs.map(([, a]) => a)]);
      charts[1].setData([history.t, ...records.map(([, a]) => a)]);
    }
    if (tick++ % 5 === 0) {
      renderBuffer(s);
    }
  };
  const onHealth = (e) => renderHealth(e.detail);
  const onResize = () => charts.forEach((c, i) => c.setSize({ width: Math.max(260, [rates, recs][i].clientWidth - 4),
    height: 220 }));
  live.addEventListener('status', onStatus);
  live.addEventListener('health', onHealth);
  window.addEventListener('resize', onResize);
  if (live.status) {
    onStatus({ detail: live.status });
  }
  const hh = live.health || (await get('/api/v1/health')).body;
  if (hh) {
    renderHealth(hh);
  }
  return () => {
    live.removeEventListener('status', onStatus);
    live.removeEventListener('health', onHealth);
    window.removeEventListener('resize', onResize);
    charts.forEach((c) => c.destroy());
  };
}
