import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { openCli } from '../cli-context.ts';
import { printLine, type CliIo } from '../cli-io.ts';
import { UsersRepository } from '../../features/users/users.repository.ts';

export function registerToken(program: Command, io: CliIo) {
  program
    .command('token')
    .description('API tokens for programs')
    .command('create')
    .description('print a new API token acting with the rights of the user')
    .requiredOption('--email <email>')
    .option('--name <name>', 'what the token is for', 'cli')
    .action(async (opts: { email: string; name: string }) => {
      const cli = await openCli(io);
      try {
        const row = await new UsersRepository(cli.database.db).findByEmailForSignIn(opts.email);
        if (!row) throw new CliError(`No user with email ${opts.email}.`, 1);
        const { token } = await cli.services.auth.createToken(cli.ctx.viewer, row.id, opts.name, null);
        // Only the token goes to stdout, so that scripts can capture it.
        printLine(io, token);
      } finally {
        await cli.database.close();
      }
    });
}
