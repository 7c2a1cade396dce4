import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi } from '../../test/fake-api.ts';
import { me, meResponse, school } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render-app.tsx';

const kid = (id: string, surname: string) => ({
  id,
  schoolCode: school.code,
  schoolNameRu: school.nameRu,
  schoolNameKk: school.nameKk,
  iin: null,
  surname,
  name: 'Дана',
  patronymic: null,
  birthDate: '2014-03-15',
  sex: 'f',
  grade: 5,
  classLabel: '5А',
  address: null,
  notes: null,
  notAttending: false,
  status: 'approved',
  rejectReason: null,
  source: 'teacher',
  consent: null,
  guardians: [{ name: 'Ахметова Сауле', relation: null, phone: '+7 701 000 00 00', iin: null }],
  categories: [{ code: 'large_family', docName: null, docNumber: null, docDate: null, validUntil: null }],
  openNeeds: 0,
  possibleDuplicate: false,
  editable: true,
  version: 1,
  createdAt: '2025-08-01T10:00:00.000Z',
  updatedAt: '2025-08-01T10:00:00.000Z',
});

describe('printed class list and needs summary', () => {
  it('prints every page of the filtered list, in class order, with guardians and a signature column', async () => {
    const server = fakeApi({
      'GET /api/auth/me': meResponse(me('teacher')),
      'GET /api/children': (req) =>
        req.query.get('cursor') === 'p2'
          ? { body: { items: [kid('b', 'Бекова')], nextCursor: null, total: null } }
          : { body: { items: [kid('a', 'Ахметова')], nextCursor: 'p2', total: 2 } },
    });
    renderApp({ path: '/children/print?class=5А' });
    const table = await screen.findByTestId('print-table');
    expect(await within(table).findByText(/Бекова Дана/)).toBeInTheDocument();
    expect(within(table).getByText(/Ахметова Дана/)).toBeInTheDocument();
    expect(within(table).getAllByText(/Ахметова Сауле, \+7 701 000 00 00/)).toHaveLength(2);
    expect(within(table).getAllByText('многодетная')).toHaveLength(2);
    const first = server.callsTo('GET', '/api/children')[0]!;
    expect(first.query.get('class')).toBe('5А');
    expect(first.query.get('sort')).toBe('class');
    expect(first.query.get('limit')).toBe('500');
  });

  it('dates the list with Kazakhstan’s today: at 00:30 in Almaty, not yet UTC’s', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-08-15T19:30:00Z'));
    try {
      fakeApi({
        'GET /api/auth/me': meResponse(me('teacher')),
        'GET /api/children': { body: { items: [kid('a', 'Ахметова')], nextCursor: null, total: 1 } },
      });
      renderApp({ path: '/children/print?class=5А' });
      expect(await screen.findByText('Список на 16 августа 2026 г.')).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('sums the school’s needs per item and size with the total estimated cost in tenge', async () => {
    fakeApi({
      'GET /api/auth/me': meResponse(me('coordinator')),
      'GET /api/children/needs-summary': {
        body: {
          rows: [
            {
              itemId: 'i1',
              itemCode: 'shoes',
              nameKk: 'аяқ киім',
              nameRu: 'обувь',
              nameEn: 'shoes',
              size: '34',
              quantity: 3,
              children: 2,
              estCost: 43000,
            },
            {
              itemId: 'i2',
              itemCode: 'backpack',
              nameKk: 'рюкзак',
              nameRu: 'рюкзак',
              nameEn: 'backpack',
              size: null,
              quantity: 10,
              children: 10,
              estCost: 100000,
            },
          ],
          totalQuantity: 13,
          totalEstCost: 143000,
          children: 11,
        },
      },
    });
    renderApp({ path: '/children/needs-summary' });
    const table = await screen.findByTestId('needs-summary');
    expect(table).toHaveTextContent('обувь');
    expect(table).toHaveTextContent(/143\s000/);
    expect(table).toHaveTextContent('13');
  });
});
