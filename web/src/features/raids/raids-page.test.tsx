import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiError, fakeApi } from '../../test/fake-api.ts';
import { me, meResponse } from '../../test/fixtures.ts';
import { renderApp } from '../../test/render-app.tsx';
import { outbox } from '../field-sync/outbox.ts';

const raidsList = { body: { items: [] } };

describe('raid entry on a phone', () => {
  beforeEach(() => outbox.reload());

  it('sends the raid with its own id, places and participants', async () => {
    const server = fakeApi({
      'GET /api/auth/me': meResponse(me('coordinator')),
      'GET /api/raids': raidsList,
      'POST /api/raids': (req) => ({ status: 201, body: req.body }),
    });
    const { user } = renderApp({ path: '/raids' });
    await user.click(await screen.findByTestId('raid-new'));
    fireEvent.change(screen.getByTestId('raid-date'), { target: { value: '2025-08-20' } });
    await user.type(screen.getByTestId('raid-place-name-0'), 'Клуб «Арена»');
    await user.click(screen.getByTestId('raid-save'));

    await screen.findByTestId('raid-notice');
    const [post] = server.callsTo('POST', '/api/raids');
    expect(post?.body).toMatchObject({
      heldOn: '2025-08-20',
      places: [{ kind: 'computer_club', name: 'Клуб «Арена»' }],
      participants: [
        { kind: 'teachers', count: 1 },
        { kind: 'police', count: 1 },
      ],
      children: [],
    });
    expect((post?.body as { id: string }).id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a raid with no place or a negative count before sending anything', async () => {
    const server = fakeApi({
      'GET /api/auth/me': meResponse(me('coordinator')),
      'GET /api/raids': raidsList,
    });
    const { user } = renderApp({ path: '/raids' });
    await user.click(await screen.findByTestId('raid-new'));
    await user.click(screen.getByTestId('raid-place-remove-0'));
    const count = screen.getByTestId('raid-participant-count-0');
    await user.clear(count);
    await user.type(count, '-2');
    await user.click(screen.getByTestId('raid-save'));
    expect(await screen.findByTestId('raid-places-error')).toHaveTextContent(
      'Укажите хотя бы одно место рейда.',
    );
    expect(screen.getByText('Не меньше 0.')).toBeInTheDocument();
    expect(server.callsTo('POST', '/api/raids')).toHaveLength(0);
  });

  it('keeps a raid typed without a connection and sends it once when the connection returns', async () => {
    const server = fakeApi({
      'GET /api/auth/me': meResponse(me('coordinator')),
      'GET /api/raids': raidsList,
      'POST /api/raids': (req) => ({ status: 201, body: req.body }),
    });
    const serverFetch = globalThis.fetch;
    let connected = false;
    vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) =>
      !connected && init?.method === 'POST'
        ? Promise.reject(new TypeError('Failed to fetch'))
        : serverFetch(input, init),
    );
    const { user } = renderApp({ path: '/raids' });
    await user.click(await screen.findByTestId('raid-new'));
    await user.type(screen.getByTestId('raid-place-name-0'), 'Рынок');
    await user.click(screen.getByTestId('raid-save'));

    expect(await screen.findByTestId('raid-notice')).toHaveTextContent('Сохранено на телефоне');
    expect(screen.getByTestId('outbox-pending')).toHaveTextContent('1 запись ждёт отправки');
    expect(server.callsTo('POST', '/api/raids')).toHaveLength(0);

    connected = true;
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(server.callsTo('POST', '/api/raids')).toHaveLength(1));
    await waitFor(() => expect(screen.queryByTestId('outbox-pending')).not.toBeInTheDocument());
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 50));
    expect(server.callsTo('POST', '/api/raids')).toHaveLength(1);
  });

  it('shows a conflict from the server and keeps the raid', async () => {
    fakeApi({
      'GET /api/auth/me': meResponse(me('coordinator')),
      'GET /api/raids': raidsList,
      'POST /api/raids': apiError(
        409,
        'campaign_closed',
        'Кампания 2025 года закрыта, её записи доступны только для чтения.',
      ),
    });
    const { user } = renderApp({ path: '/raids' });
    await user.click(await screen.findByTestId('raid-new'));
    await user.click(screen.getByTestId('raid-save'));
    expect(await screen.findByTestId('outbox-problem-conflict')).toHaveTextContent(
      'Кампания 2025 года закрыта',
    );
    expect(outbox.entries()).toHaveLength(1);
  });
});
