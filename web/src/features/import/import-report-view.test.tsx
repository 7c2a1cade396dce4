import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppProviders } from '../../app/app-providers.tsx';
import { createServices } from '../../app/create-services.ts';
import { createI18n } from '../../test/i18n.ts';
import { ImportReportView } from './import-report-view.tsx';
import type { ImportReport } from './import.api.ts';

const report: ImportReport = {
  dryRun: true,
  ok: false,
  files: [
    {
      file: 'children.csv',
      error: null,
      warnings: [],
      sheets: [
        {
          sheet: null,
          kind: 'org-units',
          kindName: 'организации',
          rows: 5,
          valid: 2,
          refused: 3,
          error: null,
          errors: [
            {
              row: 3,
              field: 'nameRu',
              column: 'Наименование (рус)',
              value: '=SUM(A1)',
              child: 'Иванов Иван, ИИН 090914602229',
              message: 'Значение начинается с «=».',
            },
            {
              row: 4,
              field: 'nameKk',
              column: 'Наименование (каз)',
              message: '<img src=x onerror=alert(1)>',
            },
            { row: 5, field: '_', column: null, message: 'Строка целиком неверна.' },
          ],
          warnings: [
            {
              row: 1,
              field: '_',
              column: 'Примечание',
              message: 'Столбец «Примечание» не входит в шаблон и пропущен.',
            },
          ],
          applied: false,
          result: null,
        },
      ],
    },
    {
      file: 'scan.csv',
      error: 'Файл «scan.csv» — не таблица CSV или XLSX (по содержимому это PDF).',
      warnings: [],
      sheets: [],
    },
  ],
};

function renderView(r: ImportReport) {
  return render(
    <AppProviders services={createServices(createI18n('ru'))} env="test">
      <ImportReportView report={r} />
    </AppProviders>,
  );
}

describe('import preview table', () => {
  it('lists every refused row with its row number, column and message, and the warnings', () => {
    renderView(report);

    const rows = screen.getAllByTestId('import-error-row');
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['3', 'Наименование (рус)', '=SUM(A1)', 'Значение начинается с «=».Иванов Иван, ИИН 090914602229'],
      ['4', 'Наименование (каз)', '', '<img src=x onerror=alert(1)>'],
      ['5', '—', '', 'Строка целиком неверна.'],
    ]);
    const table = screen.getByTestId('import-error-table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Строка', 'Столбец', 'Значение', 'Что не так']);
    expect(screen.getByTestId('import-error-child')).toHaveTextContent('Иванов Иван, ИИН 090914602229');
    expect(screen.getByTestId('import-summary')).toHaveTextContent('5 строк, верных 2, с ошибками 3');
    expect(screen.getByTestId('import-warnings')).toHaveTextContent('Примечание');
  });

  it('shows a refused cell holding HTML as text, never as markup', () => {
    const { container } = renderView(report);
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows a whole-file refusal naming the file', () => {
    renderView(report);
    expect(screen.getByTestId('import-file-error')).toHaveTextContent('«scan.csv» — не таблица CSV или XLSX');
  });

  it('says so when a sheet has no errors', () => {
    const clean = structuredClone(report);
    clean.files = [clean.files[0]!];
    clean.files[0]!.sheets[0]!.errors = [];
    clean.files[0]!.sheets[0]!.warnings = [];
    renderView(clean);
    expect(screen.getByText('Ошибок нет — всё готово к импорту.')).toBeInTheDocument();
    expect(screen.queryByTestId('import-error-table')).toBeNull();
  });
});
