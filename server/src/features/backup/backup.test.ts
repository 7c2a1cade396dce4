import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { buildServices } from '../../services.ts';
import { loadConfig } from '../../config.ts';
import { given } from '../../test/given.ts';
import { BackupService } from './backup.service.ts';

const dir = mkdtempSync(join(tmpdir(), 'mj-backup-'));
let source: TestDatabase;
let target: TestDatabase;

beforeAll(async () => {
  source = await createTestDatabase();
  target = await createTestDatabase();
  const g = given(buildServices(source, loadConfig({})));
  await g.tree();
  await g.user('coordinator', 'SA', 'c@backup.kz', ['5А']);
});
afterAll(async () => {
  await source.drop();
  await target.drop();
});

describe('backup and restore', () => {
  it('copies every row of every table into an empty database, parents before children', async () => {
    const file = join(dir, 'copy.jsonl.gz');
    const written = await new BackupService(source).backup(file);
    expect(written.org_units).toBe(7);
    expect(written.users).toBe(1);
    const restored = await new BackupService(target).restore(file);
    expect(restored).toEqual(written);
    const a = await source.db.selectFrom('org_units').selectAll().orderBy('path').execute();
    const b = await target.db.selectFrom('org_units').selectAll().orderBy('path').execute();
    expect(b).toEqual(a);
    const user = await target.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(user).toMatchObject({ email: 'c@backup.kz', classes: '["5А"]' });
    // The report facts are not carried in the file: the restore rebuilds them from the records.
    expect(written).not.toHaveProperty('report_cube');
    const structure = (db: typeof source.db) =>
      db.selectFrom('org_structure').select(['path', 'depth', 'leaf']).orderBy('path').execute();
    expect(await structure(target.db)).toEqual(await structure(source.db));
  });

  it('refuses to restore into a database that holds data, and a file that is not a backup', async () => {
    const file = join(dir, 'again.jsonl.gz');
    await new BackupService(source).backup(file);
    await expect(new BackupService(source).restore(file)).rejects.toMatchObject({ code: 'not_empty' });
    const junk = join(dir, 'junk.gz');
    writeFileSync(junk, 'this is not gzip');
    const empty = await createTestDatabase();
    try {
      await expect(new BackupService(empty).restore(junk)).rejects.toMatchObject({ code: 'not_a_backup' });
      expect(await empty.db.selectFrom('org_units').selectAll().execute()).toEqual([]);
    } finally {
      await empty.drop();
    }
  });
});
