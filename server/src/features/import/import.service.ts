import type { Kysely } from 'kysely';
import type { Lang } from '#domain/lang';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/engine.ts';
import type { DB } from '../../db/schema.ts';
import { AppError, notFound, type Message } from '../../http/app-error.ts';
import type { RequestContext } from '../../http/request-context.ts';
import { translate } from '../../i18n/translator.ts';
import { policy } from '../../access/policy.ts';
import { AuditRepository } from '../audit/audit.repository.ts';
import { importRows } from '../system/metrics.ts';
import { columnLabel, recognizeSheet, type HeaderMatch } from './import.headers.ts';
import { iinCell } from './import-cells.ts';
import { ImportFileError, parseImportFile, tooLarge, type ParsedSheet } from './import.parser.ts';
import { templateCsv, templateXlsx } from './import.templates.ts';
import type {
  ApplyResult,
  ImportContext,
  ImportKind,
  ImportOptions,
  Importer,
  RowChild,
  RowIssue,
} from './importer.ts';
import { importers as registeredImporters } from './importers.ts';

export interface ImportFileInput {
  /** The name shown in messages (the uploaded file's name, or the path given to the CLI). */
  name: string;
  data: Buffer;
}

export interface ImportProgress {
  file: string;
  sheet: string | null;
  kind: ImportKind;
  phase: 'validate' | 'apply';
  done: number;
  total: number;
}

export interface ImportRunOptions extends ImportOptions {
  /** Write the valid rows of a file that also has refused rows (each refused row is still reported). */
  skipInvalid?: boolean;
  /** Language of column names and of lists inside messages. */
  lang: Lang;
  onProgress?: (progress: ImportProgress) => void;
}

/** A refused row (or a warning) as the user finds it in the file: row number, column header, message. */
export interface ImportRowIssue {
  row: number;
  field: string;
  /** The column's header in the user's language; null for a problem of the whole row. */
  column: string | null;
  /** The cell as written (shortened when long); null for a problem of the whole row. */
  value: string | null;
  /** The child the row is about, when known: «Surname Name, ИИН …» (the ИИН label in the user's language). */
  child: RowChild | null;
  message: Message;
}

export interface SheetReport {
  sheet: string | null;
  kind: ImportKind | null;
  /** Data rows (below the header). */
  rows: number;
  valid: number;
  refused: number;
  /** The sheet as a whole refused (unknown header, no rows, not allowed); its rows were not read. */
  error: Message | null;
  errors: ImportRowIssue[];
  warnings: ImportRowIssue[];
  /** Whether the valid rows were written (or, in a preview, would be). */
  applied: boolean;
  result: (ApplyResult & { skipped: number }) | null;
}

export interface FileReport {
  file: string;
  /** The file refused as a whole (not a spreadsheet, encoding, too large, …). */
  error: Message | null;
  warnings: Message[];
  sheets: SheetReport[];
}

export interface ImportReport {
  /** A preview (dry run) writes nothing; counts say what applying would do. */
  dryRun: boolean;
  /** Nothing was refused: no file, sheet or row error. */
  ok: boolean;
  files: FileReport[];
}

/** Order in which kinds are written when one run holds several: what a row refers to comes first. */
export const KIND_ORDER: readonly ImportKind[] = [
  'org-units',
  'campaigns',
  'sponsors',
  'children',
  'fv',
  'aid',
];
const MAX_ROWS = 100_000;

/** Rolls back the controlled transaction of a preview, after everything has been computed in it. */
class PreviewRollback extends Error {}

/**
 * The import engine: parses files, recognises each sheet's template, validates every row through the feature's
 * Importer, and writes a file all or nothing (or only its valid rows with `skipInvalid`) in one transaction.
 * A preview runs exactly the same steps and rolls back, so it says precisely what applying would do.
 */
export class ImportService {
  constructor(
    private readonly database: Database,
    private readonly config: Config,
    private readonly importers: readonly Importer[] = registeredImporters,
  ) {}

  get maxBytes(): number {
    return this.config.UPLOAD_MAX_MB * 1024 * 1024;
  }

  importerOf(kind: string): Importer | undefined {
    return this.importers.find((i) => i.kind === kind);
  }

  /** The kinds that can be imported, their template's columns in `lang`, and whether this viewer may import them. */
  kinds(ctx: RequestContext, lang: Lang) {
    return {
      maxMb: this.config.UPLOAD_MAX_MB,
      kinds: [...this.importers]
        .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind))
        .map((i) => ({
          kind: i.kind,
          name: translate(lang, `import:kinds.${i.kind}`),
          allowed: policy.anywhere(ctx.viewer, i.action),
          columns: i.columns.map((c) => ({ header: columnLabel(c, lang), required: c.required })),
        })),
    };
  }

  /** A blank template (`children.xlsx`, `sponsors.csv`, …) with headers in `lang` and an example row. */
  async template(ctx: RequestContext, file: string, lang: Lang) {
    const [kind = '', format] = file.split('.');
    const importer = this.importerOf(kind);
    if (!importer) throw notFound();
    const body = format === 'csv' ? templateCsv(importer, lang) : await templateXlsx(importer, lang);
    await new AuditRepository(this.database.db).write(ctx.viewer, ctx.ip, {
      action: 'import_template',
      entity: 'import',
      orgPath: ctx.viewer.orgPath,
      details: { file, lang },
    });
    const contentType =
      format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return { body, contentType };
  }

  /** What importing would do, writing nothing (one audit entry records that the preview was made). */
  preview(ctx: RequestContext, files: ImportFileInput[], opts: ImportRunOptions): Promise<ImportReport> {
    return this.run(ctx, files, opts, true);
  }

  /** Imports the files: each file all or nothing, or its valid rows only with `skipInvalid`. */
  apply(ctx: RequestContext, files: ImportFileInput[], opts: ImportRunOptions): Promise<ImportReport> {
    return this.run(ctx, files, opts, false);
  }

  private async run(
    ctx: RequestContext,
    files: ImportFileInput[],
    opts: ImportRunOptions,
    dryRun: boolean,
  ): Promise<ImportReport> {
    const parsed = await Promise.all(files.map((f) => this.parse(f, opts.lang)));
    const reports = parsed.map((p) => p.report);
    const trx = await this.database.db.startTransaction().execute();
    try {
      // A file of units goes before a file of children that names them, whatever order they were given in.
      const rank = (p: (typeof parsed)[number]) =>
        Math.min(KIND_ORDER.length, ...p.work.map((w) => KIND_ORDER.indexOf(w.match.importer.kind)));
      for (const { report, work } of [...parsed].sort((a, b) => rank(a) - rank(b))) {
        if (work.length === 0) continue;
        const savepoint = await trx.savepoint('import_file').execute();
        const fileOk = await this.runFile(ctx, savepoint, report, work, opts, dryRun);
        if (!fileOk) await savepoint.rollbackToSavepoint('import_file').execute();
        await savepoint.releaseSavepoint('import_file').execute();
      }
      if (dryRun) throw new PreviewRollback();
      await trx.commit().execute();
      for (const sheet of reports.flatMap((r) => r.sheets)) {
        if (sheet.applied && sheet.kind) importRows.inc({ kind: sheet.kind }, sheet.valid);
      }
    } catch (error) {
      await trx.rollback().execute();
      if (!(error instanceof PreviewRollback)) throw error;
    }
    const ok = reports.every(
      (f) => f.error === null && f.sheets.every((s) => s.error === null && s.refused === 0),
    );
    // Every run is on record, also a preview and an import that wrote nothing; what a run wrote has, in addition,
    // its own entry per sheet in the transaction that wrote it.
    await new AuditRepository(this.database.db).write(ctx.viewer, ctx.ip, {
      action: dryRun ? 'import_preview' : 'import_run',
      entity: 'import',
      orgPath: ctx.viewer.orgPath,
      details: {
        files: reports.map((r) => r.file),
        ok,
        options: { org: opts.orgCode, campaign: opts.campaignYear, skipInvalid: Boolean(opts.skipInvalid) },
      },
    });
    return { dryRun, ok, files: reports };
  }

  /** Reads a file into recognised sheets in the order they must be written; refusals land in the report. */
  private async parse(file: ImportFileInput, lang: Lang) {
    const report: FileReport = { file: file.name, error: null, warnings: [], sheets: [] };
    const work: { sheet: ParsedSheet; match: HeaderMatch; report: SheetReport }[] = [];
    try {
      if (file.data.length > this.maxBytes) throw tooLarge(file.name, this.maxBytes);
      const parsed = await parseImportFile(file.name, file.data);
      const nonEmpty = parsed.sheets.filter((s) => s.rows.length > 0);
      const recognised = nonEmpty.map((sheet) => ({
        sheet,
        recognition: recognizeSheet(sheet, this.importers),
      }));
      const anyRecognised = recognised.some((r) => r.recognition.ok);
      for (const { sheet, recognition } of recognised) {
        if (recognition.ok) {
          const sheetReport = emptySheet(sheet.sheet, recognition.match.importer.kind);
          report.sheets.push(sheetReport);
          work.push({ sheet, match: recognition.match, report: sheetReport });
        } else if (anyRecognised) {
          report.warnings.push({ key: 'import:file.sheetIgnored', params: { sheet: sheet.sheet ?? '' } });
        } else if (parsed.encoding === 'windows-1251') {
          // Text in another code page decoded as Windows-1251 reads as gibberish, so no header matches.
          throw new ImportFileError({ key: 'import:file.encoding', params: { file: file.name } });
        } else {
          const sheetReport = emptySheet(sheet.sheet, recognition.closest?.importer.kind ?? null);
          const place = { file: file.name, sheet: sheet.sheet ?? '_' };
          sheetReport.error = recognition.closest
            ? {
                key: 'import:file.missingColumns',
                params: {
                  ...place,
                  kind: recognition.closest.importer.kind,
                  columns: recognition.closest.missing.map((c) => columnLabel(c, lang)).join('; '),
                },
              }
            : {
                key: 'import:file.unknownHeader',
                params: { ...place, expected: this.expectedHeaders(lang) },
              };
          report.sheets.push(sheetReport);
        }
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      report.error = error.msg;
    }
    work.sort(
      (a, b) => KIND_ORDER.indexOf(a.match.importer.kind) - KIND_ORDER.indexOf(b.match.importer.kind),
    );
    return { report, work };
  }

  private expectedHeaders(lang: Lang): string {
    return this.importers
      .map(
        (i) =>
          `${translate(lang, `import:kinds.${i.kind}`)}: «${i.columns.map((c) => columnLabel(c, lang)).join('; ')}»`,
      )
      .join(', ');
  }

  /** Validates and writes the sheets of one file inside its savepoint; false when the file must be rolled back. */
  private async runFile(
    ctx: RequestContext,
    db: Kysely<DB>,
    file: FileReport,
    work: { sheet: ParsedSheet; match: HeaderMatch; report: SheetReport }[],
    opts: ImportRunOptions,
    dryRun: boolean,
  ): Promise<boolean> {
    let fileOk = true;
    for (const { sheet, match, report } of work) {
      const ic: ImportContext = {
        ctx,
        db,
        options: { orgCode: opts.orgCode, campaignYear: opts.campaignYear },
        lang: opts.lang,
        state: new Map(),
      };
      const place = { file: file.file, sheet: sheet.sheet ?? '_' };
      const { importer } = match;
      if (!policy.anywhere(ctx.viewer, importer.action)) {
        report.error = { key: 'import:file.forbiddenKind', params: { ...place, kind: importer.kind } };
        fileOk = false;
        continue;
      }
      if (importer.needsUnit && !opts.orgCode && !ctx.viewer.orgCode) {
        // The CLI runs as no unit's user: without --org there is nowhere to put the rows.
        report.error = { key: 'import:file.needsOrg', params: { ...place, kind: importer.kind } };
        fileOk = false;
        continue;
      }
      const valid = await this.validateSheet(file.file, sheet, match, report, ic, opts);
      if (report.error) {
        fileOk = false;
        continue;
      }
      if (report.refused > 0 && !opts.skipInvalid) {
        fileOk = false;
        continue;
      }
      if (!fileOk) continue;
      const progress = (done: number) =>
        opts.onProgress?.({
          file: file.file,
          sheet: sheet.sheet,
          kind: importer.kind,
          phase: 'apply',
          done,
          total: valid.length,
        });
      progress(0);
      let reported = 0;
      const step = Math.max(100, Math.ceil(valid.length / 100));
      ic.progress = (done) => {
        if (done - reported < step) return;
        reported = done;
        progress(done);
      };
      try {
        const result =
          valid.length > 0 ? await importer.apply(valid, ic) : { created: 0, updated: 0, unchanged: 0 };
        report.result = { ...result, skipped: report.refused };
        report.applied = true;
      } catch (error) {
        // A rule only the write could check (someone changed a record meanwhile): the file is refused as a whole.
        if (!(error instanceof AppError)) throw error;
        report.error = error.msg;
        fileOk = false;
        continue;
      }
      progress(valid.length);
      if (!dryRun) {
        await new AuditRepository(db).write(ctx.viewer, ctx.ip, {
          action: 'import',
          entity: importer.kind,
          orgPath: ctx.viewer.orgPath,
          details: { file: file.file, sheet: sheet.sheet, rows: report.rows, ...report.result },
        });
      }
    }
    if (!fileOk) {
      // Nothing of this file is written: sheets applied before the failure are rolled back with it.
      for (const { report } of work) {
        report.applied = false;
        report.result = null;
      }
    }
    return fileOk;
  }

  private async validateSheet(
    fileName: string,
    sheet: ParsedSheet,
    match: HeaderMatch,
    report: SheetReport,
    ic: ImportContext,
    opts: ImportRunOptions,
  ): Promise<unknown[]> {
    const { importer, headerRow, index } = match;
    const place = { file: fileName, sheet: sheet.sheet ?? '_' };
    const labels = new Map(importer.columns.map((c) => [c.key, columnLabel(c, opts.lang)]));
    for (const column of match.ignored) {
      report.warnings.push({
        row: headerRow,
        field: '_',
        column,
        value: null,
        child: null,
        message: { key: 'import:file.columnIgnored', params: { column } },
      });
    }
    for (const column of match.duplicates) {
      report.warnings.push({
        row: headerRow,
        field: '_',
        column,
        value: null,
        child: null,
        message: { key: 'import:file.columnTwice', params: { column } },
      });
    }
    const issue = (
      row: number,
      i: RowIssue,
      cells: Record<string, string> = {},
      child: RowChild | null = null,
    ): ImportRowIssue => ({
      row,
      field: i.field,
      column: i.field === '_' ? null : (labels.get(i.field) ?? i.field),
      value: i.field === '_' || !cells[i.field] ? null : shorten(cells[i.field]!),
      child,
      message: i.message,
    });
    const seen = new Map<number, { cells: Record<string, string>; child: RowChild | null }>();
    const rows = sheet.rows.filter((r) => r.row > headerRow);
    if (rows.length > MAX_ROWS) {
      report.error = { key: 'import:file.tooManyRows', params: { ...place, max: MAX_ROWS } };
      return [];
    }
    const total = rows.length;
    const step = Math.max(100, Math.ceil(total / 100));
    const progress = (done: number) =>
      opts.onProgress?.({
        file: fileName,
        sheet: sheet.sheet,
        kind: importer.kind,
        phase: 'validate',
        done,
        total,
      });
    progress(0);
    const valid: { row: number; value: unknown }[] = [];
    let counted = 0;
    for (const [n, r] of rows.entries()) {
      if (n > 0 && n % step === 0) progress(n);
      const cells: Record<string, string> = {};
      for (const column of importer.columns) {
        const at = index.get(column.key);
        cells[column.key] = at === undefined ? '' : (r.cells[at] ?? '').trim();
      }
      // A row with text only in columns outside the template (a total line, a signature) is not a data row.
      if (Object.values(cells).every((v) => v === '')) continue;
      counted++;
      const required: RowIssue[] = importer.columns
        .filter((c) => c.required && cells[c.key] === '')
        .map((c) => ({ field: c.key, message: { key: 'import:cell.required' } }));
      const written = { ...cells };
      for (const column of importer.columns.filter((c) => c.iin && cells[c.key] !== '')) {
        const read = iinCell(cells, column.key);
        if (!read.ok) required.push(read.issue);
        else {
          cells[column.key] = read.value;
          if (read.warning) report.warnings.push(issue(r.row, read.warning, written, childOf(cells)));
        }
      }
      const result = await importer.validate(cells, r.row, ic);
      const child = result.child ?? childOf(cells);
      const errors = [...required];
      if (!result.ok) errors.push(...result.errors.filter((e) => !required.some((q) => q.field === e.field)));
      for (const w of result.warnings ?? []) report.warnings.push(issue(r.row, w, written, child));
      if (errors.length > 0) {
        report.refused++;
        for (const e of errors) report.errors.push(issue(r.row, e, written, child));
      } else if (result.ok) {
        seen.set(r.row, { cells: written, child });
        valid.push({ row: r.row, value: result.value });
      }
    }
    // What rows decide together (a fund shared by many rows) is settled once all are read, in the importer's
    // own order, so a refused row takes nothing and the file's order changes nothing.
    const settled = importer.settle ? await importer.settle(valid, ic) : new Map<number, RowIssue[]>();
    const kept = valid.filter((v) => !settled.has(v.row));
    if (settled.size > 0) {
      report.refused += settled.size;
      for (const [row, issues] of settled) {
        for (const e of issues) report.errors.push(issue(row, e, seen.get(row)?.cells, seen.get(row)?.child));
      }
      report.errors.sort((a, b) => a.row - b.row);
    }
    report.rows = counted;
    report.valid = kept.length;
    progress(total);
    if (counted === 0) report.error = { key: 'import:file.noRows', params: place };
    return kept.map((v) => v.value);
  }
}

/** Longest value quoted back in a message; a longer one is cut with «…» (the whole cell is in the file). */
const QUOTED = 60;

function shorten(value: string): string {
  const chars = [...value];
  return chars.length <= QUOTED ? value : chars.slice(0, QUOTED).join('').trimEnd() + '…';
}

/** The child a row names by itself (a children list): surname, name and IIN as written. */
function childOf(cells: Record<string, string>): RowChild | null {
  const name = [cells.surname, cells.name].filter(Boolean).join(' ');
  if (!name) return null;
  return { name: shorten(name), iin: cells.iin || null };
}

function emptySheet(sheet: string | null, kind: ImportKind | null): SheetReport {
  return {
    sheet,
    kind,
    rows: 0,
    valid: 0,
    refused: 0,
    error: null,
    errors: [],
    warnings: [],
    applied: false,
    result: null,
  };
}
