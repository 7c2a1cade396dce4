import type { Content, TableCell } from 'pdfmake/interfaces';
import { formatDate } from '#domain/dates';
import type { Lang } from '#domain/lang';
import { translate } from '../../i18n/translator.ts';
import { renderPdf } from '../materials/operations-pdf.ts';
import type { OrgUnitRow } from '../org-units/org-units.repository.ts';
import type { PlanDto } from './plan.schema.ts';

/** The plan of activities as schools print it: the director's "approved" block, a title and a numbered table. */
export function renderPlanPdf(plan: PlanDto, unit: OrgUnitRow | undefined, lang: Lang): Promise<Buffer> {
  const t = (key: string, params?: Record<string, unknown>) => translate(lang, `operations:${key}`, params);
  const school = unit ? (lang === 'kk' ? unit.name_kk : unit.name_ru) : '';
  const dates = (from: string, to: string) =>
    from === to
      ? formatDate(from, lang, 'short')
      : `${formatDate(from, lang, 'short')} – ${formatDate(to, lang, 'short')}`;
  const header: TableCell[] = [
    '№',
    t('print.plan.activity'),
    t('print.plan.dates'),
    t('print.plan.responsible'),
    t('print.plan.mark'),
  ].map((text) => ({ text, bold: true, alignment: 'center', fillColor: '#eeeeee' }));
  const body: TableCell[][] = [
    header,
    ...plan.items.map((item, i): TableCell[] => [
      { text: String(i + 1), alignment: 'center' },
      item.title,
      { text: dates(item.from, item.to), alignment: 'center' },
      item.responsible,
      t(`planStatus.${item.status}`),
    ]),
  ];
  const approval: Content = plan.approval
    ? {
        text: [
          { text: `${t('print.plan.approved')}\n`, bold: true },
          t('print.plan.approvedBy', {
            name: plan.approval.approvedBy,
            date: formatDate(plan.approval.approvedAt.slice(0, 10), lang),
          }),
        ],
      }
    : {
        text: [
          { text: `${t('print.plan.approve')}\n`, bold: true },
          `${t('print.plan.director')}\n${school}\n\n________________ ${unit?.director ?? ''}\n«___» ____________ ${plan.year}`,
        ],
      };
  return renderPdf({
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [40, 36, 40, 36],
    info: { title: t('print.plan.title', { year: plan.year }) },
    content: [
      {
        columns: [
          { width: '*', text: '' },
          { width: 260, ...approval, fontSize: 10 },
        ],
      },
      {
        text: t('print.plan.title', { year: plan.year }),
        bold: true,
        fontSize: 14,
        alignment: 'center',
        margin: [0, 16, 0, 2],
      },
      { text: school, alignment: 'center', margin: [0, 0, 0, 12] },
      {
        table: { headerRows: 1, widths: [24, '*', 110, 150, 110], body, dontBreakRows: true },
        fontSize: 10,
      },
    ],
  });
}
