import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { loadConfig } from '../../config.ts';
import { buildServices } from '../../services.ts';
import { given } from '../../test/given.ts';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { runMektep } from '../../test/run-mektep.ts';

const HEADER = 'Код;Код вышестоящего;Тип;Наименование (рус);Наименование (каз)';
let db: TestDatabase;
let dir: string;

function mektep(args: string[], env: Record<string, string> = {}) {
  return runMektep(['import', ...args], { env: { DATABASE_URL: db.url, MEKTEP_LANG: 'ru', ...env } });
}

function file(name: string, lines: string[], encoding: 'utf8' | 'win1251' = 'utf8') {
  const path = join(dir, name);
  writeFileSync(path, iconv.encode([HEADER, ...lines].join('\r\n') + '\r\n', encoding));
  return path;
}

const units = (prefix: string) =>
  db.db.selectFrom('org_units').select('code').where('code', 'like', `${prefix}%`).orderBy('code').execute();

beforeAll(async () => {
  db = await createTestDatabase();
  await given(buildServices(db, loadConfig({}))).tree();
  dir = mkdtempSync(join(tmpdir(), 'mj-import-cli-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db.drop();
});

describe('npx mektep import', () => {
  it('imports a Windows-1251 file (exit 0) and changes nothing when run again', async () => {
    const path = file(
      'units.csv',
      ['K1;R1;город/район;Город К;К қаласы', 'K1-S1;K1;школа;Школа 1;1 мектеп'],
      'win1251',
    );
    const first = await mektep([path]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('«units.csv» — организации: 2 строки, отклонено: 0.');
    expect(first.stdout).toContain('Импортировано: создано 2, обновлено 0, без изменений 0.');
    expect(await units('K1')).toEqual([{ code: 'K1' }, { code: 'K1-S1' }]);

    const again = await mektep([path], { MEKTEP_LANG: 'en' });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Imported: 0 created, 0 updated, 2 unchanged.');
  });

  it('refuses a file with bad rows (exit 1): names each row and column, writes nothing', async () => {
    const path = file('bad.csv', [
      'K2;R1;город/район;Город;Қала',
      `K2-S1;K2;школа;${'Ш'.repeat(301)};Мектеп`,
      'K2-S2;K2;школа;Школа <script>;Мектеп',
      'K2-S3;K2;школа;;Мектеп',
    ]);
    const r = await mektep([path]);
    expect(r.code).toBe(1);
    // Each line names the row, the column and the value as written (a long one shortened).
    expect(r.stdout).toContain(
      `строка 3, Наименование (рус) «${'Ш'.repeat(60)}…»: Слишком длинное значение (301 симв.)`,
    );
    expect(r.stdout).toContain('строка 4, Наименование (рус) «Школа <script>»: HTML-разметка');
    expect(r.stdout).toContain('строка 5, Наименование (рус): Заполните это поле.');
    expect(r.stdout).toContain('Из этого файла ничего не импортировано');
    expect(r.stderr).toContain('Импорт завершён с ошибками');
    expect(await units('K2')).toEqual([]);

    const dry = await mektep([path, '--dry-run', '--skip-invalid'], { MEKTEP_LANG: 'kk' });
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('3-жол, Атауы (орысша)');
    expect(await units('K2')).toEqual([]);

    const skip = await mektep([path, '--skip-invalid']);
    expect(skip.code).toBe(1);
    expect(skip.stdout).toContain('Пропущено строк с ошибками: 3.');
    expect(await units('K2')).toEqual([{ code: 'K2' }]);
  });

  it('refuses files that are not spreadsheets or are too large, naming them', async () => {
    const png = join(dir, 'photo.csv');
    writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49]));
    const big = join(dir, 'big.csv');
    const handle = await open(big, 'w');
    await handle.truncate(3 * 1024 * 1024);
    await handle.close();
    const r = await mektep([png, big], { UPLOAD_MAX_MB: '2' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Файл «photo.csv» — не таблица CSV или XLSX (по содержимому это PNG)');
    expect(r.stdout).toContain('Файл «big.csv» больше 2 МБ');
  });

  it('prints progress of a large file on stderr', async () => {
    const lines = ['K3;R1;город/район;Город;Қала'];
    for (let i = 1; i <= 1200; i++) lines.push(`K3-S${i};K3;школа;Школа ${i};${i} мектеп`);
    const r = await mektep([file('many.csv', lines), '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('«many.csv»: проверка 1201 из 1201');
    expect(r.stderr).toContain('«many.csv»: запись 1201 из 1201');
    expect(r.stdout).toContain('Будет: создано 1201, обновлено 0, без изменений 0.');
    expect(await units('K3')).toEqual([]);
  });

  it('refuses an unknown --org with exit 1, naming it', async () => {
    const r = await mektep([file('z.csv', ['K9;R1;город/район;Г;Г']), '--org', 'NOPE']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Организация с кодом «NOPE» не найдена.');
  });

  it('a kind imported into a unit without --org is a usage error (exit 2) naming --org, writing nothing', async () => {
    const path = join(dir, 'sponsors.csv');
    writeFileSync(path, 'Наименование;Тип\r\nТОО «Караганда Строй»;компания\r\n');
    const r = await mektep([path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--org');
    expect(r.stdout).not.toContain('Организация не найдена');
    const named = await mektep([path, '--org', 'SA']);
    expect(named.code).toBe(0);
  });

  it('answers usage errors with exit 2', async () => {
    expect((await mektep([])).code).toBe(2);
    const missing = await mektep([join(dir, 'nope.csv')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.csv» не найден');
    expect((await mektep([file('y.csv', []), '--campaign', 'last'])).code).toBe(2);
    expect((await mektep([file('y.csv', []), '--bogus'])).code).toBe(2);
  });
});
