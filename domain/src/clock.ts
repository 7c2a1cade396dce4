// The one clock of the system. Calendar dates ("today", overdue, the date printed on a letter) are Kazakhstan's,
// never UTC's: between midnight and 05:00 there UTC is still on the day before. Instants are stored in UTC.
// Kazakhstan keeps one time zone, UTC+5, in the whole country since 1 March 2024 (00:00 local). Before that most
// of the country, Almaty and Astana included, kept UTC+6; older instants are read in Almaty's time of the day,
// as tz data's Asia/Almaty does. The offsets are fixed here rather than read from Intl, so that a browser with old
// time-zone data (or none) shows the same date as the server.

const HOUR_MS = 3600_000;
const UTC5_SINCE = Date.parse('2024-02-29T18:00:00Z'); // 1 March 2024, 00:00 at UTC+6

export interface KazakhstanTime {
  /** The moment itself, UTC, as stored: '2026-08-15T19:30:00.000Z'. */
  instant: string;
  /** Kazakhstan's calendar date at that moment, 'YYYY-MM-DD'. */
  date: string;
  /** Kazakhstan's wall-clock time, 'HH:MM'. */
  time: string;
  /** Kazakhstan's calendar year. */
  year: number;
}

/** The offset from UTC in Kazakhstan (Almaty) at an instant, in milliseconds. */
function offsetAt(ms: number): number {
  return (ms < UTC5_SINCE ? 6 : 5) * HOUR_MS;
}

/** Kazakhstan's date and time at an instant; without one, now (tests pin "now" with vi.setSystemTime). */
export function kazakhstanTime(at: Date | string = new Date()): KazakhstanTime {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: "${String(at)}"`);
  const local = new Date(ms + offsetAt(ms)).toISOString();
  return {
    instant: new Date(ms).toISOString(),
    date: local.slice(0, 10),
    time: local.slice(11, 16),
    year: Number(local.slice(0, 4)),
  };
}

/** Today's date in Kazakhstan, 'YYYY-MM-DD'. */
export function todayInKazakhstan(): string {
  return kazakhstanTime().date;
}

/** Kazakhstan's calendar date of a stored instant (when a call came in, when a record was changed). */
export function kazakhstanDateOf(instant: Date | string): string {
  return kazakhstanTime(instant).date;
}
