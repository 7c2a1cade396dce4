import { kazakhstanTime } from '#domain/clock';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import en from '#i18n/en/import.json';
import kk from '#i18n/kk/import.json';
import ru from '#i18n/ru/import.json';
import { fakeApi } from '../../test/fake-api.ts';
import { me, meResponse } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render-app.tsx';
import type { ImportReport, ImportSheetReport } from './import.api.ts';

interface Sent {
  url: string;
  headers: Record<string, string>;
  fields: Record<string, string>;
  file: string | null;
}

/**
 * XMLHttpRequest as the upload sees it: half the upload, then progress through the rows, then the route's report.
 * Stepwise, each stage waits for the test's `next()`, so a test sees every stage however slow the machine is.
 */
function fakeUploads(
  answer: (url: string, fields: Record<string, string>) => ImportReport,
  { stepwise = false } = {},
) {
  const sent: Sent[] = [];
  const waiting: (() => void)[] = [];
  const stage = (run: () => void) => (stepwise ? waiting.push(run) : setTimeout(run, 0));
  class FakeXhr {
    upload: {
      onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null;
    } = {
      onprogress: null,
    };
    onload: (() => void) | null = null;
    onprogress: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    status = 0;
    responseText = '';
    private url = '';
    private headers: Record<string, string> = {};
    open(_method: string, url: string) {
      this.url = url;
    }
    setRequestHeader(key: string, value: string) {
      this.headers[key.toLowerCase()] = value;
    }
    abort() {}
    send(form: FormData) {
      const fields: Record<string, string> = {};
      let file: string | null = null;
      for (const [key, value] of form.entries()) {
        if (typeof value === 'string') fields[key] = value;
        else file = value.name;
      }
      sent.push({ url: this.url, headers: this.headers, fields, file });
      stage(() => {
        this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 });
        stage(() => {
          // The server streams NDJSON: progress through the rows, then the report.
          this.status = 200;
          this.responseText = `${JSON.stringify({ progress: { file: 'f', phase: 'validate', done: 2, total: 4 } })}\n`;
          this.onprogress?.();
          stage(() => {
            this.responseText += `${JSON.stringify({ report: answer(this.url, fields) })}\n`;
            this.onload?.();
          });
        });
      });
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return {
    sent,
    /** Lets the waiting upload go on to its next stage. */
    next: async () => {
      await waitFor(() => expect(waiting.length).toBeGreaterThan(0));
      waiting.shift()?.();
    },
  };
}

const sheet = (over: Partial<ImportSheetReport>): ImportSheetReport => ({
  sheet: null,
  kind: 'org-units',
  kindName: 'организации',
  rows: 4,
  valid: 3,
  refused: 1,
  error: null,
  errors: [{ row: 3, field: 'type', column: 'Тип', message: 'Неизвестный тип «планета».' }],
  warnings: [],
  applied: false,
  result: null,
  ...over,
});

function serve(lang: 'ru' | 'en' = 'ru') {
  fakeApi({
    'GET /api/auth/me': meResponse(me('officer', { lang })),
    'GET /api/import/kinds': {
      body: {
        maxMb: 20,
        kinds: [
          {
            kind: 'org-units',
            name: 'организации',
            allowed: true,
            columns: [{ header: 'Код', required: true }],
          },
        ],
      },
    },
  });
}

describe('import page', () => {
  it('previews a chosen file, blocks "import all" while rows are refused, imports the valid rows', async () => {
    serve();
    const { sent, next } = fakeUploads(
      (url, fields) =>
        url.endsWith('/preview')
          ? {
              dryRun: true,
              ok: false,
              files: [{ file: 'units.csv', error: null, warnings: [], sheets: [sheet({})] }],
            }
          : {
              dryRun: false,
              ok: false,
              files: [
                {
                  file: 'units.csv',
                  error: null,
                  warnings: [],
                  sheets: [
                    sheet({
                      applied: fields.skipInvalid === 'true',
                      result: { created: 3, updated: 0, unchanged: 0, skipped: 1 },
                    }),
                  ],
                },
              ],
            },
      { stepwise: true },
    );
    const { user } = renderApp({ path: '/import' });

    expect(await screen.findByTestId('import-template-org-units')).toHaveTextContent('org-units.xlsx');
    const file = new File(['Код;Код вышестоящего;Тип\n'], 'units.csv', { type: 'text/csv' });
    await user.upload(screen.getByTestId('import-file-input'), file);

    await next();
    expect(await screen.findByTestId('import-progress')).toHaveTextContent('Загрузка файла… 50%');
    await next();
    expect(await screen.findByText('Проверка строк: 2 из 4')).toBeInTheDocument();
    await next();
    expect(await screen.findByTestId('import-error-row')).toHaveTextContent('Неизвестный тип «планета».');
    expect(screen.getByTestId('import-all')).toBeDisabled();
    expect(screen.getByTestId('import-all')).toHaveTextContent('Импортировать всё (4 строки)');
    expect(sent[0]).toMatchObject({
      url: '/api/import/preview',
      file: 'units.csv',
      fields: { org: 'balkhash', campaign: String(kazakhstanTime().year) },
      headers: { 'x-csrf-token': 'csrf-123', 'accept-language': 'ru', accept: 'application/x-ndjson' },
    });

    await user.click(screen.getByTestId('import-valid'));
    for (let stage = 0; stage < 3; stage++) await next();
    expect(await screen.findByTestId('import-done')).toHaveTextContent(
      'Импорт завершён: создано 3, обновлено 0, без изменений 0, пропущено 1.',
    );
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toMatchObject({ url: '/api/import/apply', fields: { skipInvalid: 'true' } });
  });

  it('imports a clean file dropped on the page with "import all"', async () => {
    serve('en');
    const clean = sheet({ rows: 2, valid: 2, refused: 0, errors: [] });
    const { sent } = fakeUploads((url) =>
      url.endsWith('/preview')
        ? { dryRun: true, ok: true, files: [{ file: 'u.csv', error: null, warnings: [], sheets: [clean] }] }
        : {
            dryRun: false,
            ok: true,
            files: [
              {
                file: 'u.csv',
                error: null,
                warnings: [],
                sheets: [
                  { ...clean, applied: true, result: { created: 0, updated: 0, unchanged: 2, skipped: 0 } },
                ],
              },
            ],
          },
    );
    const { user } = renderApp({ path: '/import', lang: 'en' });

    fireEvent.drop(await screen.findByTestId('import-drop'), {
      dataTransfer: { files: [new File(['x'], 'u.csv')] },
    });
    expect(await screen.findByText('No errors — ready to import.')).toBeInTheDocument();
    expect(screen.queryByTestId('import-valid')).toBeNull();
    await user.click(screen.getByTestId('import-all'));

    expect(await screen.findByTestId('import-done')).toHaveTextContent('2 unchanged');
    expect(sent[1]!.fields.skipInvalid).toBeUndefined();
  });

  it('has a link in the navigation for every role', async () => {
    serve();
    renderApp({ path: '/' });
    expect(await screen.findByTestId('nav-import')).toHaveTextContent('Импорт из Excel');
  });
});

describe('import catalogs', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`),
    );

  it.each([
    ['kk', kk],
    ['en', en],
  ])('%s has exactly the keys of ru', (_lang, catalog) => {
    expect(keys(catalog).sort()).toEqual(keys(ru).sort());
  });
});
