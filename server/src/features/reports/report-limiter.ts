import { AppError } from '../../http/app-error.ts';

/**
 * How reports are kept from taking the server down when many people ask for big ones at once:
 * - the same report (unit, year, language) asked for while it is being computed is computed once, and every asker
 *   gets that one answer;
 * - one user has at most `perUser` reports being computed at a time; more answers 429 until one is done;
 * - at most `parallel` reports are computed at a time in this process; the others wait their turn, and when
 *   `queue` are already waiting the asker gets 429 rather than one more waiter.
 */
export class ReportLimiter {
  private readonly running = new Map<string, Promise<unknown>>();
  private readonly perUserCount = new Map<string, number>();
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly limits: { perUser: number; parallel: number; queue: number } = {
      perUser: 2,
      parallel: 2,
      queue: 64,
    },
  ) {}

  async run<T>(user: string | null, key: string, compute: () => Promise<T>): Promise<T> {
    const same = this.running.get(key);
    if (same) return same as Promise<T>;
    if (user !== null && (this.perUserCount.get(user) ?? 0) >= this.limits.perUser) throw tooMany();
    if (this.active >= this.limits.parallel && this.waiting.length >= this.limits.queue) throw tooMany();
    if (user !== null) this.perUserCount.set(user, (this.perUserCount.get(user) ?? 0) + 1);
    const done = (async () => {
      try {
        await this.turn();
        try {
          return await compute();
        } finally {
          this.active -= 1;
          this.waiting.shift()?.();
        }
      } finally {
        this.running.delete(key);
        if (user !== null) {
          const n = (this.perUserCount.get(user) ?? 1) - 1;
          if (n > 0) this.perUserCount.set(user, n);
          else this.perUserCount.delete(user);
        }
      }
    })();
    this.running.set(key, done);
    return done;
  }

  private async turn(): Promise<void> {
    if (this.active < this.limits.parallel) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
  }
}

const tooMany = () => new AppError(429, 'too_many_requests', { key: 'errors:tooManyRequests' });
