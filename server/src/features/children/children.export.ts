import ExcelJS from 'exceljs';
import { COMMON_MESSAGES } from '#domain/common-messages';
import { formatDate } from '#domain/dates';
import type { Lang } from '#domain/lang';
import { neutralizeCell } from '#domain/safe-text';
import { translate } from '../../i18n/translator.ts';
import type { ChildDto } from './children.schema.ts';

// The first eleven columns are those of the import template, in its order, so an exported list can be
// corrected in Excel and imported back.
const COLUMNS = [
  'iin',
  'surname',
  'name',
  'patronymic',
  'birthDate',
  'school',
  'class',
  'categories',
  'guardian',
  'phone',
  'address',
  'status',
  'openNeeds',
] as const;

/**
 * The children of a list view as an XLSX workbook. Every text cell is neutralised: a value beginning with
 * = + - @ is written with a leading apostrophe so that no spreadsheet ever runs it as a formula.
 */
export async function buildChildrenXlsx(children: ChildDto[], lang: Lang): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Mektepke Jol';
  const sheet = book.addWorksheet(translate(lang, 'children:export.sheet'));
  sheet.columns = COLUMNS.map((key) => ({
    header: translate(lang, `children:export.columns.${key}`),
    key,
    width: key === 'address' || key === 'categories' ? 36 : key === 'openNeeds' ? 10 : 18,
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const short = COMMON_MESSAGES[lang].categoryShort as Record<string, string>;
  for (const c of children) {
    const guardian = c.guardians[0];
    const marks = [
      ...c.categories.map((k) => short[k.code] ?? k.code),
      ...(c.notAttending ? [short.not_attending ?? ''] : []),
    ];
    const text: Record<string, string> = {
      iin: c.iin ?? '',
      surname: c.surname,
      name: c.name,
      patronymic: c.patronymic ?? '',
      birthDate: formatDate(c.birthDate, lang, 'short'),
      school: c.schoolCode,
      class: c.classLabel,
      categories: marks.join(', '),
      guardian: guardian?.name ?? '',
      phone: guardian?.phone ?? '',
      address: c.address ?? '',
      status: translate(lang, `children:status.${c.status}`),
    };
    const row = Object.fromEntries(Object.entries(text).map(([k, v]) => [k, neutralizeCell(v)]));
    sheet.addRow({ ...row, openNeeds: c.openNeeds });
  }
  // IINs are identifiers, not numbers: text cells keep their leading zeros.
  sheet.getColumn('iin').numFmt = '@';
  return Buffer.from(await book.xlsx.writeBuffer());
}
