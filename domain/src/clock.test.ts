import { kazakhstanDateOf, kazakhstanTime, todayInKazakhstan } from './clock.ts';

describe("Kazakhstan's clock", () => {
  afterEach(() => vi.useRealTimers());

  it.each([
    ['2025-08-31T19:30:00Z', '2025-09-01', '00:30'],
    ['2025-08-31T18:59:00Z', '2025-08-31', '23:59'],
    ['2025-12-31T19:00:00Z', '2026-01-01', '00:00'],
    // Before 1 March 2024 Almaty kept UTC+6.
    ['2023-08-31T18:30:00Z', '2023-09-01', '00:30'],
    ['2024-02-29T17:59:00Z', '2024-02-29', '23:59'],
    ['2024-02-29T18:00:00Z', '2024-02-29', '23:00'],
  ])('reads %s as %s %s in Almaty', (instant, date, time) => {
    expect(kazakhstanTime(instant)).toMatchObject({ date, time, year: Number(date.slice(0, 4)) });
    expect(kazakhstanDateOf(new Date(instant))).toBe(date);
  });

  it('gives today as Kazakhstan sees it when UTC is still on yesterday', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-08-15T19:30:00Z')); // 00:30 on 16 August in Almaty
    expect(todayInKazakhstan()).toBe('2026-08-16');
    expect(kazakhstanTime()).toEqual({
      instant: '2026-08-15T19:30:00.000Z',
      date: '2026-08-16',
      time: '00:30',
      year: 2026,
    });
  });

  it('refuses what is not an instant', () => {
    expect(() => kazakhstanTime('yesterday')).toThrow(RangeError);
  });
});
