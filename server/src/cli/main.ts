import { processIo } from './cli-io.ts';
import { runCli } from './program.ts';

// `npx mektep <command>`. Exits explicitly: a command may leave a pool or timer behind that would keep Node up.
process.exit(await runCli(process.argv.slice(2), processIo()));
