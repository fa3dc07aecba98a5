/**
 * The global --lang option and the locale variables: run, glossary and
 * usage errors in Traditional Chinese, in-process; an unknown language is a
 * usage error with "did you mean".
 */
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.js';

const BASE = 'scenarios/a-coruna-2026.yaml';
const EN_ENV = { LC_ALL: '', LC_MESSAGES: '', LANG: 'C' };
const ZH_ENV = { LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_TW.UTF-8' };

describe('--lang', () => {
  it('run in Traditional Chinese: the same numbers, Chinese headlines with the technical names beside', async () => {
    const en = await cli(['run', BASE], { env: EN_ENV });
    const zh = await cli(['--lang', 'zh-Hant', 'run', BASE], { env: EN_ENV });
    expect(zh.status).toBe(0);
    expect(en.stdout).toContain('35 sign · 50 abstain (of 85)   if states join in waves (least equilibrium)');
    expect(zh.stdout).toContain('35 國簽署 · 50 國不簽（共 85 國）');
    expect(zh.stdout).toContain('（最小均衡）');
    expect(zh.stdout).toContain('（QRE，λ = 4）：40.0，90% 區間 [36, 44]');
    expect(zh.stdout).toContain('（P(≥ 43)）：16.9%');
    // Every number of the English report is in the Chinese one, in the same order.
    const numbers = (s: string) => s.match(/\d+(\.\d+)?/g) ?? [];
    expect(numbers(zh.stdout)).toEqual(numbers(en.stdout));
  });

  it('is accepted after the command too, and as --lang=VALUE, in any case', async () => {
    const a = await cli(['run', BASE, '--lang', 'zh-Hant'], { env: EN_ENV });
    const b = await cli(['run', '--lang=ZH_hant', BASE], { env: EN_ENV });
    expect(a.status).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(a.stdout).toContain('國簽署');
  });

  it('comes from LANG when not given, and --lang en wins over the locale', async () => {
    const fromEnv = await cli(['run', BASE], { env: ZH_ENV });
    expect(fromEnv.stdout).toContain('國簽署');
    const en = await cli(['--lang', 'en', 'run', BASE], { env: ZH_ENV });
    expect(en.stdout).toContain('35 sign · 50 abstain');
    expect(en.stdout).not.toMatch(/\p{Script=Han}/u);
    const lcAll = await cli(['run', BASE], { env: { ...ZH_ENV, LC_ALL: 'en_US.UTF-8' } });
    expect(lcAll.stdout).toContain('35 sign · 50 abstain');
  });

  it('an unknown language is a usage error: one line, exit 2, did you mean', async () => {
    const r = await cli(['--lang', 'zh-hnat', 'run', BASE], { env: EN_ENV });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `signatory: unknown language 'zh-hnat' (did you mean "zh-Hant"?); expected one of: en, zh-Hant (see 'signatory --help')\n`,
    );
    const missing = await cli(['run', BASE, '--lang'], { env: EN_ENV });
    expect(missing.status).toBe(2);
    expect(missing.stderr.split('\n')).toHaveLength(2);
  });

  it('usage errors in Traditional Chinese: unknown command, option, state and file, with did you mean', async () => {
    const cmd = await cli(['--lang', 'zh-Hant', 'rn'], { env: EN_ENV });
    expect(cmd.status).toBe(2);
    expect(cmd.stderr).toMatch(/^signatory：沒有「rn」這個指令（您是不是要輸入「run」？）/);
    expect(cmd.stderr).toContain('（請見「signatory --help」）');
    const opt = await cli(['run', BASE, '--round'], { env: ZH_ENV });
    expect(opt.status).toBe(2);
    expect(opt.stderr).toBe(
      'signatory：沒有「--round」這個選項（您是不是要輸入「--rounds」？）（請見「signatory run --help」）\n',
    );
    const state = await cli(['explain', BASE, 'usx'], { env: ZH_ENV });
    expect(state.status).toBe(2);
    expect(state.stderr).toMatch(/^signatory：找不到國家「usx」（您是不是要輸入「USA」？）/);
    const fix = await cli(['run', BASE, '--fix', 'usx=sign'], { env: ZH_ENV });
    expect(fix.status).toBe(2);
    expect(fix.stderr).toMatch(/^signatory：--fix：找不到國家「usx」（您是不是要輸入「USA」？）/);
    const missing = await cli(['run'], { env: ZH_ENV });
    expect(missing.stderr).toBe('signatory：缺少參數：a scenario FILE（請見「signatory run --help」）\n');
    const file = await cli(['run', 'no-such-file.yaml'], { env: ZH_ENV });
    expect(file.status).toBe(2);
    expect(file.stderr).toBe('signatory：no-such-file.yaml：找不到這個檔案（需要一個可讀取的檔案）\n');
    for (const r of [cmd, opt, state, fix, file]) expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('glossary in Traditional Chinese: every entry, within 78 display columns, found by its Chinese word', async () => {
    const { default: stringWidth } = await import('string-width');
    const zh = await cli(['glossary'], { env: ZH_ENV });
    expect(zh.status).toBe(0);
    for (const line of zh.stdout.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(78);
    expect(zh.stdout).toContain('最小均衡 — 最小純策略納許均衡');
    expect(zh.stdout).toContain('選擇帶隨機性時的預期簽署國數 — QRE（量化反應均衡）');
    expect(zh.stdout).toContain('A5［所有國家］先簽的國家要付出代價');
    const en = await cli(['glossary'], { env: EN_ENV });
    // One entry per block in both languages.
    expect(zh.stdout.split('\n\n')).toHaveLength(en.stdout.split('\n\n').length);
    const one = await cli(['--lang', 'zh-Hant', 'glossary', '最小均衡']);
    expect(one.status).toBe(0);
    expect(one.stdout.startsWith('最小均衡 — ')).toBe(true);
    const json = JSON.parse((await cli(['--lang', 'zh-Hant', 'glossary', 'qre', '--json'])).stdout);
    expect(json.term).toBe('選擇帶隨機性時的預期簽署國數');
    const near = await cli(['--lang', 'zh-Hant', 'glossary', '最小均']);
    expect(near.status).toBe(2);
    expect(near.stderr).toContain('詞彙表裡沒有「最小均」（您是不是要輸入「最小均衡」？）');
  });

  it('explain in Traditional Chinese, the state named in Chinese; the same numbers as in English', async () => {
    const en = await cli(['explain', BASE, 'USA'], { env: EN_ENV });
    const zh = await cli(['--lang', 'zh-Hant', 'explain', BASE, '美國'], { env: EN_ENV });
    expect(zh.status).toBe(0);
    expect(zh.stdout.split('\n')[0]).toBe('USA — 美國：不簽（在最小均衡下，簽署的淨利益 Δ = -3.249）');
    expect(zh.stdout).toContain('在競賽中自我約束 [U1 U5 C3 A5 A3 A1 M1]');
    expect(zh.stdout).toContain('查證');
    const numbers = (s: string) => s.match(/[-+]?\d+\.\d+/g) ?? [];
    expect(numbers(zh.stdout)).toEqual(numbers(en.stdout));
    // The Chinese name works in English too, and in --fix.
    expect((await cli(['explain', BASE, '中國'], { env: EN_ENV })).stdout).toMatch(/^CHN — China: abstains/);
    const fixed = await cli(['run', BASE, '--fix', '美國=sign'], { env: EN_ENV });
    expect(fixed.stdout).toContain('Held fixed: USA=sign');
  });

  it('compare in Traditional Chinese: headings, verdicts and the held state translated, numbers unchanged', async () => {
    const other = 'scenarios/what-if/usa-signs.yaml';
    const en = await cli(['compare', BASE, other, '--state', 'USA'], { env: EN_ENV });
    const zh = await cli(['compare', BASE, other, '--state', '美國'], { env: ZH_ENV });
    expect(zh.status).toBe(0);
    expect(zh.stdout).toMatch(/逐輪加入時（最小均衡） +35 +40 +\+5/);
    expect(zh.stdout).toContain('加入（5）');
    expect(zh.stdout).toContain('（固定為 簽署）');
    expect(zh.stdout).toContain('USA — 美國：不簽 → 簽署，Δ -3.249 → -3.228（+0.021），逐項：');
    const numbers = (s: string) => s.match(/[-+]?\d+\.\d+/g) ?? [];
    expect(numbers(zh.stdout)).toEqual(numbers(en.stdout));
  });

  it('--help documents --lang and the locale rule, in both languages', async () => {
    const en = await cli(['--help'], { env: EN_ENV });
    expect(en.stdout).toContain('--lang en or --lang zh-Hant');
    expect(en.stdout).toContain('LC_ALL, LC_MESSAGES, LANG');
    const zh = await cli(['--help'], { env: ZH_ENV });
    expect(zh.stdout).toContain('用法：signatory [--lang en|zh-Hant]');
    // Every command listed with a Chinese summary.
    const listed = zh.stdout.split('\n').filter((l) => /^ {2}[a-z]+ {2,}/.test(l));
    expect(listed.length).toBe(en.stdout.split('\n').filter((l) => /^ {2}[a-z]+ {2,}/.test(l)).length);
    for (const line of listed) expect(line, line).toMatch(/\p{Script=Han}/u);
  });
});
