import { pickLang, type Lang } from '#domain/lang';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type Database } from '../db/engine.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { cliViewer } from '../access/viewer.ts';
import { buildServices, type Services } from '../services.ts';
import type { RequestContext } from '../http/request-context.ts';

export interface CliContext {
  config: Config;
  database: Database;
  services: Services;
  ctx: RequestContext;
  lang: Lang;
}

/** The operator's language comes from MEKTEP_LANG or the shell's LANG (kk_KZ.UTF-8 → kk). */
export function cliLang(): Lang {
  const raw = process.env.MEKTEP_LANG ?? process.env.LANG ?? '';
  return pickLang(raw.split('.')[0]?.replace('_', '-') ?? '', 'ru');
}

/** Opens the database the server would use (same DATABASE_URL), migrated, with services acting as the operator. */
export async function openCli(): Promise<CliContext> {
  const config = loadConfig();
  const database = openDatabase(config.DATABASE_URL);
  await migrateToLatest(database);
  return {
    config,
    database,
    services: buildServices(database, config),
    ctx: { viewer: cliViewer(), ip: null },
    lang: cliLang(),
  };
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
