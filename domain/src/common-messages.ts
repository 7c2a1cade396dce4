// The shared "common" i18n namespace, typed from the Russian file. The `satisfies` check makes the build fail
// when the Kazakh or English file lacks a key the Russian one has.
import kk from '../../i18n/kk/common.json' with { type: 'json' };
import ru from '../../i18n/ru/common.json' with { type: 'json' };
import en from '../../i18n/en/common.json' with { type: 'json' };
import type { Lang } from './lang.ts';

export type CommonMessages = typeof ru;

export const COMMON_MESSAGES = { kk, ru, en } satisfies Record<Lang, CommonMessages>;
