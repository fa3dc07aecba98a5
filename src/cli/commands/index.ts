/** Every `signatory` command, in the order `signatory --help` lists them. */
import type { Command } from '../command.js';
import { explainCommand } from './explain.js';
import { runCommand } from './run.js';
import { subgameCommand } from './subgame.js';

export const COMMANDS: readonly Command[] = [runCommand, explainCommand, subgameCommand];
