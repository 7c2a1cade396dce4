import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase } from './db/engine.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildApp } from './app.ts';
import { JobRunner } from './features/jobs/job-runner.ts';
import { jobKinds } from './features/jobs/job-kinds.ts';
import { buildServices } from './services.ts';
import { SetupService } from './features/setup/setup.service.ts';
import { SessionsRepository } from './features/auth/sessions.repository.ts';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const database = openDatabase(config.DATABASE_URL, {
  poolMax: config.DATABASE_POOL_MAX,
  readUrl: config.DATABASE_READ_URL,
});
await migrateToLatest(database);
const services = buildServices(database, config);
const jobs =
  config.JOBS_RUN === 'true'
    ? new JobRunner(database, services, jobKinds, {
        postgresUrl: database.engine === 'postgres' ? config.DATABASE_URL : undefined,
        concurrency: config.JOBS_CONCURRENCY,
        heartbeatMs: Math.max(1000, (config.JOBS_STALE_SECONDS * 1000) / 6),
        staleMs: config.JOBS_STALE_SECONDS * 1000,
      })
    : null;
const app = await buildApp({
  database,
  config,
  services,
  collectMetrics: () => jobs?.collectMetrics() ?? Promise.resolve(),
});
await jobs?.start();

const setupToken = await new SetupService(database).issueToken();
await app.listen({ port: config.PORT, host: config.HOST });

// PORT=0 takes a free port (tests, several processes on one host): print the one actually taken.
const { port } = app.server.address() as AddressInfo;
const base = config.PUBLIC_URL ?? `http://localhost:${port}`;
const lines = [
  '',
  `Mektepke Jol is running at ${base}  (database: ${database.engine}, ${database.location}` +
    (database.replica ? `; reports from ${database.replica.location})` : ')'),
];
if (setupToken) {
  lines.push(
    'No users yet. Open this one-time link to create the first administrator (valid 24 hours):',
    `  ${base}/setup?token=${setupToken}`,
    'or create one from the command line: npx mektep user add --email you@example.kz --name "Your Name" --role admin --password-stdin',
  );
} else {
  lines.push(
    'Sign in with your account. Forgot the password? An admin can set a new one: npx mektep user password --email E',
  );
}
console.log(lines.join('\n') + '\n');

// Expired sessions are only ever refused; clear them out now and then so the table stays small.
const sweep = setInterval(() => {
  void new SessionsRepository(database.db)
    .deleteExpired(new Date().toISOString())
    .catch((err: unknown) => app.log.warn({ err }, 'session sweep failed'));
}, 3600_000);
sweep.unref();

// Finish requests in flight and close the database cleanly on stop.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, 'shutting down');
    // Jobs running here are handed back to the queue first, so another process takes them at once.
    (jobs ? jobs.stop() : Promise.resolve())
      .then(() => app.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  });
}
