/**
 * The real binary (`node dist/cli/main.js`, built by test/global-setup.ts):
 * off a terminal it prints the plain report; in a pseudo-terminal under
 * tmux it draws the explorer, answers keys and gives the terminal back on q.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/analysis/run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { BIN as CLI } from '../cli/run-cli.js';
import { BASELINE, ROOT, tallyText, TWENTY, waitFor } from './helpers.js';

describe('off a terminal', () => {
  it('`signatory` with piped stdin and stdout prints the plain report of the baseline and exits 0', () => {
    const out = spawnSync(process.execPath, [CLI], { cwd: ROOT, input: '', encoding: 'utf8', timeout: 60_000 });
    expect(out.status).toBe(0);
    const run = runScenario(loadScenario(BASELINE));
    expect(out.stdout).toContain(run.scenario.name);
    expect(out.stdout).toMatch(tallyText(run.equilibria.least.signed, 85));
    expect(out.stdout).not.toContain('\u001b[?1049h');
  });

  it("`signatory tui FILE` off a terminal prints that file's plain report", () => {
    const out = spawnSync(process.execPath, [CLI, 'tui', TWENTY], {
      cwd: ROOT,
      input: '',
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('TUI test twenty');
    expect(out.stdout).toMatch(/\d+ sign · \d+ abstain \(of 20\)/);
  });

  it('`signatory tui --help` explains the command', () => {
    const out = spawnSync(process.execPath, [CLI, 'tui', '--help'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/Usage: signatory tui \[FILE\]/);
  });
});

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
// A private tmux server, so the test never touches a user's sessions.
const SOCKET = `signatory-test-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });

// Without tmux these tests fail (.ci/run installs it); SIGNATORY_NO_TMUX=1 skips them knowingly.
describe.skipIf(process.env.SIGNATORY_NO_TMUX === '1')('in a pseudo-terminal (tmux)', () => {
  it('has tmux to run in (apt-get install tmux)', () => {
    expect(hasTmux, 'tmux is not installed: apt-get install tmux, or SIGNATORY_NO_TMUX=1').toBe(true);
  });

  afterAll(() => {
    spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  });

  it('draws the baseline, moves the tally on a key, and quits on q with the terminal restored', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'signatory-tmux-'));
    const exitFile = path.join(dir, 'exit-code');
    const sttyFile = path.join(dir, 'stty');
    const session = 'tui';
    // Ink draws nothing but the last frame when it believes it runs in CI: this terminal is a real one.
    // After the UI: the tty's modes, then keep the pane open so the screen it left behind can be read.
    const command = `cd '${ROOT}' && env -u CI -u CONTINUOUS_INTEGRATION node dist/cli/main.js tui scenarios/a-coruna-2026.yaml; echo $? > '${exitFile}'; stty -a > '${sttyFile}'; exec sleep 120`;
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '30', command);
    const capture = () => tmux('capture-pane', '-p', '-t', session);
    const base = runScenario(loadScenario(BASELINE));
    const n = base.scenario.states.length;
    // Startup loads Node, Ink and the scenario: generous on a busy CI machine.
    const first = await waitFor(
      () => (/q quit/.test(capture()) ? capture() : undefined),
      'the explorer to start',
      60_000,
    );
    expect(first).toMatch(tallyText(base.equilibria.least.signed, n));
    expect(first).toContain('Verification');

    // Fix the United States at sign (selected at start) from the States pane.
    const fixed = runScenario({ ...base.scenario, fixed: { ...base.scenario.fixed, USA: 'sign' } });
    tmux('send-keys', '-t', session, '2');
    await waitFor(() => capture().includes('by Δ largest first'), 'the States pane', 20_000);
    tmux('send-keys', '-t', session, 'f');
    const after = await waitFor(
      () => (tallyText(fixed.equilibria.least.signed, n).test(capture()) ? capture() : undefined),
      () => `the tally with USA held at sign (${fixed.equilibria.least.signed})\n${capture()}`,
      20_000,
    );
    expect(after).toMatch(/USA\s+United States\s+✓ sign\*/);

    // A slider: verification up by 0.1.
    tmux('send-keys', '-t', session, '1');
    tmux('send-keys', '-t', session, 'Right');
    await waitFor(() => /Verification .*\* was/.test(capture()), 'the verification slider to move', 20_000);

    // A text field takes a burst of keys: five Backspaces sent together delete five characters.
    tmux('send-keys', '-t', session, 'w');
    const asked = await waitFor(
      () => /Save what-if as: (\S+)/.exec(capture())?.[1],
      () => `the save prompt\n${capture()}`,
      20_000,
    );
    tmux('send-keys', '-t', session, 'BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace');
    await waitFor(
      () => capture().includes(`Save what-if as: ${asked.slice(0, -5)} `),
      () => `the file name to lose five characters (${asked})\n${capture()}`,
      20_000,
    );
    tmux('send-keys', '-t', session, 'Escape');
    await waitFor(() => !capture().includes('Save what-if as'), 'the prompt to close', 20_000);

    // q with an unsaved what-if asks first; n keeps it, y quits.
    tmux('send-keys', '-t', session, 'q');
    await waitFor(
      () => capture().includes('Discard the unsaved what-if (2 changes) and quit?'),
      'the discard prompt',
      20_000,
    );
    tmux('send-keys', '-t', session, 'n');
    await waitFor(() => !capture().includes('Discard the unsaved'), 'the discard prompt to close', 20_000);
    expect(existsSync(exitFile)).toBe(false);
    tmux('send-keys', '-t', session, 'q');
    await waitFor(() => capture().includes('Discard the unsaved what-if'), 'the discard prompt again', 20_000);
    tmux('send-keys', '-t', session, 'y');
    await waitFor(() => existsSync(exitFile), 'the binary to exit', 20_000);
    expect(readFileSync(exitFile, 'utf8').trim()).toBe('0');
    // The terminal is back as it was: cooked mode with echo, and the alternate screen gone.
    // Wait for the whole listing: the file exists, empty, before stty writes to it.
    const stty = await waitFor(
      () =>
        existsSync(sttyFile) && /icanon/.test(readFileSync(sttyFile, 'utf8'))
          ? readFileSync(sttyFile, 'utf8')
          : undefined,
      'the tty modes after quitting',
      20_000,
    );
    expect(stty).toMatch(/(^|\s)icanon\b/);
    expect(stty).toMatch(/(^|\s)echo\b/);
    expect(capture()).not.toContain('q quit');
  }, 120_000);
});
