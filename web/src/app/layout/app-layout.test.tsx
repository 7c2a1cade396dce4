import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Lang, Role } from '../../api/types.ts';
import { fakeApi } from '../../test/fake-api.ts';
import { district, me, meResponse, republic, school } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render-app.tsx';
import { NAV_ITEMS } from './nav-items.ts';

function serve(role: Role, lang: Lang = 'ru') {
  return fakeApi({
    'GET /api/auth/me': meResponse(me(role, { lang })),
    'GET /api/org-units': { body: { items: [republic, district, school], nextCursor: null } },
    'GET /api/users': { body: { items: [], nextCursor: null } },
  });
}

const SECTIONS = ['dashboard', 'children', 'aid', 'sponsors', 'plan', 'hotline', 'raids', 'reports'];

describe('navigation', () => {
  it.each<Role>(['admin', 'officer'])('shows org units and users to an %s', async (role) => {
    serve(role);
    renderApp({ path: '/' });

    expect(await screen.findByTestId('nav-orgUnits')).toHaveTextContent('Организации');
    expect(screen.getByTestId('nav-users')).toHaveTextContent('Пользователи');
    for (const section of SECTIONS) expect(screen.getByTestId(`nav-${section}`)).toBeInTheDocument();
  });

  it.each<Role>(['coordinator', 'teacher', 'director'])(
    'hides the admin sections from a %s',
    async (role) => {
      serve(role);
      renderApp({ path: '/' });

      expect(await screen.findByTestId('nav-dashboard')).toBeInTheDocument();
      for (const section of SECTIONS) expect(screen.getByTestId(`nav-${section}`)).toBeInTheDocument();
      expect(screen.queryByTestId('nav-orgUnits')).not.toBeInTheDocument();
      expect(screen.queryByTestId('nav-users')).not.toBeInTheDocument();
    },
  );

  it('refuses the users page to school staff who type its address', async () => {
    const server = serve('teacher', 'en');
    renderApp({ path: '/users', lang: 'en' });

    expect(await screen.findByText('You have no access to this section.')).toBeInTheDocument();
    expect(server.callsTo('GET', '/api/users')).toHaveLength(0);
  });

  // Sections are built one by one: the note shows for whichever is still to come.
  const comingSoon = NAV_ITEMS.find((item) => item.comingSoon);
  it.runIf(comingSoon)('shows a friendly note for a section not built yet', async () => {
    serve('coordinator', 'kk');
    renderApp({ path: comingSoon!.path, lang: 'kk' });

    expect(await screen.findByTestId('coming-soon')).toHaveTextContent('бөлімі жақында ашылады');
  });

  it('sends a visitor without a session to the sign-in page', async () => {
    fakeApi({
      'GET /api/auth/me': { status: 401, body: { error: { code: 'unauthorized', message: '' } } },
      'GET /api/setup/status': { body: { needed: false } },
    });
    renderApp({ path: '/users', lang: 'en' });

    expect(await screen.findByTestId('sign-in-form')).toBeInTheDocument();
  });

  it('signs out', async () => {
    let signedIn = true;
    const server = fakeApi({
      'GET /api/auth/me': () =>
        signedIn
          ? meResponse(me('admin'))
          : { status: 401, body: { error: { code: 'unauthorized', message: '' } } },
      'POST /api/auth/logout': () => {
        signedIn = false;
        return { status: 204 };
      },
      'GET /api/setup/status': { body: { needed: false } },
      'GET /api/org-units': { body: { items: [republic], nextCursor: null } },
    });
    const { user } = renderApp({ path: '/' });

    await user.click(await screen.findByTestId('user-menu'));
    await user.click(await screen.findByTestId('sign-out'));

    expect(await screen.findByTestId('sign-in-form')).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/auth/logout')[0]?.headers['x-csrf-token']).toBe('csrf-123');
  });
});
