import iconv from 'iconv-lite';
import type { Browser } from 'playwright-core';
import { given, PASSWORD } from '../server/src/test/given.ts';
import { launchBrowser, screenshot, signIn } from './support/browser.ts';
import { startE2eApp, type E2eApp } from './support/e2e-app.ts';

let app: E2eApp;
let browser: Browser;

beforeAll(async () => {
  app = await startE2eApp();
  const g = given(app.services);
  await g.tree();
  await g.user('officer', 'C1', 'officer.import@e2e.kz');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('importing a spreadsheet', () => {
  it('previews a Windows-1251 CSV with bad rows named, imports only the valid rows, and changes nothing again', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    await signIn(page, app.url, 'officer.import@e2e.kz', PASSWORD);
    await page.getByTestId('nav-import').click();
    await page.waitForURL(/\/import$/);
    await page.getByTestId('import-template-org-units').waitFor();

    const csv = iconv.encode(
      [
        'Код;Код вышестоящего;Тип;Наименование (рус);Наименование (каз)',
        'E2E-S1;C1;школа;Школа № 7;№ 7 мектеп',
        `E2E-S2;C1;школа;${'Ш'.repeat(301)};Мектеп`,
        'E2E-S3;C1;школа;<script>alert(1)</script>;Мектеп',
        'E2E-S4;C1;школа;Гимназия № 2;№ 2 гимназия',
      ].join('\r\n'),
      'win1251',
    );
    const upload = { name: 'schools.csv', mimeType: 'text/csv', buffer: csv };
    await page.getByTestId('import-file-input').setInputFiles(upload);

    const errors = page.getByTestId('import-error-row');
    await errors.first().waitFor();
    await expect(errors.allTextContents()).resolves.toEqual([
      expect.stringMatching(/^3Наименование \(рус\)Ш{60}…Слишком длинное значение \(301 симв\.\)/),
      expect.stringMatching(/^4Наименование \(рус\)<script>alert\(1\)<\/script>HTML-разметка/),
    ]);
    await expect(page.getByTestId('import-all').isDisabled()).resolves.toBe(true);
    await expect(page.locator('script:has-text("alert(1)")').count()).resolves.toBe(0);
    await screenshot(page, 'import-preview');
    expect(
      await app.database.db.selectFrom('org_units').where('code', 'like', 'E2E%').select('code').execute(),
    ).toEqual([]);

    await page.getByTestId('import-valid').click();
    await expect(page.getByTestId('import-done').textContent()).resolves.toContain('создано 2');
    const codes = await app.database.db
      .selectFrom('org_units')
      .where('code', 'like', 'E2E%')
      .select('code')
      .orderBy('code')
      .execute();
    expect(codes.map((c) => c.code)).toEqual(['E2E-S1', 'E2E-S4']);

    await page.getByTestId('import-another').click();
    const clean = iconv.encode(
      'Код;Код вышестоящего;Тип;Наименование (рус);Наименование (каз)\r\nE2E-S1;C1;школа;Школа № 7;№ 7 мектеп\r\n',
      'win1251',
    );
    await page.getByTestId('import-file-input').setInputFiles({ ...upload, buffer: clean });
    await page.getByTestId('import-all').click();
    await expect(page.getByTestId('import-done').textContent()).resolves.toContain('без изменений 1');
  });
});
