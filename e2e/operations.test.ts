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
  await g.user('coordinator', 'SA', 'coord.raids@e2e.kz');
  await app.services.campaigns.create(g.operator, { orgCode: 'C1', year: Number(new Date().getFullYear()) });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('raids and cases on a phone', () => {
  it('records a raid on a 360 px phone, keeps one typed offline until the connection returns, and follows the case', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'ru-RU' });
    const page = await context.newPage();
    await signIn(page, app.url, 'coord.raids@e2e.kz', PASSWORD);
    await page.waitForURL(/\/$/);
    await page.goto(app.url + '/raids');

    await page.getByTestId('raid-new').click();
    await page.getByTestId('raid-place-name-0').fill('Клуб «Арена»');
    await page.getByTestId('raid-add-child').click();
    await page.getByTestId('raid-child-mode-0').getByText('Новый').click();
    await page.getByTestId('raid-child-surname-0').fill('Иванов');
    await page.getByTestId('raid-child-name-0').fill('Пётр');
    await page.getByTestId('raid-child-birth-0').fill('2012-01-15');
    await page.getByTestId('raid-child-class-0').fill('7Б');
    await page.getByTestId('raid-child-reason-0').fill('в клубе в учебное время');
    await screenshot(page, 'raid-form-phone');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await page.getByTestId('raid-save').click();
    await page.getByTestId('raid-card').first().waitFor();
    await screenshot(page, 'raids-phone');

    await context.setOffline(true);
    await page.getByTestId('raid-new').click();
    await page.getByTestId('raid-place-name-0').fill('Рынок');
    await page.getByTestId('raid-save').click();
    await page.getByTestId('outbox-pending').waitFor();
    await screenshot(page, 'raids-offline-phone');
    await context.setOffline(false);
    await page.getByTestId('outbox-pending').waitFor({ state: 'detached' });
    await expect(app.database.db.selectFrom('raids').select('id').execute()).resolves.toHaveLength(2);

    await page.goto(app.url + '/cases');
    await page.getByTestId('case-add-step').first().click();
    await page.getByTestId('case-step-kind').selectOption('attends_school');
    await screenshot(page, 'case-step-phone');
    await page.getByTestId('case-step-save').click();
    await page.getByText('Открытых случаев нет.').waitFor();
    await page.getByText('Закрытые').click();
    await page.getByTestId('case-card').first().waitFor();
    await screenshot(page, 'cases-phone');
    const cases = await app.database.db.selectFrom('cases').select('status').execute();
    expect(cases).toEqual([{ status: 'closed' }]);
  });
});
