/**
 * The explorer in Traditional Chinese (the language the CLI chooses, set
 * here as main sets it): pane titles, tabs, tally headlines, key hints, the
 * help with its glossary and the prompts, all within 80×24 counted in
 * display columns (a Chinese character takes two).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/i18n/language.js';
import { loadScenario } from '../../src/scenario/load.js';
import type { Scenario } from '../../src/model/scenario.js';
import { keyHelp } from '../../src/tui/components/HelpPane.js';
import { App } from '../../src/tui/App.js';
import { BASELINE, KEYS, press, SCENARIOS, screen, waitForText } from './helpers.js';

let baseline: Scenario;
beforeAll(() => {
  baseline = loadScenario(BASELINE);
  setLanguage('zh-Hant');
});
afterAll(() => setLanguage('en'));
afterEach(() => cleanup());

function open(size = { columns: 80, rows: 24 }) {
  const cwd = mkdtempSync(path.join(tmpdir(), 'signatory-tui-zh-'));
  return render(<App scenario={baseline} cwd={cwd} scenariosDir={SCENARIOS} size={size} />);
}

/** Every line of a frame fits `columns` display columns. */
function fits(frame: string, columns = 80): void {
  for (const line of frame.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(columns);
}

describe('the explorer in Traditional Chinese', () => {
  it('the first frame: tally headlines, tabs, the parameters pane title and its key hints, within 80 columns', () => {
    const frame = screen(open());
    expect(frame).toContain('35 國簽署 · 50 國不簽');
    expect(frame).toContain('逐輪加入');
    expect(frame).toContain('預期 40.0 國（QRE λ 4.0）· 90% [36, 44] · 過半數 P(≥ 43) 16.9%');
    expect(frame).toContain(' 1 參數 ');
    expect(frame).toContain(' 6 時間軸 ');
    expect(frame).toContain('文本怎麼寫（參數）');
    expect(frame).toContain('查證');
    expect(frame).toContain('↑↓ 滑桿');
    expect(frame).toContain('? 按鍵 · q 離開');
    expect(frame.split('\n').length).toBeLessThanOrEqual(24);
    fits(frame);
  });

  it('the states pane: Chinese state names from the platform, decisions and its title', async () => {
    const r = open();
    await press(r, '2');
    const frame = await waitForText(r, '誰簽署（國家）');
    expect(frame).toMatch(/USA\s+美國\s+· 不簽/);
    expect(frame).toContain('依 Δ 由大到小');
    fits(frame);
    // Fixing the United States at sign: the status line says what changed, in Chinese.
    await press(r, 'f');
    fits(await waitForText(r, /簽署數 35 → 40 · ▲ 改為簽署：/));
  });

  it('the Why pane: title, verdict, the settings that would flip it and the seek panel in Chinese', async () => {
    const r = open();
    await press(r, '3');
    const frame = await waitForText(r, '為什麼這樣決定（逐項 Δ）');
    expect(frame).toMatch(/USA 美國 不簽 · Δ -3\.249 · 簽署機率/);
    fits(await waitForText(r, /查證\s+0\.00 不會改變（不簽）/));
    await press(r, 'k');
    fits(await waitForText(r, '讓 USA 簽署的最小修改（seek）'));
    await press(r, KEYS.escape);
  });

  it('the cascade, blocs and timeline panes have Chinese titles', async () => {
    const r = open();
    await press(r, '4');
    fits(await waitForText(r, '簽署如何擴散（連鎖）'));
    await press(r, '5');
    fits(await waitForText(r, '依集團看誰簽署（集團）'));
    await press(r, '6');
    const timeline = await waitForText(r, '隨時間的事件（時間軸）');
    expect(timeline).toContain('事件日期');
    expect(timeline).toMatch(/這個情境沒有日期|日期 \d{4}-\d{2}-\d{2}/);
    fits(timeline);
  });

  it('the help: every key in Chinese, the glossary in Chinese, wrapped to the width', async () => {
    for (const [, what] of keyHelp()) expect(14 + stringWidth(what), what).toBeLessThanOrEqual(79);
    const r = open();
    await press(r, '?');
    const frame = await waitForText(r, ' 按鍵 ');
    expect(frame).toContain('固定所選國家：放開 → 簽署 → 不簽 → 放開');
    fits(frame);
    cleanup();
    // A taller screen shows the start of the glossary without scrolling.
    const tall = open({ columns: 80, rows: 60 });
    await press(tall, '?');
    const seen = await waitForText(tall, '最小均衡 — 最小純策略納許均衡');
    fits(seen);
    expect(seen).toContain('最小均衡 — 最小純策略納許均衡');
  });

  it('prompts: save and find in Chinese', async () => {
    const r = open();
    await press(r, 'w');
    fits(await waitForText(r, '假設情境另存為：'));
    await press(r, KEYS.escape);
    await press(r, '2');
    await press(r, '/');
    fits(await waitForText(r, '搜尋國家：'));
  });
});
