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
  await g.user('officer', 'C1', 'officer@e2e.kz');
  await g.user('coordinator', 'SA', 'coord@e2e.kz');
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('signing in and moving around', () => {
  it('signs in, moves between sections, switches kk/ru/en and signs out', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU' });
    await page.goto(app.url + '/');
    await page.getByTestId('sign-in-email').fill('officer@e2e.kz');
    await page.getByTestId('sign-in-password').fill('wrong password!');
    await page.getByTestId('sign-in-submit').click();
    await expect(page.getByTestId('sign-in-error').textContent()).resolves.toMatch(/парол/i);

    await page.getByTestId('sign-in-password').fill(PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('user-menu').waitFor();

    await page.getByTestId('nav-orgUnits').click();
    await page.waitForURL(/org-units/);
    await page.getByText('Школа А').first().waitFor();
    await expect(page.getByText('Школа В').count()).resolves.toBe(0); // outside this officer's city

    for (const [lang, word] of [
      ['kk', /Ұйымдар|Мектеп/],
      ['en', /Organisations|Org units|School/],
      ['ru', /Организации|Школа/],
    ] as const) {
      await page.getByTestId(`lang-${lang}`).click();
      // The language's catalogs load on demand first, so the switch lands a moment after the click.
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
      await expect(page.locator('body').textContent()).resolves.toMatch(word);
      await screenshot(page, `org-units-${lang}`);
    }

    // A deep link reloads into the same page (the server answers client routes with the single page).
    await page.reload();
    await page.getByTestId('nav-orgUnits').waitFor();
    expect(page.url()).toMatch(/org-units/);

    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-form').waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
  });

  it('works on a 360 px phone: the menu opens from the burger', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'kk-KZ' });
    await signIn(page, app.url, 'coord@e2e.kz', PASSWORD);
    await page.getByTestId('nav-burger').click();
    await page.getByTestId('nav-children').waitFor({ state: 'visible' });
    // A coordinator does not manage org units or users.
    await expect(page.getByTestId('nav-users').count()).resolves.toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-menu');
  });
});
