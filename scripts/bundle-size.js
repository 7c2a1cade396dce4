// `npm run bundle-size`: how much JavaScript each page of the built web app (web/dist) makes a browser download,
// compressed as the server sends it, against the budgets for an office PC on a slow line. Exit code 1 when a page
// is over its budget; e2e/bundle-size.test.ts runs the same check in CI.
//
//   node scripts/bundle-size.js [--dist DIR] [--json]
//
// A page's JavaScript is the entry chunk, the signed-in shell (for pages behind sign-in), the page's own chunk,
// everything those import statically, what the page itself loads later (its dynamic imports, e.g. the dashboard's
// charts), and the catalog files it loads (the sign-in page: `ui`; signed-in pages: all) of the largest language.
// Sizes are of the .br and .gz twins the build writes. Budgets hold for brotli; gzip is what a browser gets from
// a school's server on plain HTTP (browsers ask for brotli only over HTTPS), about 15 % more.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * Compressed-size budgets in KB (1 KB = 1024 bytes) of brotli, what a browser gets over HTTPS. `goal` is what an
 * office PC on a slow line needs; `page` is the ceiling CI holds today, lowered as pages are trimmed towards it.
 */
export const BUDGETS = { signIn: 150, page: 280, goal: { signIn: 150, page: 250 } };

const SHELL = 'src/features/auth/require-auth.tsx';
const ADMIN_GATE = 'src/features/auth/require-role.tsx';
/** A catalog file (i18n/<lang>/<namespace>.json) as the manifest names it. */
const CATALOG = /^\.\.\/i18n\/(kk|ru|en)\/([a-z]+)\.json$/;
const SIGN_IN = 'src/features/auth/sign-in-page.tsx';
/** Pages reached without signing in, with the catalog namespaces they load (the signed-in shell loads all). */
const PUBLIC = new Map([
  [SIGN_IN, ['ui']],
  ['src/features/setup/setup-page.tsx', ['ui']],
  ['src/features/reports/public-campaign-page.tsx', ['ui', 'reports']],
]);
const ADMIN = new Set(['src/features/org-units/org-units-page.tsx', 'src/features/users/users-page.tsx']);

function fileSizes(dist, file) {
  const path = join(dist, file);
  const raw = readFileSync(path);
  const twin = (ext, make) =>
    existsSync(`${path}.${ext}`) ? readFileSync(`${path}.${ext}`).length : make(raw).length;
  return { raw: raw.length, gzip: twin('gz', gzipSync), brotli: twin('br', brotliCompressSync) };
}

/** The JavaScript files a module needs before it runs: itself and its static imports, transitively. */
function staticClosure(manifest, key, into = new Set()) {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  if (chunk.file.endsWith('.js')) into.add(chunk.file);
  for (const imp of chunk.imports ?? []) staticClosure(manifest, imp, into);
  return into;
}

/** Measures every page of the build at DIST. */
export function measure(dist = join(root, 'web/dist')) {
  const manifestPath = join(dist, '.vite/manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(`${manifestPath} is missing: build the web app first (npm run build:web)`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
  const entry = manifest[entryKey];
  const sum = (files) => {
    const total = { raw: 0, gzip: 0, brotli: 0 };
    for (const f of files) {
      const s = fileSizes(dist, f);
      total.raw += s.raw;
      total.gzip += s.gzip;
      total.brotli += s.brotli;
    }
    return total;
  };
  /** The catalog files a page loads, for the language whose files are largest. */
  const catalogFiles = (namespaces) => {
    const byLang = new Map();
    for (const key of Object.keys(manifest)) {
      const m = CATALOG.exec(key);
      if (!m || !(namespaces === 'all' || namespaces.includes(m[2]))) continue;
      if (!byLang.has(m[1])) byLang.set(m[1], new Set());
      staticClosure(manifest, key, byLang.get(m[1]));
    }
    return (
      [...byLang.entries()]
        .map(([lang, files]) => ({ lang, files }))
        .sort((a, b) => sum(b.files).gzip - sum(a.files).gzip)[0] ?? { lang: null, files: new Set() }
    );
  };
  const routes = (entry.dynamicImports ?? []).filter(
    (k) => !CATALOG.test(k) && k !== SHELL && k !== ADMIN_GATE,
  );
  const pages = routes.map((key) => {
    const files = staticClosure(manifest, entryKey);
    if (!PUBLIC.has(key)) staticClosure(manifest, SHELL, files);
    if (ADMIN.has(key)) staticClosure(manifest, ADMIN_GATE, files);
    staticClosure(manifest, key, files);
    for (const later of manifest[key].dynamicImports ?? []) staticClosure(manifest, later, files);
    const catalog = catalogFiles(PUBLIC.get(key) ?? 'all');
    for (const f of catalog.files) files.add(f);
    const name = key.replace(/^src\/features\//, '').replace(/\.tsx?$/, '');
    const budget = key === SIGN_IN ? BUDGETS.signIn : BUDGETS.page;
    return { page: name, files: files.size, ...sum(files), budgetKb: budget, catalogs: catalog.lang };
  });
  const css = sum((entry.css ?? []).concat(...routes.map((k) => manifest[k].css ?? [])));
  return { pages, css };
}

const kb = (n) => (n / 1024).toFixed(1);

export function overBudget(result) {
  return result.pages.filter((p) => p.brotli > p.budgetKb * 1024);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--dist');
  const result = measure(at >= 0 ? resolve(args[at + 1]) : undefined);
  if (args.includes('--json')) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    const rows = [['page', 'files', 'raw KB', 'gzip KB', 'brotli KB', 'budget KB', '']];
    for (const p of result.pages) {
      const ok = p.brotli <= p.budgetKb * 1024 ? 'ok' : 'OVER';
      rows.push([p.page, String(p.files), kb(p.raw), kb(p.gzip), kb(p.brotli), String(p.budgetKb), ok]);
    }
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    for (const r of rows)
      console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
    console.log(
      '\nJavaScript per page, with the catalogs it loads in the language whose catalogs are largest.',
    );
    console.log(
      `CSS (all pages, one file): ${kb(result.css.raw)} KB raw, ${kb(result.css.gzip)} KB gzip, ${kb(result.css.brotli)} KB brotli.`,
    );
  }
  const over = overBudget(result);
  if (over.length > 0) {
    console.error(
      `Over budget: ${over.map((p) => `${p.page} ${kb(p.brotli)} KB > ${p.budgetKb} KB`).join(', ')}`,
    );
    process.exit(1);
  }
}
