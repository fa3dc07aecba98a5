#!/usr/bin/env node
/**
 * The loader's worst cases (`node bench/hostile-files.js`, after `npm run
 * build`; never part of `npm test`): builds hostile scenario files of up to
 * 4 MiB and runs `signatory run FILE` on each in a child process, printing
 * the wall time of the process and of the command itself, the CPU time of
 * the process (user + system: what a loaded machine does not inflate), its
 * peak RSS (the child's own maxRSS) and how it ended. The bound to meet:
 * each loads or is refused in under 2 s and under 300 MB.
 *   alias 40k / 80k / 4 MiB  aliases to many anchors (63 per anchor)
 *   flow 2M                  a flow list of 2,000,000 items (4 MB)
 *   block 1M                 a block list of 1,000,000 items (4 MB)
 *   63 aliases to a huge list
 *   flow / block just under the value bound, 1,000 aliases under the expanded bound (the largest accepted)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { root } from './common.js';

const MIB4 = 4 * 1024 * 1024;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'signatory-hostile-'));

function aliases(n) {
  const anchors = Math.ceil(n / 63);
  const lines = ['name: x', 'sources:'];
  for (let i = 0; i < anchors; i++) lines.push(`  - &a${i} ${i}`);
  for (let k = 0; k < n; k++) lines.push(`  - *a${k % anchors}`);
  return lines.join('\n') + '\n';
}
/** The most aliases that fit in 4 MiB. */
function aliasesFilling() {
  let n = 380_000;
  let text = aliases(n);
  while (Buffer.byteLength(text) > MIB4) text = aliases((n -= 10_000));
  return text;
}
const list = (n) => Array(n).fill('1').join(',');

const cases = [
  ['alias 40k', () => aliases(40_000)],
  ['alias 80k', () => aliases(80_000)],
  ['alias 4 MiB', aliasesFilling],
  ['flow 2M', () => `name: x\nsources: [${list(2_000_000)}]\n`],
  ['block 1M', () => `name: x\nsources:\n${'- 1\n'.repeat(1_000_000)}`],
  ['63 aliases to a huge list', () => `name: x\nsources: [&big [${list(1_990_000)}]${', *big'.repeat(63)}]\n`],
  ['flow under the bound', () => `name: x\nsources: [${list(49_990)}]\n`],
  ['block under the bound', () => `name: x\nsources:\n${'- 1\n'.repeat(49_990)}`],
  [
    '1,000 aliases under the expanded bound',
    () =>
      [
        'name: x',
        'sources:',
        ...Array.from({ length: 16 }, (_, i) => `  - &a${i} [${list(90)}]`),
        ...Array.from({ length: 1000 }, (_, k) => `  - *a${k % 16}`),
      ].join('\n') + '\n',
  ],
];

// The child loads the CLI in-process and reports its own time and peak memory.
const child = `
const { main } = await import(${JSON.stringify(path.join(root, 'dist', 'cli', 'main.js'))});
const { Writable, Readable } = await import('node:stream');
let err = '';
const sink = new Writable({ write(c, e, d) { d(); } });
const errs = new Writable({ write(c, e, d) { err += c; d(); } });
const start = performance.now();
const code = await main(['run', process.argv[1]], { stdout: sink, stderr: errs, stdin: Readable.from([]), cwd: process.cwd(), env: {} });
const ms = performance.now() - start;
const usage = process.resourceUsage();
const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
console.log(JSON.stringify({ code, ms, cpuMs, maxRssKb: usage.maxRSS, err: err.slice(0, 140) }));
`;

console.log(`signatory loader worst cases · node ${process.version} · load average ${os.loadavg()[0].toFixed(2)}`);
console.log(
  'file                                    size      process   load     CPU       peak RSS  exit  first words',
);
for (const [name, make] of cases) {
  const file = path.join(tmp, `${name.replace(/\W+/g, '-')}.yaml`);
  writeFileSync(file, make());
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', child, file], {
    encoding: 'utf8',
    timeout: 120_000,
    // Every run parses: a file accepted once would be read from the parse cache the next time.
    env: { ...process.env, SIGNATORY_CACHE: 'off' },
  });
  const wall = performance.now() - start;
  let out;
  try {
    out = JSON.parse(r.stdout.trim().split('\n').pop());
  } catch {
    out = {
      code: r.signal ?? r.status,
      ms: NaN,
      cpuMs: NaN,
      maxRssKb: NaN,
      err: (r.stderr || 'no report').slice(0, 140),
    };
  }
  console.log(
    `${name.padEnd(38)} ${(statSync(file).size / 1e6).toFixed(2).padStart(5)} MB ${(wall / 1000).toFixed(2).padStart(6)} s ${(out.ms / 1000).toFixed(2).padStart(6)} s ${(out.cpuMs / 1000).toFixed(2).padStart(6)} s ${(out.maxRssKb / 1024).toFixed(0).padStart(7)} MB ${String(out.code).padStart(5)}  ${out.err
      .replace(file, 'FILE')
      .replace(/^signatory: FILE: /, '')
      .slice(0, 70)}`,
  );
}
rmSync(tmp, { recursive: true, force: true });
