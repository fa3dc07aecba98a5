/**
 * No import cycles, between files or between the top-level folders of src/.
 * The layers depend one way (solve ← model ← scenario ← analysis ← calibrate,
 * sweep ← report ← tui ← cli, with random/, errors/ and app/ below whatever
 * uses them), so each folder can be read, tested and changed knowing only
 * those beneath it. The imports are read from the source text: static
 * `import … from`, `import '…'`, `export … from`, and `import('…')` with a
 * literal path, since a module loaded lazily is still a dependency.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

type Graph = Map<string, Set<string>>;

const IMPORT_PATTERNS = [
  // import x from '…', import { a, b } from '…' (across lines), import type …, export … from '…'
  /^[ \t]*(?:import|export)\s[^;'"`]*?\bfrom\s*['"]([^'"]+)['"]/gm,
  // import '…' (for its effects)
  /^[ \t]*import\s*['"]([^'"]+)['"]/gm,
  // import('…')
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** The relative module paths a source text imports. */
function importedSpecifiers(text: string): string[] {
  const found: string[] = [];
  for (const pattern of IMPORT_PATTERNS)
    for (const m of text.matchAll(pattern)) if (m[1].startsWith('.')) found.push(m[1]);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Resolves `./x.js` from `file` to the .ts or .tsx file it names, relative to src/. */
function resolveImport(file: string, specifier: string, known: ReadonlySet<string>): string {
  const base = path.join(path.dirname(file), specifier).replace(/\.js$/, '');
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')])
    if (known.has(candidate)) return candidate;
  throw new Error(`${file}: cannot resolve import '${specifier}'`);
}

function fileGraph(): Graph {
  const files = sourceFiles(SRC).map((f) => path.relative(SRC, f).split(path.sep).join('/'));
  const known = new Set(files);
  const graph: Graph = new Map();
  for (const file of files) {
    const text = readFileSync(path.join(SRC, file), 'utf8');
    graph.set(file, new Set(importedSpecifiers(text).map((s) => resolveImport(file, s, known))));
  }
  return graph;
}

const folderOf = (file: string): string => (file.includes('/') ? file.slice(0, file.indexOf('/')) : '.');

function folderGraph(files: Graph): Graph {
  const graph: Graph = new Map();
  for (const [from, targets] of files) {
    const a = folderOf(from);
    if (!graph.has(a)) graph.set(a, new Set());
    for (const to of targets) if (folderOf(to) !== a) graph.get(a)!.add(folderOf(to));
  }
  return graph;
}

/** Every cycle's members (strongly connected components of two or more nodes, or one importing itself), by Tarjan's algorithm. */
function cyclesOf(graph: Graph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.has(v)) cycles.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return cycles;
}

/** One import path around a cycle, e.g. `a → b → a`, for a readable failure. */
function describeCycle(graph: Graph, members: string[]): string {
  const inside = new Set(members);
  const start = members[0];
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!inside.has(w)) continue;
      if (w === start) {
        const route = [start];
        for (let u = v; u !== start; u = previous.get(u)!) route.splice(1, 0, u);
        return [...route, start].join(' → ');
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return members.join(', ');
}

const files = fileGraph();
const folders = folderGraph(files);

describe('the import reader', () => {
  it('reads every form of import and export, and only relative ones', () => {
    const text = [
      "import { a, type B } from './a.js';",
      "import type {\n  C,\n  D,\n} from '../c.js';",
      "import e from './e.js';",
      "import './effects.js';",
      "export { f } from './f.js';",
      "export * from './g.js';",
      "import { readFileSync } from 'node:fs';",
      "const lazy = await import('./lazy.js');",
      ' * import { not } from "./a-comment.js";',
      "const text = 'from here';",
    ].join('\n');
    expect(importedSpecifiers(text)).toEqual([
      './a.js',
      '../c.js',
      './e.js',
      './f.js',
      './g.js',
      './effects.js',
      './lazy.js',
    ]);
  });

  it('finds the imports of the real sources', () => {
    expect(files.get('cli/main.ts')).toContain('cli/commands/index.ts');
    expect(files.get('report/run-json.ts')).toContain('report/format.ts');
    expect(folders.get('cli')).toContain('tui');
  });

  it('finds a cycle, and a self-import, when there is one', () => {
    const graph: Graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a', 'd'])],
      ['d', new Set(['d'])],
      ['e', new Set(['a'])],
    ]);
    const cycles = cyclesOf(graph);
    expect(cycles).toEqual(expect.arrayContaining([['a', 'b', 'c'], ['d']]));
    expect(cycles).toHaveLength(2);
    expect(describeCycle(graph, ['a', 'b', 'c'])).toBe('a → b → c → a');
  });
});

describe('imports', () => {
  it('form no cycle between files', () => {
    expect(cyclesOf(files).map((c) => describeCycle(files, c))).toEqual([]);
  });

  it('form no cycle between the folders of src/', () => {
    expect(cyclesOf(folders).map((c) => describeCycle(folders, c))).toEqual([]);
  });

  it('keep the terminal UI independent of the command line that launches it', () => {
    const intoCli = [...files]
      .filter(([from]) => folderOf(from) === 'tui')
      .flatMap(([from, to]) => [...to].filter((t) => folderOf(t) === 'cli').map((t) => `${from} → ${t}`));
    expect(intoCli).toEqual([]);
  });

  it('keep each command to itself: commands share helpers, not each other', () => {
    const between = [...files]
      .filter(([from]) => from.startsWith('cli/commands/') && from !== 'cli/commands/index.ts')
      .flatMap(([from, to]) => [...to].filter((t) => t.startsWith('cli/commands/')).map((t) => `${from} → ${t}`));
    expect(between).toEqual([]);
  });
});
