import type { AddressInfo } from 'node:net';
import { buildApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { buildServices, type Services } from '../services.ts';
import type { App } from '../http/app-types.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export interface TestApp {
  app: App;
  url: string;
  database: TestDatabase;
  services: Services;
  close(): Promise<void>;
}

/** The whole server on a fresh database (or on one the test already has), listening on a free loopback port: tests talk real HTTP to it. */
export async function startTestApp(
  overrides: Partial<Config> = {},
  existing?: TestDatabase,
  appOptions: { rateLimitMax?: number } = {},
): Promise<TestApp> {
  const database = existing ?? (await createTestDatabase());
  const config = { ...loadConfig({}), ...overrides };
  const app = await buildApp({ database, config, serveWeb: false, logger: false, ...appOptions });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    database,
    // A second set of services over the same database, for arranging data without HTTP.
    services: buildServices(database, config),
    async close() {
      await app.close();
      // A database handed in belongs to the caller, who drops it.
      if (!existing) await database.drop();
    },
  };
}
