import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi } from '../../test/fake-api.ts';
import { district, me, meResponse, school } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render-app.tsx';

describe('users page', () => {
  it("asks for a teacher's classes and sends them with the new user", async () => {
    const server = fakeApi({
      'GET /api/auth/me': meResponse(me('officer')),
      'GET /api/users': { body: { items: [], nextCursor: null } },
      'GET /api/org-units': { body: { items: [district, school], nextCursor: null } },
      'GET /api/org-units/:code': { body: district },
      'POST /api/users': { status: 201, body: {} },
    });
    const { user } = renderApp({ path: '/users' });

    await user.click(await screen.findByTestId('user-add'));
    expect(screen.queryByTestId('user-classes')).toBeNull(); // a coordinator by default: no classes
    await user.type(screen.getByTestId('user-email'), 'teacher@school.kz');
    await user.type(screen.getByTestId('user-name'), 'Ким Елена');
    await user.click(screen.getByTestId('user-role'));
    await user.click(await screen.findByRole('option', { name: /Классный руководитель|Учитель/ }));
    const classes = await screen.findByTestId('user-classes');
    await user.type(classes, '5а{enter}7Б{enter}');
    await user.type(screen.getByTestId('user-password'), 'a long enough password');
    await user.click(screen.getByTestId('user-save'));

    await waitFor(() => expect(server.callsTo('POST', '/api/users')).toHaveLength(1));
    expect(server.callsTo('POST', '/api/users')[0]!.body).toMatchObject({
      email: 'teacher@school.kz',
      role: 'teacher',
      classes: ['5А', '7Б'],
    });
  });
});
