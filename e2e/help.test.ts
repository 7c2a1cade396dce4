import type { Browser } from 'playwright-core';
import { addChildren } from '../server/src/features/aid/help-fixtures.ts';
import { given, PASSWORD } from '../server/src/test/given.ts';
import { launchBrowser, screenshot, signIn } from './support/browser.ts';
import { startE2eApp, type E2eApp } from './support/e2e-app.ts';

let app: E2eApp;
let browser: Browser;
const year = new Date().getFullYear();

beforeAll(async () => {
  app = await startE2eApp();
  const g = given(app.services);
  await g.tree();
  await g.user('coordinator', 'SA', 'coord.help@e2e.kz');
  await app.services.fv.put(g.operator, 'SA', year, { allocated: '1 000 000' }, 'ru');
  await app.services.fv.putPm(g.operator, year, { amount: 50_000, ...(year <= 2025 && { version: 1 }) });
  await addChildren(app.database, 'SA', 3, { categories: [{ code: 'asp', docName: 'Справка АСП' }] });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('help in a browser', () => {
  it('hands ФВ aid to several children at the PM, prints the act and sees what is left', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    await signIn(page, app.url, 'coord.help@e2e.kz', PASSWORD);
    await page.getByTestId('nav-aid').click();
    await page.waitForURL(/\/aid$/);

    const amount = page.getByLabel('Сумма на каждого ребёнка');
    await expect.poll(() => amount.inputValue()).toBe('50\u00a0000');
    await page.getByTestId('handover-children').getByRole('checkbox').nth(0).check();
    await page.getByTestId('handover-children').getByRole('checkbox').nth(1).check();
    await page.getByTestId('handover-children').getByRole('checkbox').nth(2).check();
    await page.getByRole('button', { name: 'Проверить' }).click();
    await page.getByText('Замечаний нет.').waitFor();
    await page.getByRole('button', { name: 'Подтвердить и записать' }).click();
    await page.getByText(/Помощь записана: 3 учащимся/).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'PDF' }).first().click();
    expect((await download).suggestedFilename()).toMatch(/^акт-приема-передачи-.*\.pdf$/);
    await screenshot(page, 'help-handover');

    await page.getByRole('tab', { name: 'Фонд всеобуча' }).click();
    await page.getByTestId('fv-table').getByText('850\u00a0000\u00a0₸').first().waitFor();
    await page.getByRole('tab', { name: 'Записи' }).click();
    await expect(page.getByTestId('aid-records').locator('tbody tr').count()).resolves.toBe(3);
    await page.close();
  });
});
