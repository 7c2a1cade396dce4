/**
 * A small HTTP client that behaves like the web app: it keeps the session cookie, fetches the CSRF token from
 * /api/auth/me and sends it on writes. With `token` it acts as a program with an API token instead.
 */
export class HttpClient {
  private cookies = new Map<string, string>();
  private csrf: string | undefined;

  constructor(
    readonly baseUrl: string,
    private readonly opts: { token?: string; lang?: string; headers?: Record<string, string> } = {},
  ) {}

  static withToken(baseUrl: string, token: string) {
    return new HttpClient(baseUrl, { token });
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = {
      'accept-language': this.opts.lang ?? 'ru',
      ...this.opts.headers,
      ...headers,
    };
    if (this.opts.token) h.authorization = `Bearer ${this.opts.token}`;
    if (this.cookies.size > 0) h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in headers)) h['x-csrf-token'] = this.csrf;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.baseUrl + path, { method, headers: h, body: payload, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair!.split('=');
      const value = v.join('=');
      if (value === '' || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(k!);
      else this.cookies.set(k!, value);
    }
    const data = Buffer.from(await res.arrayBuffer());
    const text = data.toString('utf8');
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary response shapes
    return { status: res.status, body: json as any, text, data, headers: res.headers };
  }

  get(path: string) {
    return this.request('GET', path);
  }
  post(path: string, body?: unknown) {
    return this.request('POST', path, body ?? {});
  }
  patch(path: string, body: unknown) {
    return this.request('PATCH', path, body);
  }
  put(path: string, body: unknown) {
    return this.request('PUT', path, body);
  }
  delete(path: string) {
    return this.request('DELETE', path);
  }

  /** Signs in and picks up the CSRF token, as the browser app does. */
  async login(email: string, password: string) {
    const res = await this.post('/api/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.text}`);
    this.csrf = res.body.csrfToken;
    return res;
  }

  cookie(name: string) {
    return this.cookies.get(name);
  }
  get csrfToken() {
    return this.csrf;
  }
  hasCookie(name: string) {
    return this.cookies.has(name);
  }
  forgetCsrf() {
    this.csrf = undefined;
  }
}
