import { useContext } from 'react';
import { ThemeContext, type Theme } from './theme.js';

/** The colours to draw with: the 16-colour palette, or none under NO_COLOR. */
export function useTheme(): Theme {
  return useContext(ThemeContext);
}
