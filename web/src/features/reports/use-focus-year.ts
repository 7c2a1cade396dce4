import { kazakhstanTime } from '#domain/clock';
import { useReportYears } from './reports.api.ts';

/**
 * The campaign year a page opens on: the latest year with a campaign for this unit, up to the current year
 * (outside August–September the last campaign is the one people work on), or the current year when there is none.
 * `ready` is false while the years are loading, so a page can wait instead of flashing an empty year.
 */
export function useFocusYear(org: string): { year: number; ready: boolean } {
  const years = useReportYears(org);
  const current = kazakhstanTime().year;
  const past = (years.data?.years ?? []).filter((y) => y <= current);
  return { year: past.length > 0 ? Math.max(...past) : current, ready: !years.isPending };
}
