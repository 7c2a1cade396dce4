// `npm test`: the whole suite. Domain and web unit tests, the server suite on SQLite, the server suite again on
// PostgreSQL when TEST_DATABASE_URL is set, then the browser tests in Debian's Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function run(label, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync('npx', ['vitest', 'run', ...args], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) {
    console.error(`\n${label}: FAILED`);
    process.exit(r.status ?? 1);
  }
}

const extra = process.argv.slice(2);
run('domain and web unit tests', ['--project', 'domain', '--project', 'web', ...extra]);
run('server on SQLite', ['--project', 'server', ...extra], { TEST_ENGINE: 'sqlite' });
if (process.env.TEST_DATABASE_URL) {
  run('server on PostgreSQL', ['--project', 'server', ...extra], { TEST_ENGINE: 'postgres' });
} else {
  console.log('\nTEST_DATABASE_URL is not set: the PostgreSQL half of the server suite is skipped.');
}
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(chromium)) {
  run('browser tests', ['--project', 'e2e', ...extra]);
} else if (process.env.CI) {
  console.error(`\nBrowser tests need Chromium at ${chromium} (apt-get install chromium).`);
  process.exit(1);
} else {
  console.log(`\nNo Chromium at ${chromium}: browser tests skipped (apt-get install chromium to run them).`);
}
