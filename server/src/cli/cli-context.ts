import { pickLang, type Lang } from '#domain/lang';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type Database } from '../db/engine.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { cliViewer } from '../access/viewer.ts';
import { buildServices, type Services } from '../services.ts';
import type { RequestContext } from '../http/request-context.ts';
import type { CliIo } from './cli-io.ts';

export interface CliContext {
  config: Config;
  database: Database;
  services: Services;
  ctx: RequestContext;
  lang: Lang;
}

/** The operator's language comes from MEKTEP_LANG or the shell's LANG (kk_KZ.UTF-8 → kk). */
export function cliLang(env: NodeJS.ProcessEnv): Lang {
  const raw = env.MEKTEP_LANG ?? env.LANG ?? '';
  return pickLang(raw.split('.')[0]?.replace('_', '-') ?? '', 'ru');
}

/** The settings of the server, read from the command's environment (and .env for the real process). */
export function cliConfig(io: CliIo): Config {
  return loadConfig(io.env);
}

/** Opens the database the server would use (same DATABASE_URL), migrated, with services acting as the operator. */
export async function openCli(io: CliIo): Promise<CliContext> {
  const config = cliConfig(io);
  const database = openDatabase(config.DATABASE_URL, { readUrl: config.DATABASE_READ_URL });
  await migrateToLatest(database);
  return {
    config,
    database,
    services: buildServices(database, config),
    ctx: { viewer: cliViewer(), ip: null },
    lang: cliLang(io.env),
  };
}
