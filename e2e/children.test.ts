import type { Browser } from 'playwright-core';
import { makeValidIin } from '#domain/iin';
import { given, PASSWORD } from '../server/src/test/given.ts';
import { launchBrowser, screenshot, signIn } from './support/browser.ts';
import { startE2eApp, type E2eApp } from './support/e2e-app.ts';

let app: E2eApp;
let browser: Browser;

beforeAll(async () => {
  app = await startE2eApp();
  const g = given(app.services);
  await g.tree();
  await g.user('coordinator', 'SA', 'coord.children@e2e.kz');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the children registry in a browser', () => {
  it('adds a child with its IIN checked as typed, finds it by IIN, records a need and exports the list', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    await signIn(page, app.url, 'coord.children@e2e.kz', PASSWORD);
    await page.getByTestId('nav-children').click();
    await page.waitForURL(/\/children$/);

    await page.getByTestId('child-add').click();
    const iin = makeValidIin('2014-03-15', 'f', 321);
    await page.getByTestId('child-iin').fill(iin.slice(0, 11) + String((Number(iin[11]) + 1) % 10));
    await page.getByText(/контрольная цифра/).waitFor();
    await page.getByTestId('child-iin').fill(iin);
    await page.getByTestId('child-surname').fill('Сейткали');
    await page.getByTestId('child-name').fill('Әйгерім');
    await page.getByTestId('child-birthDate').fill('2014-03-15');
    await page.getByTestId('child-class').fill('5А');
    await page.getByTestId('child-save').click();
    await page.getByTestId('child-title').waitFor();
    await expect(page.getByTestId('child-title').textContent()).resolves.toContain('Сейткали Әйгерім');

    await page.getByTestId('child-tab-needs').click();
    await page.getByTestId('need-item').click();
    await page.getByRole('option', { name: 'обувь' }).click();
    await page.getByTestId('need-size').fill('34');
    await page.getByTestId('need-add').click();
    await page.getByTestId('need-shoes').waitFor();
    await screenshot(page, 'child-card-needs');

    await page.goto(app.url + `/children?q=${iin}`);
    await page.locator('[data-testid^="child-row-"]').first().waitFor();
    await expect(page.locator('[data-testid^="child-row-"]').count()).resolves.toBe(1);
    const download = page.waitForEvent('download');
    await page.getByTestId('children-export').click();
    expect((await download).suggestedFilename()).toBe('children.xlsx');
    await screenshot(page, 'children-list');

    const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'kk-KZ' });
    await phone.context().addCookies(await page.context().cookies());
    await phone.goto(app.url + '/children');
    await phone.locator('[data-testid^="child-row-"]').first().waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone, 'children-phone');
  });
});
