/**
 * The language signatory's screens and reports speak: English (`en`) or
 * Traditional Chinese (`zh-Hant`). Chosen by the global `--lang` option,
 * else from the locale variables in the order POSIX reads them: `LC_ALL`,
 * then `LC_MESSAGES`, then `LANG`. A locale names Traditional Chinese when
 * its language is `zh` with the script `Hant` or the region TW, HK or MO
 * (`zh_TW.UTF-8`, `zh_HK`, `zh-Hant`, `zh-Hant-TW`); anything else is
 * English. Only the shells (cli/, report/, tui/) read it; the model and the
 * solvers never do.
 */
export const LANGUAGES = ['en', 'zh-Hant'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language a `--lang` value names (any case, `_` or `-`), or undefined. */
export function parseLanguage(text: string): Language | undefined {
  const key = text.trim().replace(/_/g, '-').toLowerCase();
  return LANGUAGES.find((l) => l.toLowerCase() === key);
}

/** Whether one locale string (`zh_TW.UTF-8`, `zh-Hant`, `en_US`, `C`) names Traditional Chinese. */
export function isTraditionalChineseLocale(locale: string): boolean {
  const base = locale.split(/[.@]/)[0].replace(/_/g, '-').toLowerCase();
  const [language, ...rest] = base.split('-');
  if (language !== 'zh') return false;
  return rest.some((part) => part === 'hant' || part === 'tw' || part === 'hk' || part === 'mo');
}

/** The language the environment asks for: the first of LC_ALL, LC_MESSAGES, LANG that is set and not empty. */
export function languageFromEnv(env: NodeJS.ProcessEnv): Language {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return locale !== undefined && isTraditionalChineseLocale(locale) ? 'zh-Hant' : 'en';
}

let current: Language = 'en';

/** The language the shells print in now (English until a front end chooses). */
export function currentLanguage(): Language {
  return current;
}

/** Chooses the language for what follows (the CLI's entry does, once per call). */
export function setLanguage(language: Language): void {
  current = language;
}
