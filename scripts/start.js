// `npm start`: run the built server (dist/server/main.js), which migrates the database before it listens.
// In a checkout with dev dependencies, first rebuild what is missing or older than its sources (web/, server/,
// domain/, i18n/). A production install (`npm ci --omit=dev`) has no build tools and runs what was built.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { buildServer, buildWeb, serverIsStale, serverOutput, webIsStale, webOutput } from './build.js';

function canBuild() {
  try {
    import.meta.resolve('vite');
    import.meta.resolve('esbuild');
    return true;
  } catch {
    return false;
  }
}

if (canBuild()) {
  if (webIsStale()) {
    console.log('Building the web app…');
    await buildWeb();
  }
  if (serverIsStale()) {
    console.log('Building the server…');
    await buildServer();
  }
} else {
  for (const built of [serverOutput(), webOutput()]) {
    if (existsSync(built)) continue;
    console.error(
      `${built} is missing and the build tools are not installed here. Build first where dev dependencies are ` +
        'installed (npm ci && npm run build), then copy the result, or run npm ci without --omit=dev.',
    );
    process.exit(1);
  }
}
await import(pathToFileURL(serverOutput()).href);
