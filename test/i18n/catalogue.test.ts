/**
 * The message catalogue is complete: every key in every language, none
 * empty, the same placeholders in each, and no translation left equal to its
 * English text unless it is listed as the same on purpose. The language
 * rule (--lang, then LC_ALL, LC_MESSAGES, LANG) and the state names from
 * the platform's locale data.
 */
import { describe, expect, it } from 'vitest';
import { GLOSSARY, PROPOSITIONS } from '../../src/app/glossary.js';
import {
  ENTRIES_ZH_HANT,
  PROPOSITIONS_ZH_HANT,
  PROPOSITION_GROUPS_ZH_HANT,
  TERM_LABELS_ZH_HANT,
} from '../../src/i18n/glossary-zh-hant.js';
import { BUILTIN_TERMS } from '../../src/model/terms.js';
import { isTraditionalChineseLocale, languageFromEnv, LANGUAGES, parseLanguage } from '../../src/i18n/language.js';
import { CATALOGUES, placeholders, SAME_IN_EVERY_LANGUAGE, t } from '../../src/i18n/messages.js';
import { alpha2Of, alpha3Codes, regionName, stateName } from '../../src/i18n/state-names.js';

const en = CATALOGUES.en;

describe('the message catalogue', () => {
  for (const language of LANGUAGES) {
    it(`${language}: every key, none empty, the same placeholders as English`, () => {
      const catalogue = CATALOGUES[language];
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(catalogue)) {
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), key).toEqual(placeholders(en[key as keyof typeof en]));
      }
    });
  }

  it('zh-Hant: no message left in English unless listed as the same on purpose', () => {
    const same = Object.keys(en).filter(
      (k) => CATALOGUES['zh-Hant'][k as keyof typeof en] === en[k as keyof typeof en],
    );
    expect(same.sort()).toEqual([...SAME_IN_EVERY_LANGUAGE].sort());
  });

  it('zh-Hant: every message that is not a symbol has Chinese text or punctuation in it', () => {
    for (const [key, text] of Object.entries(CATALOGUES['zh-Hant'])) {
      if (SAME_IN_EVERY_LANGUAGE.has(key as keyof typeof en)) continue;
      expect(/[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]/u.test(text), key).toBe(true);
    }
  });

  it('fills placeholders and leaves unknown ones as written', () => {
    expect(t('run.tally', { signed: 35, abstain: 50, total: 85 }, 'en')).toBe('35 sign · 50 abstain (of 85)');
    expect(t('run.tally', { signed: 35, abstain: 50, total: 85 }, 'zh-Hant')).toBe('35 國簽署 · 50 國不簽（共 85 國）');
    expect(t('run.tally', {}, 'en')).toBe('{signed} sign · {abstain} abstain (of {total})');
  });
});

describe('the glossary in Traditional Chinese', () => {
  const han = /\p{Script=Han}/u;
  it('every entry has its word and two plain sentences translated, and nothing more', () => {
    expect(Object.keys(ENTRIES_ZH_HANT).sort()).toEqual(GLOSSARY.map((e) => e.id).sort());
    for (const e of GLOSSARY) {
      const zh = ENTRIES_ZH_HANT[e.id]!;
      expect(han.test(zh.term) || zh.term === e.term, e.id).toBe(true);
      expect(han.test(zh.plain), e.id).toBe(true);
      // Two sentences, as in English.
      expect(zh.plain.split('。').filter((x) => x.trim()).length, e.id).toBe(2);
      if (zh.technical !== undefined) expect(e.technical, e.id).toBeDefined();
    }
  });

  it('every proposition, proposition group and payoff term label is translated', () => {
    expect(Object.keys(PROPOSITIONS_ZH_HANT).sort()).toEqual(Object.keys(PROPOSITIONS).sort());
    for (const text of Object.values(PROPOSITIONS_ZH_HANT)) expect(han.test(text)).toBe(true);
    expect(Object.keys(PROPOSITION_GROUPS_ZH_HANT).sort()).toEqual(
      [...new Set(Object.keys(PROPOSITIONS).map((id) => id[0]))].sort(),
    );
    expect(Object.keys(TERM_LABELS_ZH_HANT).sort()).toEqual(BUILTIN_TERMS.map((t) => t.id).sort());
  });
});

describe('the language rule', () => {
  it('names Traditional Chinese by script or by region', () => {
    for (const l of ['zh_TW.UTF-8', 'zh_HK', 'zh_MO.UTF-8', 'zh-Hant', 'zh-Hant-TW', 'zh_TW@euro', 'ZH_tw'])
      expect(isTraditionalChineseLocale(l), l).toBe(true);
    for (const l of ['zh_CN.UTF-8', 'zh-Hans', 'zh_SG', 'en_US.UTF-8', 'C', 'POSIX', '', 'tw_ZH'])
      expect(isTraditionalChineseLocale(l), l).toBe(false);
  });

  it('reads LC_ALL, then LC_MESSAGES, then LANG, skipping empty ones', () => {
    expect(languageFromEnv({ LANG: 'zh_TW.UTF-8' })).toBe('zh-Hant');
    expect(languageFromEnv({ LC_ALL: 'C', LANG: 'zh_TW.UTF-8' })).toBe('en');
    expect(languageFromEnv({ LC_ALL: '', LC_MESSAGES: 'zh_HK', LANG: 'en_US' })).toBe('zh-Hant');
    expect(languageFromEnv({ LC_MESSAGES: 'en_GB', LANG: 'zh_TW' })).toBe('en');
    expect(languageFromEnv({})).toBe('en');
  });

  it('parses --lang values in any case, with _ or -', () => {
    expect(parseLanguage('zh-Hant')).toBe('zh-Hant');
    expect(parseLanguage('ZH_HANT')).toBe('zh-Hant');
    expect(parseLanguage('EN')).toBe('en');
    expect(parseLanguage('zh-Hans')).toBeUndefined();
    expect(parseLanguage('fr')).toBeUndefined();
  });
});

describe('state names from the platform', () => {
  it('the code table is one-to-one and every alpha-2 code is a region the platform knows', () => {
    const codes = alpha3Codes();
    expect(codes.length).toBeGreaterThanOrEqual(249);
    expect(new Set(codes.map(alpha2Of)).size).toBe(codes.length);
    for (const a3 of codes) {
      expect(a3, a3).toMatch(/^[A-Z]{3}$/);
      expect(alpha2Of(a3), a3).toMatch(/^[A-Z]{2}$/);
      expect(regionName(alpha2Of(a3)!, 'en'), a3).toBeTruthy();
    }
  });

  it('gives Traditional Chinese names, and the roster English name where it has no code', () => {
    expect(stateName({ id: 'USA', name: 'United States' }, 'zh-Hant')).toBe('美國');
    expect(stateName({ id: 'CHN', name: 'China' }, 'zh-Hant')).toBe('中國');
    expect(stateName({ id: 'DEU', name: 'Germany' }, 'zh-Hant')).toBe('德國');
    expect(stateName({ id: 'USA', name: 'United States' }, 'en')).toBe('United States');
    expect(stateName({ id: 'BLU', name: 'Blue' }, 'zh-Hant')).toBe('Blue');
    expect(stateName({ id: 'S01', name: 'Threshold 0' }, 'zh-Hant')).toBe('Threshold 0');
  });
});
