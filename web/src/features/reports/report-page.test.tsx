import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildReport } from '#domain/report/build-report';
import { exampleSchoolInput } from '#domain/report/example-school-input';
import { reportNarrative } from '#domain/report/narrative';
import { apiError, fakeApi } from '../../test/fake-api.ts';
import { me, meResponse, school } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render-app.tsx';
import type { ReportView, TraceResult } from './reports.types.ts';

const report = buildReport(exampleSchoolInput());
const view: ReportView = {
  report,
  narrative: reportNarrative(report, 'ru', { breakdowns: false }),
  tables: [
    {
      id: 'summary',
      title: 'Основные показатели',
      sheet: 'Показатели',
      columns: [
        { header: 'Показатель', kind: 'text' },
        { header: 'Значение', kind: 'count' },
      ],
      rows: [['Из фонда всеобуча: учащихся', 21]],
      links: [[null, { metric: 'fv.students' }]],
    },
  ],
  years: [2023],
};
const trace: TraceResult = {
  metric: 'fv.students',
  value: 21,
  total: 2,
  next: 'page-2',
  items: [
    {
      kind: 'aid',
      id: 'a1',
      date: '2023-08-15',
      label: 'Аманов А., 5А · ФВ · деньги',
      orgCode: 'school-1',
      orgName: 'Школа № 1',
      amount: 40_700,
    },
  ],
};

describe('report page', () => {
  it('shows the narrative, opens the records behind a figure and offers the files', async () => {
    const server = fakeApi({
      'GET /api/auth/me': meResponse(me('coordinator')),
      'GET /api/org-units/:code': { body: school },
      'GET /api/org-units': { body: { items: [school], nextCursor: null } },
      'GET /api/reports/years': { body: { years: [2023] } },
      'GET /api/reports/view': { body: view },
      'GET /api/reports/trace': (req) =>
        req.query.get('cursor') === 'page-2'
          ? {
              body: {
                ...trace,
                next: null,
                items: [{ ...trace.items[0]!, id: 'a2', label: 'Беков Б., 6Б · ФВ · деньги' }],
              },
            }
          : { body: trace },
    });
    const { user } = renderApp({ path: '/reports?org=school-1&lang=ru' });

    const narrative = await screen.findByTestId('report-narrative');
    expect(narrative).toHaveTextContent(
      'материальная помощь оказана 21 учащемуся на общую сумму 842 300 тенге',
    );
    const [viewCall] = server.callsTo('GET', '/api/reports/view');
    expect(viewCall?.query.get('campaign')).toBe('2023');

    await user.click(within(narrative).getByRole('button', { name: '21' }));
    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByText(/Аманов А\., 5А/)).toBeInTheDocument();
    expect(server.callsTo('GET', '/api/reports/trace')[0]?.query.get('metric')).toBe('fv.students');
    // The next page is asked for with the cursor the first one gave, and shown below it.
    await user.click(within(drawer).getByRole('button', { name: 'Показать ещё' }));
    expect(await within(drawer).findByText(/Беков Б\., 6Б/)).toBeInTheDocument();
    expect(within(drawer).getByText(/Аманов А\., 5А/)).toBeInTheDocument();
    expect(server.callsTo('GET', '/api/reports/trace')[1]?.query.get('cursor')).toBe('page-2');
    expect(within(drawer).queryByRole('button', { name: 'Показать ещё' })).toBeNull();

    const docx = screen.getByRole('link', { name: /Word/ });
    expect(docx.getAttribute('href')).toBe('/api/reports?org=school-1&campaign=2023&lang=ru&format=docx');
  });

  it('says so when the unit has no campaign to report on', async () => {
    fakeApi({
      'GET /api/auth/me': meResponse(me('coordinator')),
      'GET /api/org-units/:code': { body: school },
      'GET /api/reports/years': apiError(404, 'not_found', 'Не найдено'),
    });
    renderApp({ path: '/reports?org=nope' });
    expect(await screen.findByText('Не найдено')).toBeInTheDocument();
  });
});

describe('public campaign page', () => {
  it('shows totals and needs without signing in', async () => {
    fakeApi({
      'GET /api/auth/me': apiError(401, 'unauthorized', ''),
      'GET /api/public/campaigns/:code/:year': {
        body: {
          org: { code: 'school-1', name: 'Школа № 1', hotline: '8 (7212) 00-00-00' },
          campaign: {
            year: 2023,
            from: '2023-08-01',
            to: '2023-09-30',
            motto: 'Вместе к знаниям',
            closed: false,
          },
          totals: {
            students: 45,
            amount: 1_357_300,
            fvAmount: 842_300,
            sponsorsAmount: 515_000,
            sponsors: 5,
          },
          sponsors: ['ТОО «Сарыарқа Құрылыс»'],
          anonymousSponsors: 1,
          needs: [{ item: 'uniform', name: 'школьная форма', children: 6, quantity: 8 }],
          minGroup: 5,
        },
      },
    });
    renderApp({ path: '/public/school-1/2023', lang: 'ru' });
    expect(await screen.findByText('«Вместе к знаниям»')).toBeInTheDocument();
    expect(screen.getByText('1 357 300 ₸')).toBeInTheDocument();
    expect(screen.getByText('школьная форма')).toBeInTheDocument();
    expect(screen.getByText('8 (7212) 00-00-00')).toBeInTheDocument();
  });
});

describe('report page before any campaign', () => {
  it('says that no campaign is open yet instead of showing an error', async () => {
    const server = fakeApi({
      'GET /api/auth/me': meResponse(me('coordinator')),
      'GET /api/reports/years': { body: { years: [] } },
    });
    renderApp({ path: '/reports' });
    expect(await screen.findByTestId('report-no-campaigns')).toHaveTextContent(
      'ещё не открыто ни одной акции',
    );
    expect(server.calls.some((c) => c.path === '/api/reports/view')).toBe(false);
  });
});
