import { AppError } from '../../http/app-error.ts';
import { ReportLimiter } from './report-limiter.ts';

/** A computation that ends when the test says so. */
function held<T>(value: T) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let calls = 0;
  return {
    fn: async () => {
      calls += 1;
      await gate;
      return value;
    },
    release,
    calls: () => calls,
  };
}

const status = (p: Promise<unknown>) =>
  p.then(
    () => 200,
    (e: unknown) => (e instanceof AppError ? e.status : 500),
  );

describe('the report limiter', () => {
  it('computes a report asked for by many at once only once, and gives each the same answer', async () => {
    const limiter = new ReportLimiter({ perUser: 1, parallel: 1, queue: 0 });
    const work = held({ total: 42 });
    const answers = Array.from({ length: 16 }, (_, i) => limiter.run(`user-${i}`, 'KZ|2026|ru', work.fn));
    work.release();
    const all = await Promise.all(answers);
    expect(work.calls()).toBe(1);
    expect(new Set(all).size).toBe(1);
  });

  it('lets one user compute at most perUser reports at a time, then 429 until one is done', async () => {
    const limiter = new ReportLimiter({ perUser: 2, parallel: 4, queue: 10 });
    const a = held(1);
    const b = held(2);
    const first = limiter.run('u', 'A', a.fn);
    const second = limiter.run('u', 'B', b.fn);
    expect(await status(limiter.run('u', 'C', async () => 3))).toBe(429);
    // Someone else is not held up by this user.
    expect(await limiter.run('v', 'D', async () => 4)).toBe(4);
    a.release();
    await first;
    expect(await limiter.run('u', 'C', async () => 3)).toBe(3);
    b.release();
    expect(await second).toBe(2);
  });

  it('computes at most `parallel` reports at once, queues the next ones and refuses beyond the queue', async () => {
    const limiter = new ReportLimiter({ perUser: 10, parallel: 1, queue: 1 });
    const a = held('a');
    const b = held('b');
    const first = limiter.run('u1', 'A', a.fn);
    const second = limiter.run('u2', 'B', b.fn);
    expect(await status(limiter.run('u3', 'C', async () => 'c'))).toBe(429);
    await Promise.resolve();
    expect(b.calls()).toBe(0);
    a.release();
    expect(await first).toBe('a');
    b.release();
    expect(await second).toBe('b');
    expect(b.calls()).toBe(1);
  });

  it('lets the operator (no user) through the per-user limit, and frees a user after a failure', async () => {
    const limiter = new ReportLimiter({ perUser: 1, parallel: 2, queue: 2 });
    await expect(limiter.run('u', 'A', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await limiter.run('u', 'A', async () => 'again')).toBe('again');
    const h = held(1);
    const cli = limiter.run(null, 'X', h.fn);
    expect(await limiter.run(null, 'Y', async () => 2)).toBe(2);
    h.release();
    expect(await cli).toBe(1);
  });
});
