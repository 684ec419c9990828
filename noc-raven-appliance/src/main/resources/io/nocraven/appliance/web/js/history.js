// Keeps the last minutes of rates from the live status stream (one point a second), whatever page is open.
import { live } from './api.js';

export const WINDOW_SECONDS = 600;
export const history = { t: [], inputs: new Map(), records: new Map() };
let previous = null;

function push(map, key, value, length) {
  if (!map.has(key)) {
    map.set(key, new Array(length).fill(null));
  }
  map.get(key).push(value);
}

live.addEventListener('status', (e) => {
  const s = e.detail;
  const now = Date.now() / 1000;
  const n = history.t.length;
  history.t.push(now);
  const perProtocol = new Map();
  for (const l of s.listeners) {
    if (!l.enabled) {
      continue;
    }
    push(history.inputs, l.name, l.inputsPerSecond, n);
    const before = previous && previous.get(l.name);
    const dt = previous ? now - previous.t : 0;
    const rate = before !== undefined && dt > 0 ? Math.max(0, (l.records - before) / dt) : 0;
    perProtocol.set(l.protocol, (perProtocol.get(l.protocol) || 0) + rate);
  }
  for (const [p, v] of perProtocol) {
    push(history.records, p, v, n);
  }
  for (const m of [history.inputs, history.records]) {
    for (const arr of m.values()) {
      while (arr.length < history.t.length) {
        arr.push(null);
      }
    }
  }
  previous = new Map(s.listeners.map((l) => [l.name, l.records]));
  previous.t = now;
  if (history.t.length > WINDOW_SECONDS) {
    history.t.shift();
    for (const m of [history.inputs, history.records]) {
      for (const arr of m.values()) {
        arr.shift();
      }
    }
  }
});
