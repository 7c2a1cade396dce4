import type { Command } from 'commander';
import { translate } from '../../i18n/translator.ts';
import { openCli } from '../cli-context.ts';
import { printLine, readStdin, type CliIo } from '../cli-io.ts';
import { newSecret } from '../../features/auth/secrets.ts';
import { loadDemo } from '../../features/demo/demo.service.ts';

export function registerDemo(program: Command, io: CliIo) {
  program
    .command('demo')
    .description(
      'load a realistic demo dataset (a region, a city, a district, schools, users) into an empty database',
    )
    .option(
      '--password-stdin',
      "read the demo users' password from standard input (otherwise one is generated)",
    )
    .action(async (opts: { passwordStdin?: boolean }) => {
      const cli = await openCli(io);
      try {
        const password = opts.passwordStdin ? (await readStdin(io)).trim() : newSecret(12);
        const { users, schools } = await loadDemo(cli.services, cli.ctx, password);
        printLine(
          io,
          translate(cli.lang, 'cli:demo.loaded', { schools: schools.length, users: users.length }),
        );
        for (const u of users) printLine(io, `  ${u.email.padEnd(36)} ${u.role.padEnd(12)} ${u.orgCode}`);
        if (!opts.passwordStdin) printLine(io, translate(cli.lang, 'cli:demo.password', { password }));
      } finally {
        await cli.database.close();
      }
    });
}
