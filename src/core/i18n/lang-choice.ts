// No messages here: --help reads the language before anything larger loads.
import type { Lang } from './i18n.js';

export function isLang(value: unknown): value is Lang {
  return value === 'sv' || value === 'en';
}

/** The language from a POSIX locale such as sv_SE.UTF-8; English for anything else. */
export function langFromLocale(locale: string | undefined): Lang | null {
  if (!locale) return null;
  const code = locale.toLowerCase().slice(0, 2);
  return code === 'sv' ? 'sv' : code === 'en' ? 'en' : null;
}

/** The language: --lang, then the registry's, then the locale (LC_ALL, LC_MESSAGES, LANG), then English. */
export function chooseLang(
  flag: Lang | undefined,
  registryLang: Lang | null,
  env: Record<string, string | undefined>,
): Lang {
  return flag ?? registryLang ?? langFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG) ?? 'en';
}
