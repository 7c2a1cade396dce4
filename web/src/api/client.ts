import { ApiError } from './api-error.ts';

export { ApiError };

type Query = Record<string, string | number | null | undefined>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Names one logical submission: a retry of it (a lost answer, the offline outbox) sends the same key and the
   * server answers with the first result instead of writing twice. Without it each write gets a new key.
   */
  idempotencyKey?: string;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH']);

/**
 * A random key for one submission. Not crypto.randomUUID: browsers offer it only on HTTPS or localhost, and a
 * school may run its server on plain HTTP in its own network; getRandomValues works everywhere.
 */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // shaped as a version-4 UUID
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface ApiClientOptions {
  /** The UI language, sent as Accept-Language so the server writes its messages in it. */
  getLanguage: () => string;
  baseUrl?: string;
}

/**
 * The one way the web app talks to the server: JSON in and out, the session cookie, the CSRF header on
 * writes, and the `{error:{code,message,fields}}` shape turned into an ApiError.
 */
export class ApiClient {
  private csrfToken: string | null = null;
  private readonly getLanguage: () => string;
  private readonly baseUrl: string;

  constructor(options: ApiClientOptions) {
    this.getLanguage = options.getLanguage;
    this.baseUrl = options.baseUrl ?? '';
  }

  setCsrfToken(token: string | null): void {
    this.csrfToken = token;
  }

  get<T>(path: string, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('GET', path, options);
  }

  post<T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('POST', path, { ...options, body });
  }

  patch<T>(path: string, body: unknown, options: Omit<RequestOptions, 'body'> = {}): Promise<T> {
    return this.request<T>('PATCH', path, { ...options, body });
  }

  /**
   * Sends a multipart form (file uploads) with the language and CSRF headers. XMLHttpRequest rather than fetch
   * because only it reports upload progress: `onProgress` gets the share sent so far, 0…1. With `onMessage` the
   * server is asked for NDJSON: each line is handed over as it arrives and the last one is the result.
   */
  upload<T>(
    path: string,
    form: FormData,
    options: {
      onProgress?: (share: number) => void;
      onMessage?: (message: unknown) => void;
      signal?: AbortSignal;
      idempotencyKey?: string;
    } = {},
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      const streaming = options.onMessage !== undefined;
      xhr.open('POST', this.baseUrl + path);
      xhr.setRequestHeader('Accept', streaming ? 'application/x-ndjson' : 'application/json');
      xhr.setRequestHeader('Accept-Language', this.getLanguage());
      if (this.csrfToken) xhr.setRequestHeader('x-csrf-token', this.csrfToken);
      xhr.setRequestHeader('Idempotency-Key', options.idempotencyKey ?? newIdempotencyKey());
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) options.onProgress?.(e.loaded / e.total);
      };
      let read = 0;
      let last: unknown;
      const readLines = (all: boolean) => {
        const text = xhr.responseText;
        const end = all ? text.length : text.lastIndexOf('\n') + 1;
        for (const line of text.slice(read, end).split('\n')) {
          if (line.trim() === '') continue;
          try {
            last = JSON.parse(line) as unknown;
          } catch {
            continue;
          }
          options.onMessage?.(last);
        }
        read = end;
      };
      const ok = () => xhr.status >= 200 && xhr.status < 300;
      if (streaming) xhr.onprogress = () => ok() && readLines(false);
      xhr.onload = () => {
        let body: unknown;
        if (streaming && ok()) {
          readLines(true);
          body = last;
          // An error after the answer had started streaming arrives as its last line.
          if (typeof body === 'object' && body !== null && 'error' in body) {
            reject(ApiError.fromBody(500, body));
            return;
          }
        } else {
          try {
            body = xhr.responseText ? (JSON.parse(xhr.responseText) as unknown) : undefined;
          } catch {
            body = undefined;
          }
        }
        if (ok()) resolve(body as T);
        else reject(ApiError.fromBody(xhr.status, body));
      };
      xhr.onerror = () => reject(new ApiError(0, 'network', ''));
      xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
      options.signal?.addEventListener('abort', () => xhr.abort());
      xhr.send(form);
    });
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Language': this.getLanguage(),
    };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && method !== 'HEAD' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    if (WRITES.has(method)) headers['Idempotency-Key'] = options.idempotencyKey ?? newIdempotencyKey();

    let response: Response;
    try {
      response = await fetch(this.baseUrl + path + toQueryString(options.query), {
        method,
        headers,
        credentials: 'same-origin',
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      });
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError(0, 'network', '');
    }

    const body = await readJson(response);
    if (!response.ok) throw ApiError.fromBody(response.status, body);
    return body as T;
  }
}

function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? '?' + text : '';
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
