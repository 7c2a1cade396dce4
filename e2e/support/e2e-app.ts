import type { AddressInfo } from 'node:net';
import { buildApp } from '../../server/src/app.ts';
import { loadConfig } from '../../server/src/config.ts';
import { buildServices, type Services } from '../../server/src/services.ts';
import { createTestDatabase, type TestDatabase } from '../../server/src/test/test-database.ts';
import type { App } from '../../server/src/http/app-types.ts';
import { ensureWebBuilt } from './build-web.ts';

export interface E2eApp {
  url: string;
  services: Services;
  database: TestDatabase;
  app: App;
  close(): Promise<void>;
}

/** The production server with the built web app, on a fresh SQLite database and a free loopback port. */
export async function startE2eApp(): Promise<E2eApp> {
  ensureWebBuilt();
  const database = await createTestDatabase();
  const config = loadConfig({});
  const app = await buildApp({ database, config, serveWeb: true, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    services: buildServices(database, config),
    database,
    app,
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
