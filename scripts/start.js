// `npm start`: build the web app if it is missing or older than its sources, then run the server
// (which migrates the database before it listens).
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'web/dist/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const sourcesNewest = Math.max(newestMtime(join(root, 'web/src')), newestMtime(join(root, 'i18n')));
if (!existsSync(built) || statSync(built).mtimeMs < sourcesNewest) {
  console.log('Building the web app…');
  const r = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const r = spawnSync('npx', ['tsx', 'server/src/main.ts'], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 0);
