/**
 * The CLI as the tests call it.
 *
 * `cli` runs `main(argv, io)` in the test's own process, with stdout and
 * stderr captured and stdin an empty pipe: the binary's code path minus
 * Node's start-up. It loads the built dist/ (test/global-setup.ts builds it)
 * because a sweep's worker threads run dist/sweep/worker.js.
 *
 * `spawnCli` starts `node dist/cli/main.js` as a real process, for the few
 * tests that need one: signals, and the entry point itself.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CommandIo } from '../../src/cli/command.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(ROOT, 'dist', 'cli', 'main.js');

/** The locale every test starts from, whatever the machine's: English (a test sets LANG or --lang to change it). */
const ENGLISH = { LC_ALL: '', LC_MESSAGES: '', LANG: 'C' };

export interface CliResult {
  /** The exit code `main` returns. */
  status: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** The working directory the command resolves its paths against (default: the repository). */
  cwd?: string;
  /** Text on stdin. */
  input?: string;
  /** Added to the environment. */
  env?: NodeJS.ProcessEnv;
}

type Main = (typeof import('../../src/cli/main.js'))['main'];
let loaded: Promise<Main> | undefined;
const loadMain = (): Promise<Main> => (loaded ??= import(pathToFileURL(BIN).href).then((m: { main: Main }) => m.main));

/** A stream that keeps every byte written to it. */
function capture(): { stream: Writable; text(): Promise<string> } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, encoding, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
      done();
    },
  });
  const finished = new Promise<void>((resolve, reject) => stream.on('finish', resolve).on('error', reject));
  return {
    stream,
    async text() {
      stream.end();
      await finished;
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

/** Runs `signatory ARGS…` in-process and returns its exit code and output. */
export async function cli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const main = await loadMain();
  const stdout = capture();
  const stderr = capture();
  const io: CommandIo = {
    stdout: stdout.stream,
    stderr: stderr.stream,
    stdin: Readable.from(options.input ? [options.input] : []),
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', CI: '1', ...ENGLISH, ...options.env },
  };
  const status = await main(args, io);
  return { status, stdout: await stdout.text(), stderr: await stderr.text() };
}

export interface SpawnedCli {
  child: ChildProcessWithoutNullStreams;
  /** Resolves when the process has ended, with its exit code or the signal that ended it. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts `node dist/cli/main.js ARGS…` as a real process. */
export function spawnCli(
  args: string[],
  options: Omit<CliOptions, 'input'> & {
    /** In a process group of its own, as a shell runs a job. */ detached?: boolean;
  } = {},
): SpawnedCli {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    detached: options.detached ?? false,
    env: { ...process.env, NO_COLOR: '1', CI: '1', ...ENGLISH, ...options.env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.end();
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}
