#!/usr/bin/env node
// The operator's CLI. A production install runs the built JavaScript (dist/server/cli.js, from `npm run build`);
// a checkout with dev dependencies runs the TypeScript sources through tsx, so a change is never run stale.
import { existsSync } from 'node:fs';

const source = new URL('../server/src/cli/main.ts', import.meta.url);
const built = new URL('../dist/server/cli.js', import.meta.url);

let tsx = null;
if (existsSync(source)) {
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    // No dev dependencies: fall through to the built CLI.
  }
}
if (tsx) {
  tsx.register();
  await import(source.href);
} else if (existsSync(built)) {
  await import(built.href);
} else {
  console.error(
    'The CLI is not built (dist/server/cli.js): run npm run build, or npm ci with dev dependencies.',
  );
  process.exit(1);
}
