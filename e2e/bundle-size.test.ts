import { join } from 'node:path';
// @ts-expect-error -- a plain-JavaScript script of the repository, without type declarations
import { BUDGETS, measure, overBudget } from '../scripts/bundle-size.js';
import { ensureWebBuilt } from './support/build-web.ts';

interface PageSize {
  page: string;
  brotli: number;
  gzip: number;
  budgetKb: number;
}

// The JavaScript each page makes a browser download, compressed, stays within its budget (scripts/bundle-size.js
// says how it is counted). A page that grows past it fails here rather than on an office PC on a slow line.
describe('the built web app', () => {
  it('keeps every page within its JavaScript budget', () => {
    ensureWebBuilt();
    const result = measure(join(import.meta.dirname, '../web/dist')) as { pages: PageSize[] };
    const signIn = result.pages.find((p) => p.page === 'auth/sign-in-page');
    expect(signIn?.budgetKb).toBe(BUDGETS.signIn);
    expect(result.pages.length).toBeGreaterThan(10);
    const over = (overBudget(result) as PageSize[]).map(
      (p) => `${p.page}: ${Math.round(p.brotli / 1024)} KB`,
    );
    expect(over).toEqual([]);
  });
});
