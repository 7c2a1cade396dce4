import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { openCli } from '../cli-context.ts';
import { printLine, readStdin, type CliIo } from '../cli-io.ts';
import { UserCreate } from '../../features/users/users.schema.ts';
import { NewPassword } from '../../features/auth/auth.schema.ts';
import { newSecret } from '../../features/auth/secrets.ts';
import { UsersRepository } from '../../features/users/users.repository.ts';

async function passwordFrom(io: CliIo, stdin: boolean): Promise<{ password: string; generated: boolean }> {
  if (!stdin) return { password: newSecret(12), generated: true };
  const password = (await readStdin(io)).replace(/\r?\n$/, '');
  return { password, generated: false };
}

export function registerUser(program: Command, io: CliIo) {
  const user = program.command('user').description('manage users');
  user
    .command('add')
    .description('create a user (prints a generated password unless --password-stdin)')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .requiredOption('--role <role>', 'admin | officer | coordinator | teacher | director')
    .option('--org <code>', 'org unit code (default: the root of the tree)')
    .option('--classes <list>', 'classes of a teacher, comma-separated (5А,5Б)')
    .option('--password-stdin', 'read the password from standard input')
    .action(
      async (opts: {
        email: string;
        name: string;
        role: string;
        org?: string;
        classes?: string;
        passwordStdin?: boolean;
      }) => {
        const cli = await openCli(io);
        try {
          const { password, generated } = await passwordFrom(io, Boolean(opts.passwordStdin));
          const orgCode = opts.org ?? (await cli.services.setup.ensureRoot()).code;
          const input = UserCreate.parse({
            email: opts.email,
            name: opts.name,
            role: opts.role,
            orgCode,
            password,
            classes: opts.classes
              ?.split(',')
              .map((c) => c.trim())
              .filter(Boolean),
          });
          const created = await cli.services.users.create(cli.ctx, input);
          printLine(io, `User ${created.email} (${created.role}, ${created.orgUnitCode}) created.`);
          if (generated) printLine(io, `Password: ${password}`);
        } finally {
          await cli.database.close();
        }
      },
    );
  user
    .command('password')
    .description('set a new password for a user (prints a generated one unless --password-stdin)')
    .requiredOption('--email <email>')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (opts: { email: string; passwordStdin?: boolean }) => {
      const cli = await openCli(io);
      try {
        const { password, generated } = await passwordFrom(io, Boolean(opts.passwordStdin));
        NewPassword.parse(password);
        const row = await new UsersRepository(cli.database.db).findByEmailForSignIn(opts.email);
        if (!row) throw new CliError(`No user with email ${opts.email}.`, 1);
        await cli.services.users.update(cli.ctx, row.id, { version: row.version, password });
        printLine(io, `Password of ${row.email} changed.`);
        if (generated) printLine(io, `Password: ${password}`);
      } finally {
        await cli.database.close();
      }
    });
}
