import type { Lang } from '#domain/lang';
import { formatNumber } from '#domain/money';
import type { Message } from '../../http/app-error.ts';
import { translate } from '../../i18n/translator.ts';
import type { ImportReportDto } from './import.schema.ts';
import type { ImportReport, ImportRowIssue } from './import.service.ts';

// The engine's report holds catalog messages; here it becomes text in the caller's language, once for both the
// HTTP answer and the CLI printout.

export function importMessage(lang: Lang, msg: Message): string {
  const params: Record<string, string | number> = { ...msg.params };
  if (typeof params.kind === 'string') params.kind = translate(lang, `import:kinds.${params.kind}`);
  // Counts are shown grouped the project's way (ICU's own grouping would need Kazakh locale data); a plural
  // keeps the raw number as its selector.
  if (typeof params.max === 'number') params.maxText = formatNumber(params.max, lang);
  if (typeof params.length === 'number') params.length = formatNumber(params.length, lang);
  if (typeof params.file === 'string' && 'sheet' in params) {
    params.place = translate(lang, 'import:file.place', { file: params.file, sheet: params.sheet });
  }
  return translate(lang, msg.key, params);
}

export function toImportReportDto(report: ImportReport, lang: Lang): ImportReportDto {
  const issue = (i: ImportRowIssue) => ({
    row: i.row,
    field: i.field,
    column: i.column,
    value: i.value,
    child: i.child
      ? i.child.iin
        ? translate(lang, 'import:report.child', { name: i.child.name, iin: i.child.iin })
        : i.child.name
      : null,
    message: importMessage(lang, i.message),
  });
  return {
    dryRun: report.dryRun,
    ok: report.ok,
    files: report.files.map((f) => ({
      file: f.file,
      error: f.error ? importMessage(lang, f.error) : null,
      warnings: f.warnings.map((w) => importMessage(lang, w)),
      sheets: f.sheets.map((s) => ({
        sheet: s.sheet,
        kind: s.kind,
        kindName: s.kind ? translate(lang, `import:kinds.${s.kind}`) : null,
        rows: s.rows,
        valid: s.valid,
        refused: s.refused,
        error: s.error ? importMessage(lang, s.error) : null,
        errors: s.errors.map(issue),
        warnings: s.warnings.map(issue),
        applied: s.applied,
        result: s.result,
      })),
    })),
  };
}

/** The row-by-row report the CLI prints: every refused row with its column and reason, then what was written. */
export function formatImportReport(
  report: ImportReportDto,
  lang: Lang,
  opts: { skipInvalid: boolean },
): string {
  const t = (key: string, params?: Record<string, string | number>) => translate(lang, key, params);
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.error) {
      lines.push(file.error);
      continue;
    }
    for (const warning of file.warnings) lines.push(`  ${t('import:report.warning')}: ${warning}`);
    for (const sheet of file.sheets) {
      if (sheet.error) {
        lines.push(sheet.error);
        continue;
      }
      const place = t('import:file.place', { file: file.file, sheet: sheet.sheet ?? '_' });
      lines.push(
        t('import:report.sheet', {
          place,
          kind: sheet.kindName ?? '',
          rows: sheet.rows,
          refused: sheet.refused,
        }),
      );
      // «строка 5, Сумма «сорок тысяч» (Иванов Иван, ИИН 090914602229): …» — enough to find and fix the cell.
      const where = (i: ImportReportDto['files'][number]['sheets'][number]['errors'][number]) =>
        `${t('import:report.row', { row: i.row })}${i.column ? `, ${i.column}` : ''}` +
        `${i.value !== null ? ` «${i.value}»` : ''}${i.child ? ` (${i.child})` : ''}`;
      for (const e of sheet.errors) lines.push(`  ${where(e)}: ${e.message}`);
      for (const w of sheet.warnings)
        lines.push(`  ${t('import:report.warning')} (${where(w)}): ${w.message}`);
      if (sheet.refused > 0 && !opts.skipInvalid) {
        lines.push(`  ${t('import:report.refusedNothingImported')}`);
      } else if (sheet.result) {
        if (report.dryRun) {
          lines.push(`  ${t('import:report.dryRun', { valid: sheet.valid })}`);
          lines.push(`  ${t('import:report.wouldApply', { ...sheet.result })}`);
        } else {
          lines.push(`  ${t('import:report.applied', { ...sheet.result })}`);
        }
        if (sheet.result.skipped > 0)
          lines.push(`  ${t('import:report.skipped', { skipped: sheet.result.skipped })}`);
      }
    }
  }
  return lines.join('\n');
}
