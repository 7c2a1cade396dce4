import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { request } from 'node:http';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import type { App } from './http/app-types.ts';
import { createTestDatabase, type TestDatabase } from './test/test-database.ts';

// How the server sends the web app and its answers to a browser on a slow line: compressed, and hashed assets
// cached for a year. A small built app of its own stands in for web/dist (with the .br/.gz twins the build makes).
const script = `console.log(${JSON.stringify('мектепке жол '.repeat(400))});`;
let dir: string;
let database: TestDatabase;
let app: App;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mektep-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script src="/assets/main-AbCd1234.js"></script>');
  writeFileSync(join(dir, 'assets/main-AbCd1234.js'), script);
  writeFileSync(join(dir, 'assets/main-AbCd1234.js.br'), brotliCompressSync(script));
  writeFileSync(join(dir, 'assets/main-AbCd1234.js.gz'), gzipSync(script));
  database = await createTestDatabase();
  app = await buildApp({ database, config: loadConfig({}), webRoot: dir, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app.close();
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw GET (fetch would undo the compression before the test could see it). */
function get(path: string, acceptEncoding: string) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    const req = request(url + path, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('sending the web app', () => {
  it('sends a hashed asset brotli-compressed from the build, cached for a year', async () => {
    const res = await get('/assets/main-AbCd1234.js', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it('sends gzip to a browser without brotli and the plain file to one that takes neither', async () => {
    const gz = await get('/assets/main-AbCd1234.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);
    const plain = await get('/assets/main-AbCd1234.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('has the browser revalidate the page itself, which names the current assets', async () => {
    for (const path of ['/', '/children/123']) {
      const res = await get(path, 'br');
      expect(res.status, path).toBe(200);
      expect(res.headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('compresses API answers for a browser that takes it', async () => {
    const res = await get('/api/openapi.json', 'br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(res.body).toString()).openapi).toMatch(/^3\./);
    const gz = await get('/api/openapi.json', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.body).toString()).openapi).toMatch(/^3\./);
  });
});
