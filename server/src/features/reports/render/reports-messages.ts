// The "reports" i18n namespace (labels of the documents, their tables and the report pages), typed from the
// Russian file; `satisfies` fails the build when kk or en lacks a key.
import kk from '#i18n/kk/reports.json' with { type: 'json' };
import ru from '#i18n/ru/reports.json' with { type: 'json' };
import en from '#i18n/en/reports.json' with { type: 'json' };
import type { Lang } from '#domain/lang';

export type ReportsMessages = typeof ru;

export const REPORTS_MESSAGES = { kk, ru, en } satisfies Record<Lang, ReportsMessages>;
