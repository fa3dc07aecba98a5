/**
 * The real binary in Traditional Chinese: `node dist/cli/main.js --lang
 * zh-Hant tui` in an 80×24 pseudo-terminal under tmux. Every pane and the
 * help keep within 80 display columns (a Chinese character takes two; a
 * line that overflowed would wrap and push the screen past 24 rows), and
 * the Chinese pane titles are on screen.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, waitFor } from './helpers.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
// A private tmux server, so the test never touches a user's sessions.
const SOCKET = `signatory-test-lang-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });

// Without tmux these tests fail (.ci/run installs it); SIGNATORY_NO_TMUX=1 skips them knowingly.
describe.skipIf(process.env.SIGNATORY_NO_TMUX === '1')('in a pseudo-terminal (tmux), in Traditional Chinese', () => {
  it('has tmux to run in (apt-get install tmux)', () => {
    expect(hasTmux, 'tmux is not installed: apt-get install tmux, or SIGNATORY_NO_TMUX=1').toBe(true);
  });

  afterAll(() => {
    spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  });

  it('draws every pane and the help within 80×24 with Chinese titles, and quits on q', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'signatory-tmux-lang-'));
    const exitFile = path.join(dir, 'exit-code');
    const session = 'tui-zh';
    // Ink draws nothing but the last frame when it believes it runs in CI: this terminal is a real one.
    const command = `cd '${ROOT}' && env -u CI -u CONTINUOUS_INTEGRATION LANG=C.UTF-8 node dist/cli/main.js --lang zh-Hant tui scenarios/a-coruna-2026.yaml; echo $? > '${exitFile}'; exec sleep 120`;
    tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', command);
    const capture = () => tmux('capture-pane', '-p', '-t', session);
    /** Every row of the screen within 80 columns, and no more than 24 rows. */
    const fits = (screen: string) => {
      const rows = screen.replace(/\n$/, '').split('\n');
      expect(rows.length).toBeLessThanOrEqual(24);
      for (const row of rows) expect(stringWidth(row), row).toBeLessThanOrEqual(80);
    };
    const first = await waitFor(
      () => (capture().includes('q 離開') ? capture() : undefined),
      'the explorer to start',
      60_000,
    );
    expect(first).toContain('35 國簽署 · 50 國不簽');
    expect(first).toContain('文本怎麼寫（參數）');
    fits(first);

    const titles: [string, string][] = [
      ['2', '誰簽署（國家）'],
      ['3', '為什麼這樣決定'],
      ['4', '簽署如何擴散（連鎖）'],
      ['5', '依集團看誰簽署（集團）'],
      ['6', '隨時間的事件（時間軸）'],
    ];
    for (const [key, title] of titles) {
      tmux('send-keys', '-t', session, key);
      const screen = await waitFor(
        () => (capture().includes(title) ? capture() : undefined),
        () => `the pane titled ${title}\n${capture()}`,
        20_000,
      );
      fits(screen);
    }
    // The States pane names the states in Chinese.
    tmux('send-keys', '-t', session, '2');
    fits(await waitFor(() => (/USA\s+美國/.test(capture()) ? capture() : undefined), 'USA as 美國', 20_000));

    tmux('send-keys', '-t', session, '?');
    fits(
      await waitFor(
        () => (capture().includes('詞彙表') || capture().includes(' 按鍵 ') ? capture() : undefined),
        'the help',
        20_000,
      ),
    );
    tmux('send-keys', '-t', session, 'Escape');
    await waitFor(() => (capture().includes('q 離開') ? true : undefined), 'the help to close', 20_000);

    tmux('send-keys', '-t', session, 'q');
    await waitFor(() => existsSync(exitFile), 'the binary to exit', 20_000);
    expect(readFileSync(exitFile, 'utf8').trim()).toBe('0');
  }, 120_000);
});
