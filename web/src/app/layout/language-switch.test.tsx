import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, fakeApi } from '../../test/fake-api.ts';
import { me, meResponse } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render-app.tsx';

describe('language switch', () => {
  it('changes every visible string between kk, ru and en and remembers the choice', async () => {
    fakeApi({
      'GET /api/auth/me': apiError(401, 'unauthorized', ''),
      'GET /api/setup/status': { body: { needed: false } },
    });
    const { user } = renderApp({ path: '/sign-in', lang: 'kk' });

    expect(await screen.findByRole('heading', { name: 'Жүйеге кіру' })).toBeInTheDocument();
    expect(screen.getByTestId('app-name')).toHaveTextContent('Мектепке жол');
    expect(screen.getByLabelText(/Құпиясөз/)).toBeInTheDocument();

    await user.click(screen.getByTestId('lang-ru'));
    expect(await screen.findByRole('heading', { name: 'Вход в систему' })).toBeInTheDocument();
    expect(screen.getByTestId('app-name')).toHaveTextContent('Дорога в школу');
    expect(screen.getByLabelText(/Пароль/)).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('ru');

    await user.click(screen.getByTestId('lang-en'));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByTestId('app-name')).toHaveTextContent('Road to School');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Road to School');
    expect(localStorage.getItem('mektep.lang')).toBe('en');
  });

  it('saves the language to the signed-in user’s profile, with the CSRF token', async () => {
    const coordinator = me('coordinator', { lang: 'ru' });
    const server = fakeApi({
      'GET /api/auth/me': meResponse(coordinator),
      'PATCH /api/auth/me': (req) => ({
        body: { user: { ...coordinator, lang: (req.body as { lang: string }).lang } },
      }),
    });
    const { user } = renderApp({ path: '/', lang: 'ru' });

    expect(await screen.findByTestId('nav-children')).toHaveTextContent('Дети');
    await user.click(screen.getByTestId('lang-kk'));

    expect(await screen.findByTestId('nav-children')).toHaveTextContent('Балалар');
    await waitFor(() => expect(server.callsTo('PATCH', '/api/auth/me')).toHaveLength(1));
    const [patch] = server.callsTo('PATCH', '/api/auth/me');
    expect(patch?.body).toEqual({ lang: 'kk' });
    expect(patch?.headers['x-csrf-token']).toBe('csrf-123');
  });

  it('starts in the language of the user’s profile', async () => {
    fakeApi({ 'GET /api/auth/me': meResponse(me('teacher', { lang: 'kk' })) });
    renderApp({ path: '/', lang: 'en' });

    expect(await screen.findByText('Сәлеметсіз бе, Айгүл Серікова!')).toBeInTheDocument();
    expect(localStorage.getItem('mektep.lang')).toBe('kk');
  });
});
