/**
 * The yaml library (eemeli/yaml), loaded on first use. Loading it takes a
 * noticeable share of a command's start-up (about 70 ms of Node's 0.3 s on
 * the 2-core machines the benchmarks run on), and a scenario served from the
 * parse cache (parse-cache.ts) never needs it: `run`, `sweep` and the TUI on
 * an unchanged file, and every sweep worker, start without it.
 */
import { createRequire } from 'node:module';

type YamlLibrary = typeof import('yaml');

let library: YamlLibrary | undefined;

/** The yaml library's exports (the same module an `import ... from 'yaml'` gives). */
export function yamlLibrary(): YamlLibrary {
  return (library ??= createRequire(import.meta.url)('yaml') as YamlLibrary);
}
