/**
 * Colours of the terminal UI. Only the 16 named ANSI colours, so the UI
 * reads the same in a basic terminal; with NO_COLOR (https://no-color.org)
 * every colour is dropped and the UI leans on bold, inverse and text
 * markers (✓, ·, ▲, ▼) that carry the same meaning.
 */
import { createContext } from 'react';

/** An Ink colour name, or undefined for the terminal's default. */
export type Colour = 'green' | 'red' | 'yellow' | 'cyan' | 'magenta' | 'blue' | 'gray' | 'white' | undefined;

export interface Theme {
  /** False under NO_COLOR: components must not rely on colour alone. */
  colour: boolean;
  sign: Colour;
  abstain: Colour;
  /** The stretch between the least and the greatest equilibrium. */
  range: Colour;
  /** States that flipped with the last change, changed parameters. */
  changed: Colour;
  accent: Colour;
  muted: Colour;
}

const COLOURED: Theme = {
  colour: true,
  sign: 'green',
  abstain: 'red',
  range: 'yellow',
  changed: 'yellow',
  accent: 'cyan',
  muted: 'gray',
};
const PLAIN: Theme = {
  colour: false,
  sign: undefined,
  abstain: undefined,
  range: undefined,
  changed: undefined,
  accent: undefined,
  muted: undefined,
};

/** The theme for an environment: NO_COLOR set to anything but the empty string turns colour off. */
export function themeFor(env: NodeJS.ProcessEnv): Theme {
  return env.NO_COLOR !== undefined && env.NO_COLOR !== '' ? PLAIN : COLOURED;
}

export const ThemeContext = createContext<Theme>(COLOURED);
