// How the stored text of an aid row reads for reports: its form and its items. Used by the report facts and by the
// reference loader, so both read a row the same way.
import { AID_FORMS, type AidForm } from '#domain/aid-codes';
import type { ReportAid } from '#domain/report/report-input';

/** A form the report does not know (an old or hand-edited row) counts as goods. */
export function toAidForm(form: string): AidForm {
  return (AID_FORMS as readonly string[]).includes(form) ? (form as AidForm) : 'goods';
}

/** The items column (JSON of { item, quantity }); anything unreadable counts as no items. */
export function parseItems(json: string): ReportAid['items'] {
  try {
    const parsed = JSON.parse(json) as unknown;
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((entry: unknown) => {
      if (typeof entry !== 'object' || entry === null) return [];
      const { item, quantity } = entry as { item?: unknown; quantity?: unknown };
      return typeof item === 'string' && typeof quantity === 'number' ? [{ item, quantity }] : [];
    });
  } catch {
    return [];
  }
}
