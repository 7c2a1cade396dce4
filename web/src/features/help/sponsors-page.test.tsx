import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../test/fake-api.ts';
import { me, meResponse, school } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render-app.tsx';

const sponsor = {
  id: 's1',
  orgCode: school.code,
  name: 'ТОО «Караганда Строй»',
  type: 'company',
  head: 'Ахметов Б. С.',
  phone: null,
  email: null,
  address: null,
  notes: null,
  anonymous: false,
  editable: true,
  version: 3,
};

describe('sponsors', () => {
  it('lists sponsors, shows their help by year with the thank-you letter, and saves an edit with its version', async () => {
    const server = fakeApi({
      'GET /api/auth/me': meResponse(me('coordinator')),
      'GET /api/sponsors': { body: { items: [sponsor], nextCursor: null } },
      'GET /api/sponsors/:id/history': {
        body: {
          sponsorId: 's1',
          years: [{ year: 2025, students: 18, amount: 225_000, handovers: 1 }],
          pledges: { open: 1, delivered: 0, cancelled: 0 },
        },
      },
      'PATCH /api/sponsors/:id': (req) => ({ body: { ...sponsor, ...(req.body as object), version: 4 } }),
    });
    const { user } = renderApp({ path: '/sponsors' });
    const table = await screen.findByTestId('sponsors');
    expect(table).toHaveTextContent('ТОО «Караганда Строй»');
    expect(table).toHaveTextContent('компания');
    await user.click(within(table).getByText('ТОО «Караганда Строй»'));
    const history = await screen.findByTestId('sponsor-history');
    expect(history).toHaveTextContent('2025');
    expect(history).toHaveTextContent('225 000 ₸');
    const letter = within(history)
      .getAllByRole('link')
      .find((a) => a.getAttribute('href')?.includes('format=pdf'))!;
    expect(letter.getAttribute('href')).toBe('/api/documents/thanks/s1?year=2025&format=pdf&lang=ru');
    await user.type(screen.getByLabelText('Телефон'), '+7 701 000 00 00');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(server.callsTo('PATCH', '/api/sponsors/s1')).toHaveLength(1));
    expect(server.callsTo('PATCH', '/api/sponsors/s1')[0]!.body).toEqual({
      version: 3,
      head: 'Ахметов Б. С.',
      phone: '+7 701 000 00 00',
      anonymous: false,
    });
  });
});
