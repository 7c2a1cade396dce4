import { isLang, pickLang, type Lang } from '#domain/lang';

const STORAGE_KEY = 'mektep.lang';

/** The language to start in before we know who the user is: last choice on this device, then the browser. */
export function initialLanguage(): Lang {
  const stored = readStored();
  if (stored) return stored;
  // Kazakh is the state language: it is the choice when the browser names none of ours.
  const browser = (navigator.languages ?? [navigator.language]).join(',');
  return pickLang(browser, 'kk');
}

export function readStored(): Lang | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLang(value) ? value : null;
  } catch {
    return null;
  }
}

export function rememberLanguage(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or a locked-down profile: the choice still holds for this session.
  }
}
