// Talks to the admin API, exactly as scripts do: JSON over HTTP, writes with "Authorization: Bearer <token>".
// The token lives in sessionStorage (this tab only), never in a cookie.
const KEY = 'nocraven.adminToken';

export const token = {
  get: () => sessionStorage.getItem(KEY),
  set: (t) => sessionStorage.setItem(KEY, t),
  clear: () => sessionStorage.removeItem(KEY),
};

/** Sends a request; resolves to {status, body} (body parsed as JSON when it is JSON). Network errors reject. */
export async function request(method, path, body) {
  const headers = {};
  const t = token.get();
  if (t) {
    headers.Authorization = 'Bearer ' + t;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  let parsed = null;
  if (text && (r.headers.get('Content-Type') || '').includes('json')) {
    parsed = JSON.parse(text);
  }
  return { status: r.status, body: parsed };
}

export const get = (path) => request('GET', path);

/** The messages of an error answer: {"error": "...", "errors": [...]}. */
export function errorsOf(res) {
  if (!res.body) {
    return ['HTTP ' + res.status];
  }
  const list = Array.isArray(res.body.errors) && res.body.errors.length ? res.body.errors : [res.body.error];
  return list.filter(Boolean);
}

/** Checks a token without changing anything (204 = right). */
export async function checkToken(candidate) {
  const r = await fetch('/api/v1/auth/check', { headers: { Authorization: 'Bearer ' + candidate } });
  return r.status;
}

/** One shared Server-Sent Events connection to /api/v1/status/stream; listeners get the parsed documents. */
class Live extends EventTarget {
  constructor() {
    super();
    this.source = null;
    this.status = null;
    this.health = null;
  }

  start() {
    if (this.source) {
      return;
    }
    this.source = new EventSource('/api/v1/status/stream');
    this.source.addEventListener('status', (e) => {
      this.status = JSON.parse(e.data);
      this.dispatchEvent(new CustomEvent('status', { detail: this.status }));
    });
    this.source.addEventListener('health', (e) => {
      this.health = JSON.parse(e.data);
      this.dispatchEvent(new CustomEvent('health', { detail: this.health }));
    });
    this.source.onopen = () => this.dispatchEvent(new CustomEvent('connection', { detail: true }));
    this.source.onerror = () => this.dispatchEvent(new CustomEvent('connection', { detail: false }));
  }

  stop() {
    if (this.source) {
      this.source.close();
      this.source = null;
    }
  }
}

export const live = new Live();
