import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../cli-error.ts';
import { cliLang, openCli } from '../cli-context.ts';
import { printLine, type CliIo } from '../cli-io.ts';
import { translate } from '../../i18n/translator.ts';
import { ImportFileError, readFileWithin } from '../../features/import/import.parser.ts';
import { formatImportReport, importMessage, toImportReportDto } from '../../features/import/import.report.ts';
import type { ImportFileInput, ImportProgress } from '../../features/import/import.service.ts';

interface ImportOpts {
  org?: string;
  campaign?: string;
  dryRun?: boolean;
  skipInvalid?: boolean;
}

// Progress of a large sheet on stderr (stdout stays the report): rewritten in place on a terminal, a line at a
// time otherwise, at most twice a second.
const PROGRESS_FROM_ROWS = 1000;

function progressPrinter(io: CliIo, lang: ReturnType<typeof cliLang>) {
  let last = 0;
  return (p: ImportProgress) => {
    if (p.total < PROGRESS_FROM_ROWS) return;
    const now = Date.now();
    const final = p.done === p.total;
    if (!final && now - last < 500) return;
    last = now;
    const text = translate(lang, 'import:report.progress', {
      place: translate(lang, 'import:file.place', { file: p.file, sheet: p.sheet ?? '_' }),
      phase: p.phase,
      done: p.done,
      total: p.total,
    });
    if (io.stderr.isTTY) io.stderr.write(`\r${text}\u001b[K${final ? '\n' : ''}`);
    else io.stderr.write(`${text}\n`);
  };
}

export function registerImport(program: Command, io: CliIo) {
  program
    .command('import')
    .description('import org units, sponsors, children, campaigns, fv or aid from CSV/XLSX templates')
    .argument('<files...>', 'CSV or XLSX files (the kind is recognised from the header row)')
    .option('--org <code>', 'org unit for rows without their own unit')
    .option('--campaign <year>', 'campaign year')
    .option('--dry-run', 'check and report only, write nothing')
    .option('--skip-invalid', 'write the valid rows of a file that has refused rows (all are still reported)')
    .action(async (paths: string[], opts: ImportOpts) => {
      const lang = cliLang(io.env);
      if (opts.campaign !== undefined && !/^\d{4}$/.test(opts.campaign)) {
        throw new CliError(`--campaign: ${translate(lang, 'import:cell.year', { value: opts.campaign })}`, 2);
      }
      for (const path of paths) {
        if (!existsSync(path)) throw new CliError(translate(lang, 'import:file.notFound', { file: path }), 2);
      }
      const cli = await openCli(io);
      try {
        if (opts.org) {
          await cli.services.orgUnits.get(cli.ctx, opts.org).catch(() => {
            throw new CliError(
              translate(lang, 'errors:orgUnits.parentNotFound', { code: opts.org ?? '' }),
              1,
            );
          });
        }
        const files: ImportFileInput[] = [];
        const unreadable: string[] = [];
        for (const path of paths) {
          try {
            files.push({
              name: basename(path),
              data: await readFileWithin(path, cli.services.import.maxBytes, basename(path)),
            });
          } catch (error) {
            // Too large to read: reported like any other refused file, the others are still imported.
            if (!(error instanceof ImportFileError)) throw error;
            unreadable.push(importMessage(lang, error.msg));
          }
        }
        const run = {
          orgCode: opts.org,
          campaignYear: opts.campaign === undefined ? undefined : Number(opts.campaign),
          skipInvalid: Boolean(opts.skipInvalid),
          lang,
          onProgress: progressPrinter(io, lang),
        };
        const report = opts.dryRun
          ? await cli.services.import.preview(cli.ctx, files, run)
          : await cli.services.import.apply(cli.ctx, files, run);
        const text = formatImportReport(toImportReportDto(report, lang), lang, {
          skipInvalid: run.skipInvalid,
        });
        const needsOrg = report.files.some((f) =>
          f.sheets.some((s) => s.error?.key === 'import:file.needsOrg'),
        );
        if (needsOrg) throw new CliError(text, 2);
        for (const line of unreadable) printLine(io, line);
        if (text) printLine(io, text);
        if (!report.ok || unreadable.length > 0)
          throw new CliError(translate(lang, 'import:report.failed'), 1);
      } finally {
        await cli.database.close();
      }
    });
}
