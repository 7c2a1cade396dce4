import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { v7 as uuidv7 } from 'uuid';
import {
  createTestDatabaseOf,
  otherEngine,
  testEngine,
  type TestDatabase,
} from '../../test/test-database.ts';
import { buildServices } from '../../services.ts';
import { loadConfig } from '../../config.ts';
import { given, PASSWORD } from '../../test/given.ts';
import { runMektep } from '../../test/run-mektep.ts';
import { loadDemo } from '../demo/demo.service.ts';
import { PlanRepository } from '../plan/plan.repository.ts';
import { AidRepository } from '../aid/aid.repository.ts';
import { JobsRepository } from '../jobs/jobs.repository.ts';
import { BackupRepository } from './backup.repository.ts';

const dir = mkdtempSync(join(tmpdir(), 'mj-backup-engines-'));
const dbs: TestDatabase[] = [];

async function fresh(engine: 'sqlite' | 'postgres') {
  const db = await createTestDatabaseOf(engine);
  dbs.push(db);
  return db;
}

afterAll(async () => {
  for (const db of dbs) await db.drop();
});

/** Bytes no text encoding survives: every byte value, invalid UTF-8, NULs, behind a real file type's magic. */
function hostileBytes(magic: number[], size: number): Buffer {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = (i * 131 + 7) % 256;
  Buffer.from(magic).copy(b);
  return b;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Every row of every backed-up table, bytes as their SHA-256, in a stable order. */
async function snapshot(database: TestDatabase) {
  const repo = new BackupRepository(database.db, database.engine);
  const out: Record<string, string[]> = {};
  for (const table of await repo.tablesInDependencyOrder()) {
    const columns = await repo.columns(table);
    const rows: string[] = [];
    for await (const page of repo.rows(table, columns.includes('id') ? 'id' : columns[0]!)) {
      for (const row of page)
        rows.push(
          JSON.stringify(
            Object.fromEntries(
              columns.map((c) => [
                c,
                row[c] instanceof Uint8Array ? `sha256:${sha(row[c])}` : (row[c] ?? null),
              ]),
            ),
          ),
        );
    }
    out[table] = rows.sort();
  }
  return out;
}

async function fileHashes(database: TestDatabase) {
  const db = database.db;
  const proofs = await db.selectFrom('aid_proofs').select(['id', 'data']).orderBy('id').execute();
  const evidence = await db.selectFrom('plan_evidence').select(['id', 'content']).orderBy('id').execute();
  const jobFiles = await db.selectFrom('job_files').select(['id', 'data']).orderBy('id').execute();
  return [
    ...proofs.map((r) => [r.id, r.data.length, sha(r.data)]),
    ...evidence.map((r) => [r.id, r.content?.length ?? null, r.content ? sha(r.content) : null]),
    ...jobFiles.map((r) => [r.id, r.data.length, sha(r.data)]),
  ];
}

const mektep = (args: string[], db: TestDatabase) =>
  runMektep(args, { env: { DATABASE_URL: db.url, MEKTEP_LANG: 'en' } });

describe(`backup of ${testEngine} restored into ${otherEngine} and back`, () => {
  let source: TestDatabase;
  let expectedFiles: unknown[];

  beforeAll(async () => {
    source = await fresh(testEngine);
    const services = buildServices(source, loadConfig({}));
    await loadDemo(services, given(services).operator, PASSWORD);
    const db = source.db;
    const handover = await db
      .selectFrom('aid_handovers')
      .select(['id', 'org_path'])
      .executeTakeFirstOrThrow();
    const item = await db.selectFrom('plan_items').select(['id', 'org_path']).executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    const uploads = [
      { mime: 'application/pdf', bytes: hostileBytes([0x25, 0x50, 0x44, 0x46, 0x2d], 70_000) },
      { mime: 'image/jpeg', bytes: hostileBytes([0xff, 0xd8, 0xff], 4096) },
      { mime: 'image/png', bytes: hostileBytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 1) },
    ];
    for (const [i, u] of uploads.entries()) {
      await new AidRepository(db).insertProof({
        id: uuidv7(),
        handover_id: handover.id,
        org_path: handover.org_path,
        file_name: `proof-${i}`,
        mime: u.mime,
        size: u.bytes.length,
        data: u.bytes,
        uploaded_by: 'operator',
        created_at: at,
      });
      await new PlanRepository(db).insertEvidence({
        id: uuidv7(),
        plan_item_id: item.id,
        org_path: item.org_path,
        kind: 'file',
        url: null,
        file_name: `evidence-${i}`,
        mime: u.mime,
        size: u.bytes.length,
        content: u.bytes,
        created_by: 'operator',
        created_at: at,
      });
    }
    const jobId = uuidv7();
    await new JobsRepository(db).insert({
      id: jobId,
      kind: 'import',
      userId: null,
      orgPath: handover.org_path,
      viewer: '{}',
      params: '{}',
      maxAttempts: 3,
    });
    const jobs = new JobsRepository(db);
    await jobs.addFile(
      jobId,
      'input',
      'children.xlsx',
      'application/octet-stream',
      hostileBytes([0x50, 0x4b], 9000),
    );
    await jobs.addFile(jobId, 'output', 'empty.csv', 'text/csv', Buffer.alloc(0));
    expectedFiles = await fileHashes(source);
    expect(expectedFiles).toHaveLength(8);
  });

  it('keeps every row and every file byte for byte across engines, and verify accepts the file', async () => {
    const first = join(dir, 'first.jsonl.gz');
    expect(await mektep(['backup', first], source)).toMatchObject({ code: 0 });
    const verified = await mektep(['backup', 'verify', first], source);
    expect(verified).toMatchObject({ code: 0 });
    expect(verified.stdout).toMatch(/is whole/);

    const other = await fresh(otherEngine);
    expect(await mektep(['restore', first], other)).toMatchObject({ code: 0, stderr: '' });
    expect(await fileHashes(other)).toEqual(expectedFiles);
    const before = await snapshot(source);
    expect(await snapshot(other)).toEqual(before);

    const second = join(dir, 'second.jsonl.gz');
    expect(await mektep(['backup', second], other)).toMatchObject({ code: 0 });
    const back = await fresh(testEngine);
    expect(await mektep(['restore', second], back)).toMatchObject({ code: 0, stderr: '' });
    expect(await fileHashes(back)).toEqual(expectedFiles);
    expect(await snapshot(back)).toEqual(before);
  });

  it('backup verify finds a changed row, a dropped row and a file cut short', async () => {
    const file = join(dir, 'tamper.jsonl.gz');
    expect(await mektep(['backup', file], source)).toMatchObject({ code: 0 });
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('"table":"users"'));

    const edited = [...lines];
    edited[at + 1] = edited[at + 1]!.replace('@', '@x');
    const editedFile = join(dir, 'edited.jsonl.gz');
    writeFileSync(editedFile, gzipSync(edited.join('\n')));
    const e = await mektep(['backup', 'verify', editedFile], source);
    expect(e.code).toBe(1);
    expect(e.stderr).toMatch(/damaged at table users/);

    const dropped = lines.filter((_, i) => i !== at + 1);
    const droppedFile = join(dir, 'dropped.jsonl.gz');
    writeFileSync(droppedFile, gzipSync(dropped.join('\n')));
    expect((await mektep(['backup', 'verify', droppedFile], source)).code).toBe(1);

    const cut = join(dir, 'cut.jsonl.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, at + 2).join('\n')));
    expect((await mektep(['backup', 'verify', cut], source)).code).toBe(1);

    // A damaged file is not restored at all.
    const empty = await fresh(otherEngine);
    expect((await mektep(['restore', editedFile], empty)).code).toBe(1);
    expect(await empty.db.selectFrom('users').selectAll().execute()).toEqual([]);
  });
});
