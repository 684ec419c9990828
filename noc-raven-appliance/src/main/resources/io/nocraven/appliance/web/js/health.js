// Health: every check with its severity and value (refreshed by the live stream every five seconds).
import { get, live } from './api.js';
import { h, table, level, page } from './dom.js';

export async function mount() {
  const box = h('div', { id: 'health-checks' });
  page('Health', h('section', { class: 'card' }, box));
  const render = (hh) => {
    box.replaceChildren(h('p', {}, 'Overall: ', level(hh.status), ' · ', hh.ready ? 'ready' : 'NOT ready'),
      table('Checks', ['Check', 'Severity', 'Value', 'Message', 'Readiness'], hh.checks.map((c) =>
        h('tr', { id: 'check-' + c.name.replace(/[^\w-]/g, '_') }, h('th', { scope: 'row' }, c.name),
          h('td', {}, level(c.level)), h('td', { class: 'mono' }, c.value), h('td', {}, c.message),
          h('td', {}, c.readiness ? 'yes' : 'no')))));
  };
  const onHealth = (e) => render(e.detail);
  live.addEventListener('health', onHealth);
  render((await get('/api/v1/health')).body);
  return () => live.removeEventListener('health', onHealth);
}
