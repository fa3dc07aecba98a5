/**
 * Handouts in Traditional Chinese (`--lang zh-Hant`): the HTML says its
 * language and asks for CJK fonts, every heading is in Chinese with its
 * technical name beside it, states carry their names from the platform's
 * locale data, and the numbers are those of the English handout.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../cli/run-cli.js';

const BASE = path.join(ROOT, 'scenarios', 'a-coruna-2026.yaml');
const FULL = path.join(ROOT, 'scenarios', 'what-if', 'full-prescription.yaml');
const dir = mkdtempSync(path.join(os.tmpdir(), 'signatory-handout-lang-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function handout(lang: string, format: 'html' | 'md', ...more: string[]): Promise<string> {
  const out = path.join(dir, `${lang}-${more.length}.${format}`);
  const r = await cli(['--lang', lang, 'report', BASE, '--format', format, '--out', out, ...more]);
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(out, 'utf8');
}

/** The decimal numbers of a document, in order (counts and ids aside). */
const decimals = (s: string) => s.match(/[-+]?\d+\.\d+/g) ?? [];

describe('a handout in Traditional Chinese', () => {
  it('HTML: lang="zh-Hant", a CJK font stack, Chinese headings with the technical names beside', async () => {
    const zh = await handout('zh-Hant', 'html', '--compare', FULL);
    const en = await handout('en', 'html', '--compare', FULL);
    expect(zh).toContain('<html lang="zh-Hant">');
    expect(en).toContain('<html lang="en">');
    expect(zh).toMatch(/font: 15px\/1\.45 "Noto Sans CJK TC", "Noto Sans TC", "PingFang TC", "Microsoft JhengHei"/);
    expect(zh).toContain('<h2>有多少國家簽署 <span class="technical">（簽署數）</span></h2>');
    expect(zh).toContain('為什麼美國（USA）不簽');
    expect(zh).toContain('為什麼中國（CHN）不簽');
    expect(zh).toContain('誰加入');
    expect(zh).toContain('每種簽署國數的機率（QRE 簽署數分布）');
    // Every heading has Chinese in it.
    for (const [, text] of zh.matchAll(/<h[23]>(.*?)<\/h[23]>/g)) expect(text, text).toMatch(/\p{Script=Han}/u);
    expect(decimals(zh.replace(/<style>[\s\S]*?<\/style>/, ''))).toEqual(
      decimals(en.replace(/<style>[\s\S]*?<\/style>/, '')),
    );
  });

  it('Markdown: the same content, fullwidth brackets around the technical names', async () => {
    const zh = await handout('zh-Hant', 'md');
    expect(zh).toContain('## 有多少國家簽署 （簽署數）');
    expect(zh).toContain('| 從沒有人簽開始，各國一波一波加入（最小純策略納許均衡） | 85 國中的 35 國 |');
    expect(zh).toContain('亞美尼亞 (ARM)');
    expect(zh).toContain('- **最小均衡** （最小純策略納許均衡）：');
  });

  it('the worksheet and its answer key: Chinese questions, commands that ask for Chinese, the same answers', async () => {
    const out = path.join(dir, 'ws.md');
    const r = await cli(['--lang', 'zh-Hant', 'report', '--worksheet', '--format', 'md', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const sheet = readFileSync(out, 'utf8');
    const key = readFileSync(path.join(dir, 'ws-answers.md'), 'utf8');
    expect(sheet).toContain('# 誰簽署？為什麼？學習單');
    expect(sheet).toContain('| 基準情境中有多少國家簽署（最小均衡）？ |   |   |');
    expect(sheet).toContain('| npx signatory --lang zh-Hant run scenarios/a-coruna-2026.yaml --rounds |');
    expect(key).toContain('| 基準情境中有多少國家簽署（最小均衡）？ | 85 國中的 35 國 |');
    const enOut = path.join(dir, 'ws-en.md');
    expect((await cli(['report', '--worksheet', '--format', 'md', '--out', enOut])).status).toBe(0);
    expect(decimals(key)).toEqual(decimals(readFileSync(path.join(dir, 'ws-en-answers.md'), 'utf8')));
  });
});
