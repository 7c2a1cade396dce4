import type { Command } from 'commander';
import { join } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { cliConfig } from '../cli-context.ts';
import { printError, printLine, type CliIo } from '../cli-io.ts';
import { formatTable, runBenchmarks } from '../../features/bench/bench.runner.ts';

export function registerBench(program: Command, io: CliIo) {
  program
    .command('bench')
    .description('run the performance benchmarks on a throwaway database; prints a table and writes JSON')
    .option(
      '--scale <n>',
      'data size: 1 = the synthetic republic (17 regions, 7 900 schools, 500 000 children), 0.01 fits CI',
      (v) => {
        const n = Number(v);
        if (!Number.isFinite(n) || n < 0.001 || n > 100)
          throw new InvalidArgumentError('a number from 0.001 to 100');
        return n;
      },
      1,
    )
    .option(
      '--postgres',
      'run on a throwaway database on the PostgreSQL server of DATABASE_URL (default: a temp SQLite file)',
    )
    .option('--only <text>', 'only benchmarks whose name contains this (or one of several, comma-separated)')
    .option('--out <file>', 'where to write the JSON results')
    .action(async (opts: { scale: number; postgres?: boolean; only?: string; out?: string }) => {
      const url = cliConfig(io).DATABASE_URL;
      if (opts.postgres && !url?.startsWith('postgres'))
        throw new InvalidArgumentError('--postgres needs DATABASE_URL=postgres://…');
      const out =
        opts.out ?? join('bench-results', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
      const report = await runBenchmarks({
        scale: opts.scale,
        pgUrl: opts.postgres ? url : undefined,
        only: opts.only,
        out,
        log: (s) => printError(io, s),
      });
      printLine(io, `engine: ${report.engine}, scale: ${report.scale}, node ${report.node}`);
      printLine(io, formatTable(report.results));
      printLine(io, `\nJSON: ${out}`);
    });
}
