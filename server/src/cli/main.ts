import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config.ts';
import { cliErrorOf } from './format-error.ts';
import { cliLang } from './cli-context.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerUser } from './commands/user.ts';
import { registerToken } from './commands/token.ts';
import { registerDemo } from './commands/demo.ts';
import { registerImport } from './commands/import.ts';
import { registerBackup } from './commands/backup.ts';
import { registerBench } from './commands/bench.ts';
import { registerReport } from './commands/report.ts';

// `npx mektep <command>`: exit 0 on success, 1 on refused input, 2 on usage errors (interfaces.md).
const program = new Command('mektep')
  .description('Mektepke Jol operator commands (same DATABASE_URL as the server)')
  .exitOverride()
  .showHelpAfterError();

registerMigrate(program);
registerUser(program);
registerToken(program);
registerDemo(program);
registerImport(program);
registerBackup(program);
registerBench(program);
registerReport(program);

try {
  await program.parseAsync(process.argv);
  process.exit(0);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exit(
      error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.exitCode === 0
        ? 0
        : 2,
    );
  }
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  const refused = cliErrorOf(error, cliLang());
  if (refused) {
    console.error(refused.message);
    process.exit(refused.exitCode);
  }
  console.error(error);
  process.exit(1);
}
