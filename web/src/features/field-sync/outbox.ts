import { ApiError } from '../../api/api-error.ts';

// Field entry (raids, case steps) keeps working without a connection: each write goes to an outbox in
// localStorage first, carrying the record's client-made UUID v7, and is sent when the connection allows. The
// server treats the same id twice as one record, so a write sent twice (a lost reply, two tabs) is harmless.
// Nothing is dropped silently: a refusal stays in the outbox, with the server's message, until the user
// dismisses it.

export type OutboxState = 'pending' | 'conflict' | 'refused';

export interface OutboxEntry {
  /** The record's own id (the UUID v7 in the body): one entry per record. */
  id: string;
  method: 'POST';
  path: string;
  body: unknown;
  /** What the user sees in the list of unsent entries. */
  label: string;
  createdAt: string;
  state: OutboxState;
  message?: string;
  fields?: Record<string, string>;
}

export interface OutboxSender {
  post<T>(path: string, body?: unknown, options?: { idempotencyKey?: string }): Promise<T>;
}

const KEY = 'mektep.outbox.v1';
const listeners = new Set<() => void>();
let cache: OutboxEntry[] | null = null;

function read(): OutboxEntry[] {
  if (cache) return cache;
  try {
    const raw = localStorage.getItem(KEY);
    cache = raw ? (JSON.parse(raw) as OutboxEntry[]) : [];
  } catch {
    cache = [];
  }
  return cache;
}

function write(entries: OutboxEntry[]) {
  cache = entries;
  try {
    localStorage.setItem(KEY, JSON.stringify(entries));
  } catch {
    // Storage full or blocked: the entries still live in memory for this visit.
  }
  for (const listener of listeners) listener();
}

export const outbox = {
  entries: (): OutboxEntry[] => read(),

  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  /** Adds a write; a second write of the same record replaces the first (it is the newer version). */
  add: (entry: Omit<OutboxEntry, 'createdAt' | 'state'>): void => {
    const next: OutboxEntry = { ...entry, createdAt: new Date().toISOString(), state: 'pending' };
    write([...read().filter((e) => e.id !== entry.id), next]);
  },

  dismiss: (id: string): void => {
    write(read().filter((e) => e.id !== id));
  },

  /** Sends a refused entry again (after the user changed what it refers to). */
  retry: (id: string): void => {
    write(read().map((e) => (e.id === id ? { ...e, state: 'pending' as const, message: undefined } : e)));
  },

  /** Forgets the in-memory copy (tests, and another tab's changes via the storage event). */
  reload: (): void => {
    cache = null;
    for (const listener of listeners) listener();
  },
};

let flushing: Promise<FlushResult> | null = null;

export interface FlushResult {
  sent: string[];
  offline: boolean;
}

/**
 * Sends the pending entries in the order they were made. Stops at the first network failure (still offline);
 * a 409 marks the entry as a conflict and a 4xx as refused, both kept with the server's message. One flush at a
 * time, so an entry is never sent twice concurrently.
 */
export function flushOutbox(api: OutboxSender): Promise<FlushResult> {
  flushing ??= sendPending(api).finally(() => {
    flushing = null;
  });
  return flushing;
}

async function sendPending(api: OutboxSender): Promise<FlushResult> {
  const sent: string[] = [];
  for (const entry of read().filter((e) => e.state === 'pending')) {
    try {
      // One key per version of the entry: every retry of it is one submission; an edit (a new createdAt) is new.
      await api.post(entry.path, entry.body, { idempotencyKey: `outbox-${entry.id}-${entry.createdAt}` });
      sent.push(entry.id);
      write(read().filter((e) => e.id !== entry.id));
    } catch (error) {
      if (!(error instanceof ApiError) || error.status === 0 || error.status >= 500) {
        return { sent, offline: true };
      }
      const state: OutboxState = error.status === 409 ? 'conflict' : 'refused';
      write(
        read().map((e) =>
          e.id === entry.id ? { ...e, state, message: error.message, fields: error.fields } : e,
        ),
      );
    }
  }
  return { sent, offline: false };
}
