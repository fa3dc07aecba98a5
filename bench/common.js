/**
 * What the sweep benchmarks share: the project root, imports from the
 * compiled dist/, command-line options, and the median and number format
 * of their figures.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Imports a module of the compiled dist/ (run `npm run build` first). */
export const dist = (p) => import(path.join(root, 'dist', p));
export const args = process.argv.slice(2);
export const quick = args.includes('--quick');
/** The value after `--name` on the command line, or `fallback`. */
export const option = (name, fallback) => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : fallback;
};
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const fmt = (x) => Math.round(x).toLocaleString('en-US');

/** The pids of a process and all its descendants (from /proc/PID/task/TID/children). */
function processTree(pid) {
  const tree = [pid];
  for (let k = 0; k < tree.length; k++) {
    const tids = (() => {
      try {
        return readdirSync(`/proc/${tree[k]}/task`);
      } catch {
        return []; // exited meanwhile
      }
    })();
    for (const tid of tids) {
      try {
        const children = readFileSync(`/proc/${tree[k]}/task/${tid}/children`, 'utf8').trim();
        if (children) tree.push(...children.split(/\s+/).map(Number));
      } catch {
        // a thread gone meanwhile
      }
    }
  }
  return tree;
}

/** Resident memory of a process in bytes, 0 once it has exited; `field` VmRSS (now) or VmHWM (its peak). */
function residentBytes(pid, field) {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs the CLI (`node dist/cli/main.js ARGS`) as a process and resolves with
 * its wall time and peak resident memory, polled from /proc every 20 ms: the
 * larger of the main process's own peak (VmHWM) and the most its process
 * tree (the sweep's worker processes included) held at once (Σ VmRSS).
 * `build` is the folder whose dist/ runs (this one by default; another
 * release's, built in a folder of its own, for a before/after comparison).
 * Rejects when it exits non-zero.
 */
export function runMeasured(args, build = root) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [path.join(build, 'dist', 'cli', 'main.js'), ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CI: '1' },
    });
    let peak = 0;
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const poll = setInterval(() => {
      const tree = processTree(child.pid);
      const held = tree.reduce((sum, pid) => sum + residentBytes(pid, 'VmRSS'), 0);
      peak = Math.max(peak, held, residentBytes(child.pid, 'VmHWM'));
    }, 20);
    child.on('close', (code) => {
      clearInterval(poll);
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited with ${code}: ${stderr}`));
      resolve({ seconds: (performance.now() - start) / 1000, peak });
    });
  });
}

/**
 * Prints the header of a benchmark: its title with Node, CPU model and cores, the load average at
 * start, and the machine's speed to read the figures by: one dependent multiply-add pass over 85
 * doubles (one pass over the baseline's states) takes about 0.1 µs on a 3 GHz desktop core.
 */
export function printMachine(title) {
  console.log(`${title} · node ${process.version} · ${os.cpus()[0]?.model ?? 'cpu'} × ${os.availableParallelism()}`);
  console.log(
    `load average at start: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  const xs = Float64Array.from({ length: 85 }, (_, i) => i / 85);
  let acc = 0;
  const start = performance.now();
  for (let r = 0; r < 1e6; r++) for (let i = 0; i < 85; i++) acc += xs[i] * 1.0001;
  console.log(
    `machine: one dependent 85-element multiply-add pass ${(((performance.now() - start) / 1e6) * 1000).toFixed(2)} µs${acc > 0 ? '' : ' '}\n`,
  );
}
