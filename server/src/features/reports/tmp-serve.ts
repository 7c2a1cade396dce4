import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { exampleSchoolInput } from '#domain/report/example-school-input';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { buildServices } from '../../services.ts';
import { createTestDatabase } from '../../test/test-database.ts';
import { given } from '../../test/given.ts';
import { reportGiven } from './test/report-given.ts';

const database = await createTestDatabase();
const config = loadConfig({});
const services = buildServices(database, config);
const g = given(services);
await g.tree();
await g.user('officer', 'C1', 'officer@test.kz');
const r = reportGiven(database);
const ex = exampleSchoolInput();
const a = await r.campaign('SA', 2023, { motto: ex.campaign.motto!, closed: true });
await r.exampleSchool('SA', ex, a);
const b = await r.campaign('SB', 2023, { motto: ex.campaign.motto! });
const sp = await r.sponsor('SB', { name: 'ТОО «Общий спонсор»' });
for (let i = 0; i < 7; i += 1) {
  const c = await r.child('SB', { categories: ['asp'] });
  await r.aid('SB', { childId: c, date: `2023-08-${10 + i}`, amount: 40_567 });
  if (i < 3)
    await r.aid('SB', { childId: c, date: '2023-09-05', amount: 12_000, sponsorId: sp, form: 'goods' });
}
await r.hotline('SB', b, 'open');
const kids = await database.db
  .selectFrom('children')
  .select('id')
  .where('org_path', 'like', '%/SA/')
  .execute();
for (const k of kids.slice(0, 8)) await r.need(k.id, 'uniform');
for (const k of kids.slice(8, 14)) await r.need(k.id, 'shoes', 2);
const app = await buildApp({ database, config, serveWeb: false, logger: false });
const dist = '/tmp/rep/webdist';
const types: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};
app.get('/*', { config: { public: true } }, async (req, reply) => {
  const path = join(dist, req.url.split('?')[0]!);
  const file = existsSync(path) && extname(path) ? path : join(dist, 'index.html');
  return reply
    .header('content-type', types[extname(file)] ?? 'application/octet-stream')
    .send(readFileSync(file));
});
await app.listen({ port: 3901, host: '127.0.0.1' });
console.log('ready');
