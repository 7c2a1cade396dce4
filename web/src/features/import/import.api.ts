import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context.tsx';
import { useLang } from '../../i18n/use-lang.ts';

// The shapes of /api/import (server/src/features/import/import.schema.ts).

export type ImportKind = 'org-units' | 'sponsors' | 'children' | 'campaigns' | 'fv' | 'aid';

export interface ImportIssue {
  /** Row number as Excel shows it (the header is row 1). */
  row: number;
  field: string;
  column: string | null;
  /** The cell as written, shortened when long. */
  value?: string | null;
  /** The child the row is about when known: «Surname Name, ИИН …». */
  child?: string | null;
  message: string;
}

export interface ImportSheetReport {
  sheet: string | null;
  kind: ImportKind | null;
  kindName: string | null;
  rows: number;
  valid: number;
  refused: number;
  error: string | null;
  errors: ImportIssue[];
  warnings: ImportIssue[];
  applied: boolean;
  result: { created: number; updated: number; unchanged: number; skipped: number } | null;
}

export interface ImportFileReport {
  file: string;
  error: string | null;
  warnings: string[];
  sheets: ImportSheetReport[];
}

export interface ImportReport {
  dryRun: boolean;
  ok: boolean;
  files: ImportFileReport[];
}

export interface ImportKindInfo {
  kind: ImportKind;
  name: string;
  allowed: boolean;
  columns: { header: string; required: boolean }[];
}

export interface ImportRequest {
  file: File;
  org?: string;
  campaign?: string;
  skipInvalid?: boolean;
}

export function useImportKinds() {
  const api = useApi();
  const lang = useLang();
  return useQuery({
    // Names and headers come translated from the server.
    queryKey: ['import', 'kinds', lang],
    queryFn: ({ signal }) =>
      api.get<{ maxMb: number; kinds: ImportKindInfo[] }>('/api/import/kinds', { signal }),
  });
}

export interface ImportProgress {
  file: string;
  phase: 'validate' | 'apply';
  done: number;
  total: number;
}

/**
 * Uploads the file for a preview (nothing written) or to apply it. `onUpload` follows the upload (0…1), then
 * `onChecked` the server's progress through the rows.
 */
export function useImportUpload() {
  const api = useApi();
  return async (
    mode: 'preview' | 'apply',
    req: ImportRequest,
    progress: { onUpload: (share: number) => void; onChecked: (p: ImportProgress) => void },
  ): Promise<ImportReport> => {
    const form = new FormData();
    if (req.org) form.append('org', req.org);
    if (req.campaign) form.append('campaign', req.campaign);
    if (req.skipInvalid) form.append('skipInvalid', 'true');
    // Fields first: the server reads the form in order and the file may be large.
    form.append('file', req.file, req.file.name);
    const last = await api.upload<{ report: ImportReport }>(`/api/import/${mode}`, form, {
      onProgress: progress.onUpload,
      onMessage: (message) => {
        if (typeof message === 'object' && message !== null && 'progress' in message) {
          progress.onChecked((message as { progress: ImportProgress }).progress);
        }
      },
    });
    return last.report;
  };
}

/** Totals over every sheet of a report: rows read, rows that can be imported, rows refused, whole-file errors. */
export function reportTotals(report: ImportReport) {
  const sheets = report.files.flatMap((f) => f.sheets);
  return {
    rows: sheets.reduce((n, s) => n + s.rows, 0),
    valid: sheets.reduce((n, s) => n + s.valid, 0),
    refused: sheets.reduce((n, s) => n + s.refused, 0),
    blocking: report.files.some((f) => f.error !== null) || sheets.some((s) => s.error !== null),
  };
}
