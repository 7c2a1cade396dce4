import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../test/fake-api.ts';
import { me, meResponse, school } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render-app.tsx';

const fvList = (left: number) => ({
  body: {
    year: 2026,
    pm: 43_407,
    items: [
      {
        orgCode: school.code,
        orgNameRu: school.nameRu,
        orgNameKk: school.nameKk,
        year: 2026,
        allocated: 1_400_000,
        decided: 1_400_000 - left,
        paid: 0,
        left,
        students: 0,
        version: 1,
      },
    ],
    total: { allocated: 1_400_000, decided: 1_400_000 - left, paid: 0, left, students: 0 },
  },
});

const kid = (id: string, surname: string, categories: string[]) => ({
  id,
  surname,
  name: 'Ерлан',
  classLabel: '3А',
  categories: categories.map((code) => ({ code })),
});

// A whole page with a list of checkboxes and three round trips: slower than most on a shared machine.
describe('aid handover', () => {
  it('prefills the PM, shows the warnings of a check and records the batch on confirmation', async () => {
    const server = fakeApi({
      'GET /api/auth/me': meResponse(me('coordinator')),
      'GET /api/fv': fvList(1_400_000),
      'GET /api/sponsors': { body: { items: [], nextCursor: null } },
      'GET /api/children': {
        body: { items: [kid('c1', 'Абенов', ['asp']), kid('c2', 'Ким', ['orphan'])], nextCursor: null },
      },
      'POST /api/aid/check': {
        body: {
          warnings: [
            {
              row: 2,
              childId: 'c2',
              code: 'proofMissing',
              message: 'Строка 2: нет документа, подтверждающего категорию.',
            },
          ],
          pm: 43_407,
          total: 86_814,
          fv: { allocated: 1_400_000, used: 0, left: 1_400_000 },
        },
      },
      'POST /api/aid/handovers': {
        status: 201,
        body: { handover: { id: 'h1', date: '2026-08-15', total: 86_814, students: 2 }, warnings: [] },
      },
    });
    const { user } = renderApp({ path: '/aid' });
    const amount = await screen.findByLabelText('Сумма на каждого ребёнка');
    await waitFor(() => expect(amount).toHaveValue('43\u00a0407'));
    expect(screen.getByText(/Остаток ФВ/)).toHaveTextContent('Остаток ФВ: 1 400 000 ₸ из 1 400 000 ₸');
    const list = await screen.findByTestId('handover-children');
    await user.click(await within(list).findByLabelText(/Абенов Ерлан · 3А · АСП/));
    await user.click(within(list).getByLabelText(/Ким Ерлан/));
    expect(screen.getByRole('button', { name: 'Подтвердить и записать' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Проверить' }));
    expect(
      await screen.findByText('Строка 2: нет документа, подтверждающего категорию.'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Подтвердить и записать' }));
    expect(await screen.findByText(/Помощь записана/)).toHaveTextContent(
      'Помощь записана: 2 учащимся на сумму 86 814 ₸.',
    );
    const sent = server.callsTo('POST', '/api/aid/handovers')[0]!.body as {
      source: string;
      lines: unknown[];
    };
    expect(sent.source).toBe('fv');
    expect(sent.lines).toEqual([
      { childId: 'c1', amount: '43\u00a0407' },
      { childId: 'c2', amount: '43\u00a0407' },
    ]);
    const pdf = screen
      .getAllByRole('link')
      .find((a) => a.getAttribute('href')?.startsWith('/api/documents/act/h1'));
    expect(pdf?.getAttribute('href')).toContain('format=pdf');
  });

  it('shows the server’s refusal with the figures when the batch is over what is left', async () => {
    fakeApi({
      'GET /api/auth/me': meResponse(me('coordinator')),
      'GET /api/fv': fvList(50_000),
      'GET /api/sponsors': { body: { items: [], nextCursor: null } },
      'GET /api/children': {
        body: { items: [kid('c1', 'Абенов', ['asp']), kid('c2', 'Ким', ['asp'])], nextCursor: null },
      },
      'POST /api/aid/check': {
        status: 422,
        body: {
          error: {
            code: 'fv_over_remaining',
            message:
              'Недостаточно средств фонда всеобуча: выделено 1 400 000 ₸, использовано 1 350 000 ₸, остаток 50 000 ₸, запрошено 86 814 ₸.',
          },
        },
      },
    });
    const { user } = renderApp({ path: '/aid' });
    const list = await screen.findByTestId('handover-children');
    await user.click(await within(list).findByLabelText(/Абенов/));
    await user.click(within(list).getByLabelText(/Ким/));
    await user.click(screen.getByRole('button', { name: 'Проверить' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('остаток 50 000 ₸, запрошено 86 814 ₸');
    expect(screen.getByRole('button', { name: 'Подтвердить и записать' })).toBeDisabled();
  });
});
