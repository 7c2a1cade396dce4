import type { Services } from '../../services.ts';
import type { Database } from '../../db/engine.ts';

export interface BenchEnv {
  database: Database;
  services: Services;
  /** Base URL of the whole server running on the bench database, for HTTP measurements. */
  url: string;
  /** Multiplies data sizes: 1 is a school-sized run, 10 a district (the `--scale` rounded, at least 1). */
  scale: number;
  /** The synthetic republic's size as given by `--scale`: 1 is the whole republic, 0.01 fits CI. */
  republicScale: number;
  /** Progress lines for the operator. */
  log?: (line: string) => void;
}

export interface BenchResult {
  name: string;
  /** What one operation is, e.g. "request", "row", "login". */
  unit: string;
  ops: number;
  seconds: number;
  p50ms?: number;
  p95ms?: number;
  /** The hand-written SQL of the same figures on the same data, median of as many runs. */
  baselineMs?: number;
  /** p50 over baselineMs. */
  ratio?: number;
  /** The process's peak resident memory so far (server, client and data generator share the process). */
  peakRssMb?: number;
  note?: string;
}

/** A benchmark: arranges its data (untimed), then measures and reports. */
export interface BenchCase {
  name: string;
  run(env: BenchEnv): Promise<BenchResult>;
}

/** Runs `op` `count` times with `concurrency` in flight; returns throughput and latency percentiles. */
export async function measure(count: number, concurrency: number, op: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        await op(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return { seconds, p50ms: pct(50), p95ms: pct(95) };
}
