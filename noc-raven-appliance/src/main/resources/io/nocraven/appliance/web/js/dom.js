// Small DOM and formatting helpers shared by the pages (no framework).

/** Creates an element: h('td', {class: 'num'}, 'text', child...). Attributes starting with "on" become listeners. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) {
      continue;
    }
    if (k.startsWith('on')) {
      el.addEventListener(k.substring(2), v);
    } else if (k === 'text') {
      el.textContent = v;
    } else {
      el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const c of children.flat()) {
    if (c !== null && c !== undefined) {
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }
  return el;
}

export function table(caption, headers, rows) {
  return h('div', { class: 'scroll' }, h('table', {},
    h('caption', { class: 'hint', style: 'text-align:left' }, caption),
    h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col', class: x.num ? 'num' : null }, x.label || x)))),
    h('tbody', {}, rows)));
}

export function num(n) {
  return typeof n === 'number' ? n.toLocaleString('en-US', { maximumFractionDigits: 1 }) : '–';
}

export function bytes(n) {
  if (typeof n !== 'number' || n < 0) {
    return '–';
  }
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return v.toFixed(i === 0 ? 0 : 1) + ' ' + units[i];
}

export function level(l) {
  return h('span', { class: 'badge ' + l }, l);
}

export function time(nanosOrIso) {
  if (nanosOrIso === null || nanosOrIso === undefined || nanosOrIso === '') {
    return '–';
  }
  const d = typeof nanosOrIso === 'number' ? new Date(nanosOrIso / 1e6) : new Date(nanosOrIso);
  return isNaN(d.getTime()) ? String(nanosOrIso) : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

/** Replaces the page content with a title and the given nodes; returns the container. */
export function page(title, ...nodes) {
  const root = document.getElementById('page');
  root.replaceChildren(h('h2', { class: 'page-title' }, title), ...nodes);
  return root;
}
