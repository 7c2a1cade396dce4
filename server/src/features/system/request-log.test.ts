import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { startTestApp } from '../../test/test-app.ts';
import { installRequestLog, quietLogController } from './request-log.ts';

/** A bare app with the request log, writing its JSON log lines into `lines`. */
async function appLogging(level: string, slowMs: number, lines: Record<string, unknown>[]) {
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  const app = Fastify({ logger: { level, stream }, logController: quietLogController() });
  installRequestLog(app, slowMs);
  app.get('/fast/:id', async () => 'ok');
  app.get('/slow', async () => new Promise((r) => setTimeout(() => r('ok'), 30)));
  app.get('/broken', async () => {
    throw new Error('boom');
  });
  await app.ready();
  return app;
}

describe('the request log', () => {
  it('logs every request at debug with its route template, nothing at info for a quick one', async () => {
    const debug: Record<string, unknown>[] = [];
    const a = await appLogging('debug', 1000, debug);
    await a.inject('/fast/42');
    expect(debug.find((l) => l.msg === 'request')).toMatchObject({
      level: 20,
      route: '/fast/:id',
      status: 200,
    });

    const info: Record<string, unknown>[] = [];
    const b = await appLogging('info', 1000, info);
    await b.inject('/fast/42');
    expect(info).toEqual([]);
  });

  it('keeps slow requests and server errors at info and above', async () => {
    const info: Record<string, unknown>[] = [];
    const a = await appLogging('info', 10, info);
    await a.inject('/slow');
    await a.inject('/broken');
    expect(info.find((l) => l.msg === 'slow request')).toMatchObject({ level: 30, route: '/slow' });
    expect(info.find((l) => l.msg === 'request failed')).toMatchObject({
      level: 50,
      route: '/broken',
      status: 500,
    });
  });
});

describe('the application', () => {
  it('starts without a Fastify deprecation warning', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error & { code?: string }) => warnings.push(`${w.code ?? w.name}: ${w.message}`);
    process.on('warning', onWarning);
    const t = await startTestApp();
    await t.close();
    // process.emitWarning delivers on the next tick.
    await new Promise((r) => setImmediate(r));
    process.off('warning', onWarning);
    expect(warnings.filter((w) => w.startsWith('FSTDEP'))).toEqual([]);
  });
});
