import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase, type Database } from '../../db/engine.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { buildServices } from '../../services.ts';
import { benchCases } from './bench.cases.ts';
import type { BenchResult } from './bench-case.ts';

/** A throwaway database for the run: a temp SQLite file, or a new database on the PostgreSQL server given. */
async function throwawayDatabase(
  pgUrl: string | undefined,
): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (pgUrl) {
    const name = `mj_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    const database = openDatabase(url.toString());
    return {
      database,
      drop: async () => {
        const c = new pg.Client({ connectionString: pgUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'mj-bench-'));
  return {
    database: openDatabase(`file:${join(dir, 'bench.sqlite')}`),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function runBenchmarks(opts: {
  scale: number;
  pgUrl?: string;
  only?: string;
  out: string;
  log: (s: string) => void;
}) {
  const { database, drop } = await throwawayDatabase(opts.pgUrl);
  const config = { ...loadConfig({}), LOG_LEVEL: 'silent' as const };
  const results: BenchResult[] = [];
  try {
    await migrateToLatest(database);
    // Benchmarks hammer the API from one address: lift the per-IP rate limits for this private server.
    const app = await buildApp({ database, config, serveWeb: false, logger: false, rateLimitMax: 1_000_000 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const env = {
      database,
      services: buildServices(database, config),
      url,
      scale: Math.max(1, Math.round(opts.scale)),
      republicScale: opts.scale,
      log: opts.log,
    };
    try {
      for (const c of benchCases) {
        // --only takes one text or several separated by commas; a case runs when its name contains any of them.
        const wanted = opts.only?.toLowerCase().split(',').filter(Boolean) ?? [];
        if (wanted.length > 0 && !wanted.some((w) => c.name.toLowerCase().includes(w.trim()))) continue;
        opts.log(`… ${c.name}`);
        results.push(await c.run(env));
      }
    } finally {
      await app.close();
    }
  } finally {
    await database.close().catch(() => undefined);
    await drop();
  }
  mkdirSync(join(opts.out, '..'), { recursive: true });
  const report = {
    at: new Date().toISOString(),
    engine: database.engine,
    scale: opts.scale,
    node: process.version,
    results,
  };
  writeFileSync(opts.out, JSON.stringify(report, null, 2));
  return report;
}

export function formatTable(results: BenchResult[]): string {
  const rows = results.map((r) => [
    r.name,
    `${Math.round(r.ops / r.seconds).toLocaleString('en')} ${r.unit}/s`,
    r.p50ms === undefined ? '' : r.p50ms.toFixed(1),
    r.p95ms === undefined ? '' : r.p95ms.toFixed(1),
    r.baselineMs === undefined ? '' : r.baselineMs.toFixed(1),
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`,
    r.peakRssMb === undefined ? '' : String(r.peakRssMb),
    r.note ?? '',
  ]);
  const head = ['benchmark', 'throughput', 'p50 ms', 'p95 ms', 'SQL ms', 'ratio', 'peak RSS MB', 'data'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
