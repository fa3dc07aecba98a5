import { Text } from 'ink';
import { useTheme } from '../use-theme.js';
import { cell, shown } from '../text.js';

export interface StatusLineProps {
  /** What happened last (a flip summary, a saved file, an error). */
  message: string;
  tone: 'info' | 'error' | 'change';
  /** A line being typed (file name, search): shown instead of the message, with a cursor. */
  prompt?: { label: string; text: string; hint: string };
  width: number;
}

/** The line under the panes: the last event, or the prompt being typed. */
export function StatusLine({ message, tone, prompt, width }: StatusLineProps) {
  const theme = useTheme();
  if (prompt) {
    return (
      <Text wrap="truncate">
        <Text bold color={theme.accent}>
          {shown(prompt.label)}
        </Text>
        <Text>{shown(prompt.text)}</Text>
        <Text inverse> </Text>
        <Text color={theme.muted}> {prompt.hint}</Text>
      </Text>
    );
  }
  return (
    <Text
      wrap="truncate"
      bold={tone !== 'info'}
      color={tone === 'error' ? theme.abstain : tone === 'change' ? theme.changed : theme.muted}
    >
      {cell(`${tone === 'error' ? '! ' : ''}${message}`, width)}
    </Text>
  );
}
