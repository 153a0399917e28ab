import { langFromLocale, type Lang } from './i18n.js';

/** The language: --lang, then the registry's, then the locale (LC_ALL, LC_MESSAGES, LANG), then English. */
export function chooseLang(flag: Lang | undefined, registryLang: Lang | null, env: Record<string, string | undefined>): Lang {
  return flag ?? registryLang ?? langFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG) ?? 'en';
}
