import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, fakeApi } from '../../test/fake-api.ts';
import { district, me, meResponse, school } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render-app.tsx';

describe('org units page', () => {
  it('shows the conflict message and the other person’s version after a 409', async () => {
    const theirs = { ...school, nameRu: 'Школа-гимназия № 1', version: 2 };
    const server = fakeApi({
      'GET /api/auth/me': meResponse(me('officer')),
      'GET /api/org-units': { body: { items: [district, school], nextCursor: null } },
      'GET /api/org-units/:code': (_req, { code }) =>
        code === 'school-1'
          ? { body: theirs }
          : code === 'balkhash'
            ? { body: district }
            : apiError(404, 'not_found', ''),
      'PATCH /api/org-units/:code': apiError(409, 'conflict', 'Запись изменена другим пользователем'),
    });
    const { user } = renderApp({ path: '/org-units' });

    await user.click(await screen.findByTestId('org-unit-edit-school-1'));
    const name = await screen.findByTestId('org-unit-nameRu');
    await user.clear(name);
    await user.type(name, 'Моя правка');
    await user.click(screen.getByTestId('org-unit-save'));

    const message = await screen.findByTestId('conflict-message');
    expect(message).toHaveTextContent('изменил другой пользователь');
    await waitFor(() => expect(screen.getByTestId('org-unit-nameRu')).toHaveValue('Школа-гимназия № 1'));

    const [patch] = server.callsTo('PATCH', '/api/org-units/school-1');
    expect(patch?.body).toMatchObject({ nameRu: 'Моя правка', version: 1 });
    expect(patch?.headers['x-csrf-token']).toBe('csrf-123');
    expect(server.callsTo('PATCH', '/api/org-units/school-1')).toHaveLength(1);
  });

  it('shows field errors from the server under the fields', async () => {
    fakeApi({
      'GET /api/auth/me': meResponse(me('admin')),
      'GET /api/org-units': { body: { items: [district], nextCursor: null } },
      'POST /api/org-units': apiError(400, 'validation', 'Проверьте поля', { code: 'Такой код уже есть' }),
    });
    const { user } = renderApp({ path: '/org-units' });

    await user.click(await screen.findByTestId('org-unit-add'));
    const form = await screen.findByTestId('org-unit-form');
    await user.type(within(form).getByTestId('org-unit-code'), 'balkhash');
    await user.type(within(form).getByTestId('org-unit-nameKk'), 'Мектеп');
    await user.type(within(form).getByTestId('org-unit-nameRu'), 'Школа');
    await user.click(within(form).getByTestId('org-unit-save'));

    expect(await within(form).findByText('Такой код уже есть')).toBeInTheDocument();
  });

  it('lists the units with names in the UI language', async () => {
    fakeApi({
      'GET /api/auth/me': meResponse(me('officer', { lang: 'kk' })),
      'GET /api/org-units': { body: { items: [district, school], nextCursor: null } },
    });
    renderApp({ path: '/org-units', lang: 'kk' });

    const row = await screen.findByTestId('org-unit-row-school-1');
    expect(row).toHaveTextContent('№ 1 жалпы білім беретін мектеп');
    expect(row).toHaveTextContent('Мектеп');
    expect(screen.getByText('2 ұйым көрсетілді')).toBeInTheDocument();
  });
});
