import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useApi } from '../../api/api-context.tsx';
import { flushOutbox, outbox, type OutboxEntry } from './outbox.ts';

const online = () => (typeof navigator === 'undefined' ? true : navigator.onLine);
const subscribeOnline = (listener: () => void) => {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
};

/**
 * The outbox as a component sees it: its entries, whether the browser thinks it is online, and `submit`, which
 * queues a write and tries to send it at once. Pending entries are sent again when the connection returns.
 */
export function useOutbox(onSent?: () => void) {
  const api = useApi();
  const entries = useSyncExternalStore(outbox.subscribe, outbox.entries);
  const isOnline = useSyncExternalStore(subscribeOnline, online);

  const flush = useCallback(async () => {
    const result = await flushOutbox(api);
    if (result.sent.length > 0) onSent?.();
    return result;
  }, [api, onSent]);

  useEffect(() => {
    void flush();
    const onOnline = () => void flush();
    const onStorage = (e: StorageEvent) => {
      if (e.key?.startsWith('mektep.outbox')) outbox.reload();
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('storage', onStorage);
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('storage', onStorage);
    };
  }, [flush]);

  const submit = useCallback(
    async (entry: Omit<OutboxEntry, 'createdAt' | 'state'>) => {
      outbox.add(entry);
      const result = await flush();
      return result.sent.includes(entry.id) ? ('sent' as const) : ('queued' as const);
    },
    [flush],
  );

  return { entries, isOnline, submit, flush, dismiss: outbox.dismiss, retry: outbox.retry };
}
