import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, fakeApi } from '../../test/fake-api.ts';
import { me, meResponse, school } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render-app.tsx';
import type { Child } from './children.types.ts';

function child(over: Partial<Child>): Child {
  return {
    id: 'c1',
    schoolCode: school.code,
    schoolNameRu: school.nameRu,
    schoolNameKk: school.nameKk,
    iin: '140315500013',
    surname: 'Абенов',
    name: 'Нурлан',
    patronymic: 'Серикович',
    birthDate: '2014-03-15',
    sex: 'm',
    grade: 5,
    classLabel: '5А',
    address: 'ул. Абая, 1',
    notes: null,
    notAttending: false,
    status: 'approved',
    rejectReason: null,
    source: 'teacher',
    consent: null,
    guardians: [],
    categories: [{ code: 'asp', docName: null, docNumber: null, docDate: null, validUntil: null }],
    openNeeds: 2,
    possibleDuplicate: false,
    editable: true,
    version: 1,
    createdAt: '2025-08-01T10:00:00.000Z',
    updatedAt: '2025-08-01T10:00:00.000Z',
    ...over,
  };
}

// Whole-app renders with several debounced requests: generous on a shared, busy machine.
const children = [
  child({}),
  child({
    id: 'c2',
    surname: 'Ким',
    name: 'Дана',
    iin: null,
    classLabel: '5Б',
    categories: [],
    notAttending: true,
    status: 'proposed',
  }),
];

describe('children list', () => {
  it('shows the school’s children with class, categories and status, and counts them', async () => {
    fakeApi({
      'GET /api/auth/me': meResponse(me('coordinator')),
      'GET /api/children': { body: { items: children, nextCursor: null, total: 2 } },
      'GET /api/need-items': { body: [] },
    });
    renderApp({ path: '/children' });
    const row = await screen.findByTestId('child-row-c1');
    expect(row).toHaveTextContent('Абенов Нурлан Серикович');
    expect(row).toHaveTextContent('140315500013');
    expect(row).toHaveTextContent('АСП');
    expect(row).toHaveTextContent('утверждён');
    const second = screen.getByTestId('child-row-c2');
    expect(second).toHaveTextContent('не посещает');
    expect(second).toHaveTextContent('предложен');
    expect(screen.getByTestId('children-count')).toHaveTextContent('Показано 2 из 2');
    expect(screen.getByTestId('child-add')).toBeInTheDocument();
  });

  it('asks the server for the searched and filtered page, and exports exactly that filter', async () => {
    const server = fakeApi({
      'GET /api/auth/me': meResponse(me('coordinator')),
      'GET /api/children': (req) => ({
        body: {
          items: req.query.get('q') === '1403' ? [children[0]] : children,
          nextCursor: null,
          total: req.query.get('q') === '1403' ? 1 : 2,
        },
      }),
      'GET /api/need-items': { body: [] },
    });
    const { user } = renderApp({ path: '/children' });
    await screen.findByTestId('child-row-c2');
    await user.type(screen.getByTestId('children-search'), '1403');
    await user.type(screen.getByTestId('children-class'), '5А');
    await waitFor(() => expect(server.callsTo('GET', '/api/children').at(-1)!.query.get('class')).toBe('5А'));
    await waitFor(() => expect(screen.queryByTestId('child-row-c2')).toBeNull());
    const last = server.callsTo('GET', '/api/children').at(-1)!;
    expect(last.query.get('q')).toBe('1403');
    expect(last.query.get('class')).toBe('5А');
    expect(last.query.get('org')).toBe(school.code);
    const href = screen.getByTestId('children-export').getAttribute('href')!;
    const exported = new URL(href, 'http://localhost');
    expect(exported.pathname).toBe('/api/children/export.xlsx');
    expect(exported.searchParams.get('q')).toBe('1403');
    expect(exported.searchParams.get('class')).toBe('5А');
    expect(exported.searchParams.get('org')).toBe(school.code);
  });

  it('tells when nothing matches, and shows an officer no add button', async () => {
    fakeApi({
      'GET /api/auth/me': meResponse(me('officer')),
      'GET /api/children': { body: { items: [], nextCursor: null, total: 0 } },
      'GET /api/need-items': { body: [] },
    });
    renderApp({ path: '/children' });
    expect(await screen.findByTestId('children-empty')).toBeInTheDocument();
    expect(screen.queryByTestId('child-add')).toBeNull();
  });

  it('loads the next page from the server when the end of the list scrolls into view', async () => {
    const many = Array.from({ length: 3 }, (_, i) => child({ id: `p${i}`, surname: `Фамилия${i}` }));
    const server = fakeApi({
      'GET /api/auth/me': meResponse(me('coordinator')),
      'GET /api/children': (req) =>
        req.query.get('cursor') === 'next'
          ? { body: { items: [child({ id: 'last', surname: 'Последний' })], nextCursor: null, total: null } }
          : { body: { items: many, nextCursor: 'next', total: 4 } },
      'GET /api/need-items': { body: [] },
    });
    renderApp({ path: '/children' });
    expect(await screen.findByTestId('child-row-last')).toHaveTextContent('Последний');
    expect(server.callsTo('GET', '/api/children').map((c) => c.query.get('cursor'))).toContain('next');
  });
});

describe('child card', () => {
  it('shows what someone else changed after a 409 and takes their version on request', async () => {
    const mine = child({});
    const theirs = child({
      address: 'мкр. Восток, 5',
      classLabel: '6А',
      version: 2,
      updatedAt: '2025-08-02T10:00:00.000Z',
    });
    const server = fakeApi({
      'GET /api/auth/me': meResponse(me('coordinator')),
      'GET /api/children/:id': { body: mine },
      'GET /api/children/:id/history': { body: [] },
      'PATCH /api/children/:id': {
        status: 409,
        body: {
          error: { code: 'conflict', message: 'Запись уже изменил другой пользователь.', current: theirs },
        },
      },
    });
    const { user } = renderApp({ path: '/children/c1' });
    const surname = await screen.findByTestId('child-surname');
    await user.clear(surname);
    await user.type(surname, 'Абенова');
    await user.click(screen.getByTestId('child-save'));

    const dialog = await screen.findByTestId('child-conflict');
    expect(within(dialog).getByTestId('conflict-address')).toHaveTextContent('ул. Абая, 1');
    expect(within(dialog).getByTestId('conflict-address')).toHaveTextContent('мкр. Восток, 5');
    expect(within(dialog).getByTestId('conflict-classLabel')).toHaveTextContent('6А');
    expect(within(dialog).queryByTestId('conflict-surname')).toBeNull();
    const [patch] = server.callsTo('PATCH', '/api/children/c1');
    expect(patch?.body).toMatchObject({ surname: 'Абенова', version: 1 });

    await user.click(within(dialog).getByTestId('conflict-take-theirs'));
    await waitFor(() => expect(screen.getByTestId('child-class')).toHaveValue('6А'));
    expect(screen.getByTestId('child-surname')).toHaveValue('Абенов');
  });

  it('shows the server’s field errors and offers a transfer when the IIN is at another school', async () => {
    const server = fakeApi({
      'GET /api/auth/me': meResponse(me('coordinator')),
      'GET /api/need-items': { body: [] },
      'POST /api/children': {
        status: 409,
        body: {
          error: {
            code: 'iin_elsewhere',
            message: 'Ребёнок с таким ИИН числится в другой школе (Школа № 2).',
            fields: { iin: 'Ребёнок с таким ИИН числится в другой школе (Школа № 2).' },
            transfer: { schoolCode: 'school-2' },
          },
        },
      },
      'POST /api/children/transfers': { status: 201, body: {} },
    });
    const { user } = renderApp({ path: '/children/new' });
    await user.type(await screen.findByTestId('child-iin'), '900101300007');
    await user.type(screen.getByTestId('child-surname'), 'Абенов');
    await user.type(screen.getByTestId('child-name'), 'Нурлан');
    await user.type(screen.getByTestId('child-birthDate'), '1990-01-01');
    await user.type(screen.getByTestId('child-class'), '5А');
    await user.click(screen.getByTestId('child-save'));
    expect(await screen.findByTestId('child-iin-elsewhere')).toHaveTextContent('другой школе');
    await user.click(screen.getByTestId('child-request-transfer'));
    await waitFor(() => expect(server.callsTo('POST', '/api/children/transfers')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/children/transfers')[0]!.body).toEqual({
      iin: '900101300007',
      classLabel: '5А',
    });
    expect(server.callsTo('POST', '/api/children')[0]!.body).toMatchObject({
      schoolCode: school.code,
      classLabel: '5А',
    });
  });

  it('refuses HTML in a name before sending anything', async () => {
    const server = fakeApi({
      'GET /api/auth/me': meResponse(me('coordinator')),
      'GET /api/need-items': { body: [] },
    });
    const { user } = renderApp({ path: '/children/new' });
    await user.type(await screen.findByTestId('child-surname'), '<b>Абенов</b>');
    await user.click(screen.getByTestId('child-save'));
    expect(await screen.findByText(/HTML/)).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/children')).toHaveLength(0);
  });

  it('hides edit and decisions from an officer', async () => {
    fakeApi({
      'GET /api/auth/me': meResponse(me('officer')),
      'GET /api/children/:id': { body: child({ editable: false, iin: '••••••••0013' }) },
      'GET /api/children/:id/history': { body: [] },
      'GET /api/children/:id/needs': apiError(404, 'not_found', ''),
    });
    renderApp({ path: '/children/c1' });
    expect(await screen.findByTestId('child-title')).toHaveTextContent('Абенов Нурлан');
    expect(screen.queryByTestId('child-save')).toBeNull();
    expect(screen.queryByTestId('child-status-approve')).toBeNull();
  });
});

describe('transfers and duplicates', () => {
  it('lets the school holding a child accept a transfer, and a person mark two records as different children', async () => {
    const server = fakeApi({
      'GET /api/auth/me': meResponse(me('director')),
      'GET /api/children/transfers': {
        body: [
          {
            id: 't1',
            childId: 'c1',
            childName: 'Абенов Нурлан',
            fromSchoolCode: school.code,
            toSchoolCode: 'school-2',
            classLabel: '6А',
            note: null,
            status: 'pending',
            requestedBy: 'coord@school2.kz',
            requestedAt: '2025-08-10T09:00:00.000Z',
            decidedBy: null,
            decidedAt: null,
            decidable: true,
          },
        ],
      },
      'POST /api/children/transfers/:id/decision': { body: {} },
      'GET /api/children/duplicates': {
        body: [
          {
            id: 'd1',
            status: 'open',
            child: {
              id: 'c3',
              fullName: 'Омаров Ерлан',
              birthDate: '2011-02-02',
              classLabel: '6А',
              schoolCode: school.code,
            },
            other: {
              id: 'c4',
              fullName: 'Омаров Ерлан',
              birthDate: '2011-02-02',
              classLabel: '5А',
              schoolCode: school.code,
            },
          },
        ],
      },
      'POST /api/children/duplicates/:id/resolve': { body: {} },
    });
    const { user } = renderApp({ path: '/children/requests' });
    await user.click(await screen.findByTestId('transfer-accept-t1'));
    await waitFor(() =>
      expect(server.callsTo('POST', '/api/children/transfers/t1/decision')).toHaveLength(1),
    );
    expect(server.callsTo('POST', '/api/children/transfers/t1/decision')[0]!.body).toEqual({
      decision: 'accept',
    });
    await user.click(within(screen.getByTestId('duplicates')).getByText('Разные дети'));
    await waitFor(() =>
      expect(server.callsTo('POST', '/api/children/duplicates/d1/resolve')).toHaveLength(1),
    );
    expect(server.callsTo('POST', '/api/children/duplicates/d1/resolve')[0]!.body).toEqual({
      decision: 'distinct',
    });
  });
});
