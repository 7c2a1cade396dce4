import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { apiError, fakeApi } from '../../test/fake-api.ts';
import { me, meResponse } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render-app.tsx';

async function signInWith(user: ReturnType<typeof renderApp>['user']) {
  await user.type(await screen.findByTestId('sign-in-email'), 'coordinator@example.kz');
  await user.type(screen.getByTestId('sign-in-password'), 'wrong-password');
  await user.click(screen.getByTestId('sign-in-submit'));
}

describe('sign-in page', () => {
  it('shows the server’s message for a wrong email or password', async () => {
    const server = fakeApi({
      'GET /api/auth/me': apiError(401, 'unauthorized', 'Требуется вход'),
      'GET /api/setup/status': { body: { needed: false } },
      'POST /api/auth/login': apiError(401, 'invalid_credentials', 'Неверная почта или пароль'),
    });
    const { user } = renderApp({ path: '/', lang: 'ru' });

    await signInWith(user);

    expect(await screen.findByRole('alert')).toHaveTextContent('Неверная почта или пароль');
    const [login] = server.callsTo('POST', '/api/auth/login');
    expect(login?.body).toEqual({ email: 'coordinator@example.kz', password: 'wrong-password' });
    expect(login?.headers['Accept-Language']).toBe('ru');
  });

  it('shows the server’s message when there were too many attempts', async () => {
    fakeApi({
      'GET /api/auth/me': apiError(401, 'unauthorized', ''),
      'GET /api/setup/status': { body: { needed: false } },
      'POST /api/auth/login': apiError(429, 'too_many_attempts', 'Слишком много попыток, попробуйте позже'),
    });
    const { user } = renderApp({ path: '/sign-in' });

    await signInWith(user);

    expect(await screen.findByTestId('sign-in-error')).toHaveTextContent(
      'Слишком много попыток, попробуйте позже',
    );
  });

  it('falls back to its own words when the server cannot be reached', async () => {
    fakeApi({
      'GET /api/auth/me': apiError(401, 'unauthorized', ''),
      'GET /api/setup/status': { body: { needed: false } },
      'POST /api/auth/login': { status: 502 },
    });
    const { user } = renderApp({ path: '/sign-in', lang: 'kk' });

    await signInWith(user);

    expect(await screen.findByTestId('sign-in-error')).toHaveTextContent('Бірдеңе дұрыс болмады');
  });

  it('signs in and welcomes the user with their org unit', async () => {
    const coordinator = me('coordinator');
    let signedIn = false;
    const server = fakeApi({
      'GET /api/auth/me': () => (signedIn ? meResponse(coordinator) : apiError(401, 'unauthorized', '')),
      'GET /api/setup/status': { body: { needed: false } },
      'POST /api/auth/login': () => {
        signedIn = true;
        return { body: { user: coordinator } };
      },
    });
    const { user } = renderApp({ path: '/children' });

    await signInWith(user);

    // Back to the page asked for: the children list.
    expect(await screen.findByTestId('children-search')).toBeInTheDocument();
    await user.click(screen.getByTestId('nav-dashboard'));
    expect(await screen.findByText('Здравствуйте, Айгүл Серікова!')).toBeInTheDocument();
    expect(screen.getByTestId('dashboard-org')).toHaveTextContent('Общеобразовательная школа № 1');
    expect(server.callsTo('PATCH', '/api/auth/me')).toHaveLength(0);
  });

  it('tells the operator when the system still needs its first administrator', async () => {
    fakeApi({
      'GET /api/auth/me': apiError(401, 'unauthorized', ''),
      'GET /api/setup/status': { body: { needed: true } },
    });
    renderApp({ path: '/sign-in', lang: 'en' });

    expect(await screen.findByTestId('setup-needed')).toHaveTextContent('not set up yet');
  });
});
