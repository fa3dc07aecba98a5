import { findEntry, GLOSSARY, glossaryWords, localEntry } from '../../app/glossary.js';
import { glossaryToText } from '../../report/glossary-text.js';
import { closest, didYouMean } from '../../scenario/suggest.js';
import { parseCommandArgs, write, type Command } from '../command.js';
import { noExtraArguments } from '../scenario-args.js';
import { UsageError } from '../usage-error.js';

export const glossaryCommand: Command = {
  name: 'glossary',
  summary: 'what the words mean (Δ, equilibria, QRE, cascade, each payoff term), in plain language',
  help: `Usage: signatory glossary [TERM] [--json]

Defines every technical word signatory prints in two plain sentences for a
reader with no game theory, with its technical name beside it. A payoff
term's entry lists the propositions it encodes, each with its one-line
paraphrase and where it comes from. With TERM, only that entry (by its id,
its word or another name, in any case: delta, Δ, qre, lambda, cascade,
restraint …, or its Chinese word: 最小均衡). The terminal UI shows the same
glossary in its help (?). With --lang zh-Hant, in Traditional Chinese.

Options:
  --json               print JSON

Examples:
  signatory glossary
  signatory glossary qre
  signatory glossary restraint
`,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('glossary', argv, { json: { type: 'boolean' } });
    if (values.help) return (write(io, this.help), 0);
    noExtraArguments('glossary', positionals, 1);
    const word = positionals[0];
    let entries = GLOSSARY;
    if (word !== undefined) {
      const entry = findEntry(word);
      if (!entry) {
        const suggestion = closest(word, glossaryWords());
        throw new UsageError(
          `no glossary entry '${word}'${didYouMean(word, glossaryWords())} ('signatory glossary' lists them all)`,
          'glossary',
          { key: 'cli.noGlossaryEntry', params: { word }, ...(suggestion !== undefined ? { suggestion } : {}) },
        );
      }
      entries = [entry];
    }
    write(
      io,
      values.json
        ? JSON.stringify(word === undefined ? entries.map((e) => localEntry(e)) : localEntry(entries[0]), null, 2)
        : glossaryToText(entries),
    );
    return 0;
  },
};
