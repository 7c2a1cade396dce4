import type { Database } from '../../db/engine.ts';
import { RateLimitsRepository } from '../rate-limits/rate-limits.repository.ts';

/**
 * Counts failed sign-ins in the shared rate-limit counters (every process counts against the same numbers) and
 * says when a caller must wait. Failures are counted per e-mail *and address*, so that a stranger guessing at
 * someone's account locks only themselves out, never the owner signing in from elsewhere. (Per address over all
 * e-mails, the sign-in route's own limit — 20 a minute, shared by processes — stops one address trying a few
 * passwords on many accounts.) The e-mail is counted whether or not an account has it, so the answers never tell
 * which e-mails exist.
 */
export class SignInLimiter {
  constructor(
    private readonly database: Database,
    private readonly limits: { maxAttempts: number; lockMinutes: number },
  ) {}

  private get repo() {
    return new RateLimitsRepository(this.database.db);
  }

  private keys(email: string, ip: string | null) {
    const who = email.trim().toLowerCase();
    const from = ip ?? 'unknown';
    return `sign-in|${who}|${from}`;
  }

  /** Whether this caller must wait before trying this e-mail again. */
  async mustWait(email: string, ip: string | null): Promise<boolean> {
    const counted = await this.repo.read(this.keys(email, ip), new Date());
    return (counted?.hits ?? 0) >= this.limits.maxAttempts;
  }

  /** Counts a failure; answers whether it was the one that makes the caller wait. */
  async failed(email: string, ip: string | null): Promise<boolean> {
    const { hits } = await this.repo.hit(this.keys(email, ip), new Date(), this.limits.lockMinutes * 60_000);
    return hits >= this.limits.maxAttempts;
  }

  /** A successful sign-in forgets this e-mail's failures from this address. */
  async succeeded(email: string, ip: string | null): Promise<void> {
    await this.repo.forget(this.keys(email, ip));
  }
}
