// `npm run build`: the web app (Vite → web/dist) and the server (esbuild → dist/server/main.js and cli.js), so
// that a production install runs plain JavaScript with `npm ci --omit=dev`. `npm start` (scripts/start.js) calls
// the same functions and rebuilds only what is older than its sources.
//
//   node scripts/build.js [--out DIR] [--only web|server]
//
// --out writes both outputs under DIR (DIR/web/dist, DIR/dist/server) instead of the checkout: the production
// install test builds into a fresh folder this way.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** What each output is built from: when any of these is newer than the output, it is rebuilt. */
const WEB_INPUTS = ['web/src', 'web/index.html', 'web/vite.config.ts', 'domain/src', 'i18n', 'package.json'];
const SERVER_INPUTS = ['server/src', 'domain/src', 'i18n', 'package.json', 'scripts/build.js'];

/** Entry points of the server bundle; a worker-thread file (`*.worker.ts`) is an entry of its own. */
function serverEntries() {
  const entries = { main: 'server/src/main.ts', cli: 'server/src/cli/main.ts' };
  const walk = (dir) => {
    for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.worker.ts')) entries[e.name.slice(0, -'.ts'.length)] = p;
    }
  };
  walk('server/src');
  return entries;
}

export function webOutput(out = root) {
  return join(out, 'web/dist/index.html');
}
export function serverOutput(out = root) {
  return join(out, 'dist/server/main.js');
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const e of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, e)));
  return newest;
}

/** Whether sources exist here (a checkout) and are newer than the built file, or the built file is missing. */
export function isStale(output, inputs) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return inputs.some((i) => newestMtime(join(root, i)) > built);
}
export const webIsStale = (out) => isStale(webOutput(out), WEB_INPUTS);
export const serverIsStale = (out) => isStale(serverOutput(out), SERVER_INPUTS);

export async function buildWeb(out = root) {
  const { build } = await import('vite');
  await build({
    configFile: join(root, 'web/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: join(out, 'web/dist'), emptyOutDir: true },
  });
}

/**
 * Bundles the server's TypeScript (with domain/ and the catalogs it imports) into ES modules for Node 20. Packages
 * stay external and are loaded from node_modules; each one the bundle needs must be a runtime dependency, or a
 * production install would fail at start — the build refuses that here rather than at an operator's first start.
 */
export async function buildServer(out = root) {
  const esbuild = await import('esbuild');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: serverEntries(),
    outdir: join(out, 'dist/server'),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    chunkNames: 'chunks/[name]-[hash]',
  });
  const builtins = new Set(builtinModules);
  const external = new Set();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const imp of output.imports) {
      if (!imp.external || imp.path.startsWith('node:') || builtins.has(imp.path)) continue;
      const parts = imp.path.split('/');
      external.add(imp.path.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
    }
  }
  const missing = [...external].filter((name) => !pkg.dependencies?.[name]).sort();
  if (missing.length > 0) {
    throw new Error(
      `The server imports packages that are not runtime dependencies in package.json: ${missing.join(', ')}. ` +
        'Move them from devDependencies to dependencies (a production install omits dev dependencies).',
    );
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  const out = at >= 0 ? resolve(args[at + 1]) : root;
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? args[onlyAt + 1] : null;
  try {
    if (only !== 'server') await buildWeb(out);
    if (only !== 'web') await buildServer(out);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
