import {
  addDays,
  canMoveCall,
  isCallStale,
  isFollowUpOverdue,
  isPlanItemOverdue,
  shiftYear,
} from './operations.ts';

describe('campaign operations rules', () => {
  it.each([
    ['2024-08-01', '2025-08-01'],
    ['2024-02-29', '2025-02-28'],
    ['2023-12-31', '2024-12-31'],
  ])('shifts %s by a year to %s', (from, to) => {
    expect(shiftYear(from)).toBe(to);
  });

  it('adds days across months and years', () => {
    expect(addDays('2025-09-28', 7)).toBe('2025-10-05');
    expect(addDays('2025-12-30', 3)).toBe('2026-01-02');
  });

  it('flags a plan item past its end date unless done or cancelled', () => {
    expect(isPlanItemOverdue({ status: 'planned', to: '2025-08-10' }, '2025-08-11')).toBe(true);
    expect(isPlanItemOverdue({ status: 'in_progress', to: '2025-08-10' }, '2025-08-10')).toBe(false);
    expect(isPlanItemOverdue({ status: 'done', to: '2025-08-10' }, '2025-09-01')).toBe(false);
    expect(isPlanItemOverdue({ status: 'cancelled', to: '2025-08-10' }, '2025-09-01')).toBe(false);
  });

  it('flags an unclosed call older than three days', () => {
    const now = new Date('2025-08-10T12:00:00Z');
    expect(isCallStale({ status: 'open', receivedAt: '2025-08-07T11:59:00Z' }, now)).toBe(true);
    expect(isCallStale({ status: 'in_progress', receivedAt: '2025-08-07T12:01:00Z' }, now)).toBe(false);
    expect(isCallStale({ status: 'closed', receivedAt: '2025-08-01T12:00:00Z' }, now)).toBe(false);
  });

  it('flags an open case whose follow-up date has passed', () => {
    expect(isFollowUpOverdue({ status: 'open', dueOn: '2025-08-10' }, '2025-08-11')).toBe(true);
    expect(isFollowUpOverdue({ status: 'closed', dueOn: '2025-08-10' }, '2025-08-11')).toBe(false);
    expect(isFollowUpOverdue({ status: 'open', dueOn: null }, '2025-08-11')).toBe(false);
  });

  it('moves hotline calls only forward', () => {
    expect(canMoveCall('open', 'in_progress')).toBe(true);
    expect(canMoveCall('open', 'closed')).toBe(true);
    expect(canMoveCall('closed', 'open')).toBe(false);
  });
});
