// `npm test`: the whole suite. Domain and web unit tests, the server suite on SQLite, the server suite again on
// PostgreSQL when TEST_DATABASE_URL is set, then the browser tests in Debian's Chromium, then the deployment tests
// (a production install in a fresh folder, several server processes on one PostgreSQL, a streaming replica).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

// Every run also writes vitest's JSON summary, so that the end can say in one line how many tests ran.
const totals = { passed: 0, failed: 0, skipped: 0 };
mkdirSync('test-output', { recursive: true });

function run(label, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const summary = `test-output/${label.replace(/\W+/g, '-')}.json`;
  rmSync(summary, { force: true });
  const r = spawnSync(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${summary}`, ...args],
    {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    },
  );
  if (existsSync(summary)) {
    const json = JSON.parse(readFileSync(summary, 'utf8'));
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
    totals.skipped += json.numPendingTests + json.numTodoTests;
  }
  if (r.status !== 0) {
    console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
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
run('deployment tests', ['--project', 'deploy', ...extra]);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
