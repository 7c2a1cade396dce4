import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

function newest(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    n = Math.max(n, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return n;
}

/** Browser tests run against the production build; rebuild it when the sources are newer. */
export function ensureWebBuilt() {
  const index = join(root, 'web/dist/index.html');
  const sources = Math.max(
    newest(join(root, 'web/src')),
    newest(join(root, 'i18n')),
    newest(join(root, 'domain/src')),
  );
  // The manifest is new with the per-page budget check (scripts/bundle-size.js): an older build lacks it.
  const manifest = join(root, 'web/dist/.vite/manifest.json');
  if (existsSync(index) && existsSync(manifest) && statSync(index).mtimeMs >= sources) return;
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build: ship what users get.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
