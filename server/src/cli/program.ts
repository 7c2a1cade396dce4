import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config.ts';
import { cliErrorOf } from './format-error.ts';
import { cliLang } from './cli-context.ts';
import { printError, type CliIo } from './cli-io.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerUser } from './commands/user.ts';
import { registerToken } from './commands/token.ts';
import { registerDemo } from './commands/demo.ts';
import { registerImport } from './commands/import.ts';
import { registerBackup } from './commands/backup.ts';
import { registerBench } from './commands/bench.ts';
import { registerReport } from './commands/report.ts';

/** Every `mektep` command, reading and writing through `io`. A new command adds one line here. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('mektep')
    .description('Mektepke Jol operator commands (same DATABASE_URL as the server)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .showHelpAfterError();
  registerMigrate(program, io);
  registerUser(program, io);
  registerToken(program, io);
  registerDemo(program, io);
  registerImport(program, io);
  registerBackup(program, io);
  registerBench(program, io);
  registerReport(program, io);
  return program;
}

/**
 * Runs one command line (without `node mektep`) and answers its exit code (interfaces.md): 0 on success,
 * 1 on refused input, 2 on usage errors.
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  try {
    await buildProgram(io).parseAsync([...args], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.exitCode === 0
        ? 0
        : 2;
    }
    if (error instanceof ConfigError) {
      printError(io, error.message);
      return 1;
    }
    const refused = cliErrorOf(error, cliLang(io.env));
    if (refused) {
      printError(io, refused.message);
      return refused.exitCode;
    }
    printError(io, error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 1;
  }
}
