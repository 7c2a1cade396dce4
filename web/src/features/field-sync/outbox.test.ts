import { describe, expect, it, beforeEach } from 'vitest';
import { ApiError } from '../../api/api-error.ts';
import { flushOutbox, outbox } from './outbox.ts';

function sender(behaviour: (path: string, body: unknown) => unknown) {
  const sent: { path: string; body: unknown }[] = [];
  const keys: (string | undefined)[] = [];
  return {
    sent,
    keys,
    post: async <T>(path: string, body?: unknown, options?: { idempotencyKey?: string }): Promise<T> => {
      await Promise.resolve();
      keys.push(options?.idempotencyKey);
      const result = behaviour(path, body);
      if (result instanceof Error) throw result;
      sent.push({ path, body });
      return result as T;
    },
  };
}

const entry = (id: string) => ({
  id,
  method: 'POST' as const,
  path: '/api/raids',
  body: { id },
  label: `raid ${id}`,
});

describe('offline outbox', () => {
  beforeEach(() => {
    localStorage.clear();
    outbox.reload();
  });

  it('keeps writes while offline and sends each once, in order, when the connection returns', async () => {
    outbox.add(entry('a'));
    outbox.add(entry('b'));
    const offline = await flushOutbox(sender(() => new ApiError(0, 'network', '')));
    expect(offline).toEqual({ sent: [], offline: true });
    expect(outbox.entries().map((e) => e.id)).toEqual(['a', 'b']);
    expect(JSON.parse(localStorage.getItem('mektep.outbox.v1')!)).toHaveLength(2);

    const online = sender(() => ({}));
    const [first, second] = await Promise.all([flushOutbox(online), flushOutbox(online)]);
    expect(first).toBe(second);
    expect(online.sent.map((s) => s.path)).toEqual(['/api/raids', '/api/raids']);
    expect(online.sent.map((s) => (s.body as { id: string }).id)).toEqual(['a', 'b']);
    expect(outbox.entries()).toEqual([]);
  });

  it('keeps a conflict and a refusal with the server message instead of dropping them', async () => {
    outbox.add(entry('c'));
    outbox.add(entry('d'));
    await flushOutbox(
      sender((_p, body) =>
        (body as { id: string }).id === 'c'
          ? new ApiError(409, 'campaign_closed', 'Кампания 2025 года закрыта')
          : new ApiError(400, 'invalid_input', 'Проверьте', { places: 'Укажите место' }),
      ),
    );
    expect(outbox.entries().map((e) => [e.id, e.state, e.message])).toEqual([
      ['c', 'conflict', 'Кампания 2025 года закрыта'],
      ['d', 'refused', 'Проверьте'],
    ]);
    outbox.retry('c');
    const ok = sender(() => ({}));
    await flushOutbox(ok);
    expect(ok.sent).toHaveLength(1);
    expect(outbox.entries().map((e) => e.id)).toEqual(['d']);
  });

  it('replaces an entry of the same record instead of sending it twice', () => {
    outbox.add(entry('e'));
    outbox.add({ ...entry('e'), label: 'newer' });
    expect(outbox.entries().map((e) => e.label)).toEqual(['newer']);
  });

  it('sends every try of one entry with the same Idempotency-Key, so a lost answer never writes twice', async () => {
    outbox.add(entry('k'));
    const lost = sender(() => new ApiError(0, 'network', ''));
    await flushOutbox(lost);
    const ok = sender(() => ({}));
    await flushOutbox(ok);
    expect(lost.keys[0]).toMatch(/^outbox-k-/);
    expect(ok.keys).toEqual(lost.keys);
  });
});
