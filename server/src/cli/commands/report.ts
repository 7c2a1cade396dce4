import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { isLang, LANGS } from '#domain/lang';
import { CliError } from '../cli-error.ts';
import { openCli, cliLang } from '../cli-context.ts';
import { printError, writeAll, type CliIo } from '../cli-io.ts';
import { translate } from '../../i18n/translator.ts';
import { REPORT_FORMATS } from '../../features/reports/reports.schema.ts';

interface ReportOptions {
  org: string;
  campaign: string;
  lang?: string;
  format: string;
  out?: string;
}

export function registerReport(program: Command, io: CliIo) {
  program
    .command('report')
    .description('the campaign report of an org unit (a school, or a unit above: rolled up)')
    .requiredOption('--org <code>', 'org unit code')
    .requiredOption('--campaign <year>', 'campaign year')
    .option('--lang <lang>', 'kk, ru or en (default: the operator language)')
    .option('--format <format>', REPORT_FORMATS.join(', '), 'json')
    .option('--out <file>', 'write to this file (json and md go to stdout without it)')
    .action(async (opts: ReportOptions) => {
      const lang = opts.lang ?? cliLang(io.env);
      // Wrong options are usage errors (exit 2); a unit or campaign that is not there is refused input (exit 1).
      if (!isLang(lang)) {
        throw new CliError(
          translate(cliLang(io.env), 'reports:errors.lang', { supported: LANGS.join(', ') }),
          2,
        );
      }
      if (!(REPORT_FORMATS as readonly string[]).includes(opts.format)) {
        throw new CliError(
          translate(cliLang(io.env), 'reports:errors.format', { supported: REPORT_FORMATS.join(', ') }),
          2,
        );
      }
      const year = Number(opts.campaign);
      if (!/^\d{4}$/.test(opts.campaign) || !Number.isInteger(year)) {
        throw new CliError(translate(cliLang(io.env), 'errors:invalidInput'), 2);
      }
      const cli = await openCli(io);
      try {
        const out = await cli.services.reports.report(cli.ctx, {
          org: opts.org,
          campaign: year,
          lang,
          format: opts.format,
        });
        const body = out.kind === 'json' ? `${JSON.stringify(out.body, null, 2)}\n` : out.body;
        const file = opts.out ?? (out.kind === 'file' && opts.format !== 'md' ? out.fileName : undefined);
        if (file) {
          await writeFile(file, body);
          printError(io, file);
        } else {
          // Wait for the pipe: main() exits right after the command returns.
          await writeAll(io.stdout, body);
        }
      } finally {
        await cli.database.close();
      }
    });
}
