import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLang, LANGS, type Lang } from '#domain/lang';
import { rememberLanguage } from '../../i18n/language.ts';

const FULL_NAME = { kk: 'lang.kkFull', ru: 'lang.ruFull', en: 'lang.enFull' } as const;

/** kk / ru / en: switches every string at once and remembers the choice on this device. */
export function LanguageSwitch({ onPick }: { onPick?: (lang: Lang) => void }) {
  const { t, i18n } = useTranslation();
  const current = isLang(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'kk';

  const pick = (value: string) => {
    if (!isLang(value) || value === current) return;
    void i18n.changeLanguage(value);
    rememberLanguage(value);
    onPick?.(value);
  };

  return (
    <SegmentedControl
      size="xs"
      value={current}
      onChange={pick}
      aria-label={t('lang.label')}
      data-testid="language-switch"
      data={LANGS.map((lang) => ({
        value: lang,
        label: (
          <span title={t(FULL_NAME[lang])} data-testid={`lang-${lang}`} lang={lang}>
            {t(`lang.${lang}`)}
          </span>
        ),
      }))}
    />
  );
}
