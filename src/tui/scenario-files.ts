/**
 * The scenario files the picker offers: every .yaml, .yml and .json under
 * the scenarios folder, recursively, except rosters (shared state lists
 * that scenarios include with `roster:`, not scenarios themselves).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Folders whose files are parts of scenarios, not scenarios. */
const SKIPPED_DIRS = new Set(['rosters', 'node_modules']);
const SCENARIO_FILE = /\.(ya?ml|json)$/i;
/** A picker is for people: stop long before a stray deep tree makes it slow. */
const MAX_FILES = 2000;

export interface ScenarioFile {
  /** Absolute path. */
  file: string;
  /** Path relative to the scenarios folder, with `/`, as the picker shows it. */
  label: string;
}

/** Scenario files under `root`, sorted by label; an unreadable or missing root gives none. */
export function listScenarioFiles(root: string): ScenarioFile[] {
  const out: ScenarioFile[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 8 || out.length >= MAX_FILES) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name)) walk(full, depth + 1);
      } else if (e.isFile() && SCENARIO_FILE.test(e.name) && out.length < MAX_FILES) {
        out.push({ file: full, label: path.relative(root, full).split(path.sep).join('/') });
      }
    }
  };
  walk(root, 0);
  return out.sort((x, y) => x.label.localeCompare(y.label));
}
