/**
 * Every `signatory` command, in the order `signatory --help` lists them.
 * Each is loaded only when used, so `signatory run` never pays for the
 * terminal UI's or the sweep runner's imports.
 */
import type { Command } from '../command.js';

export interface CommandEntry {
  name: string;
  load: () => Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'run', load: async () => (await import('./run.js')).runCommand },
  { name: 'explain', load: async () => (await import('./explain.js')).explainCommand },
  { name: 'subgame', load: async () => (await import('./subgame.js')).subgameCommand },
  { name: 'calibrate', load: async () => (await import('./calibrate.js')).calibrateCommand },
  { name: 'backtest', load: async () => (await import('./backtest.js')).backtestCommand },
  { name: 'tui', load: async () => (await import('./tui.js')).tuiCommand },
  { name: 'sweep', load: async () => (await import('./sweep.js')).sweepCommand },
  { name: 'merge', load: async () => (await import('./merge.js')).mergeCommand },
  { name: 'sensitivity', load: async () => (await import('./sensitivity.js')).sensitivityCommand },
  { name: 'plot', load: async () => (await import('./plot.js')).plotCommand },
  { name: 'summary', load: async () => (await import('./summary.js')).summaryCommand },
  { name: 'compare', load: async () => (await import('./compare.js')).compareCommand },
  { name: 'seek', load: async () => (await import('./seek.js')).seekCommand },
  { name: 'report', load: async () => (await import('./report.js')).reportCommand },
  { name: 'export', load: async () => (await import('./export.js')).exportCommand },
  { name: 'glossary', load: async () => (await import('./glossary.js')).glossaryCommand },
];
