// The "report" i18n namespace, typed from the Russian file; `satisfies` fails the build when kk or en lacks a key.
import kk from '../../../i18n/kk/report.json' with { type: 'json' };
import ru from '../../../i18n/ru/report.json' with { type: 'json' };
import en from '../../../i18n/en/report.json' with { type: 'json' };
import type { Lang } from '../lang.ts';

export type ReportMessages = typeof ru;

export const REPORT_MESSAGES = { kk, ru, en } satisfies Record<Lang, ReportMessages>;
