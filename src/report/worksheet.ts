/**
 * The worksheet: the five exercises of docs/teaching.md, each with its
 * question, the commands to run and blanks for the students' predictions;
 * the answer key, a separate document, fills the blanks with what the model
 * gives. Answers come from the analysis modules (run, cascade, compare,
 * seek) on the scenarios shipped with signatory, never typed by hand.
 */
import { cascadeOf } from '../analysis/cascade.js';
import { compareRuns } from '../analysis/compare.js';
import { explainState } from '../analysis/explain.js';
import { majorityOf, runScenario, type RunResult } from '../analysis/run.js';
import { parseTarget, seek } from '../analysis/seek.js';
import type { Scenario } from '../model/scenario.js';
import { fixed, signed } from './format.js';
import type { Block } from './handout-content.js';

export interface WorksheetQuestion {
  prompt: string;
  answer: string;
}

export interface WorksheetExercise {
  title: string;
  intro: string;
  /** What to type, from the repository's folder. */
  commands: string[];
  questions: WorksheetQuestion[];
}

const BASE = 'scenarios/a-coruna-2026.yaml';
const WHAT_IF = (name: string) => `scenarios/what-if/${name}.yaml`;

const signsIn = (run: RunResult, id: string): boolean => run.states.find((s) => s.id === id)?.signs ?? false;
const yesNo = (x: boolean): string => (x ? 'yes' : 'no');
const list = (ids: readonly string[]): string => (ids.length ? ids.join(', ') : 'none');

/**
 * The five exercises with their answers.
 * @param load reads a scenario by its path relative to the package (`scenarios/…`)
 */
export function worksheetExercises(load: (file: string) => Scenario): WorksheetExercise[] {
  const runs = new Map<string, RunResult>();
  const run = (file: string): RunResult => {
    let r = runs.get(file);
    if (!r) runs.set(file, (r = runScenario(load(file))));
    return r;
  };
  const base = run(BASE);
  const n = base.scenario.states.length;
  const least = (r: RunResult) => `${r.equilibria.least.signed} of ${r.scenario.states.length}`;
  const delta = (r: RunResult, id: string) => explainState(r, id, false).delta;

  const verification = run(WHAT_IF('verification'));
  const cVerification = compareRuns(base, verification);
  const cascade = cascadeOf(base);
  const usa = run(WHAT_IF('usa-signs'));
  const noRace = run(WHAT_IF('no-race-narrative'));
  const cooling = run(WHAT_IF('race-cooling'));
  const enforcement = run(WHAT_IF('enforcement'));
  const cEnforcement = compareRuns(base, enforcement);
  const full = run(WHAT_IF('full-prescription'));
  const majority = majorityOf(n);
  const toMajority = seek(base.scenario, parseTarget(`signed>=${majority}`));
  const both = seek(base.scenario, parseTarget('USA,CHN sign'));
  const greatPowers = (r: RunResult) =>
    `United States ${signsIn(r, 'USA') ? 'signs' : 'abstains'}, China ${signsIn(r, 'CHN') ? 'signs' : 'abstains'}`;
  const seekAnswer = (s: typeof toMajority): string => {
    if (s.status === 'met') return 'already met';
    if (s.status === 'infeasible')
      return `no setting of the text reaches it (still missing: ${list(s.missing)}; at best ${s.run.equilibria.least.signed} of ${n} sign)`;
    return `${s.changes.map((c) => `${c.label} ${fixed(c.from, 2)} → ${fixed(c.to, 2)}`).join(', ')} (L1 distance ${fixed(s.distance, 3)})`;
  };

  return [
    {
      title: 'Exercise 1 — Would verification alone bring China in? (A3, C1)',
      intro:
        'China asks for governance that is measurable, auditable and accountable (C1); without verification, ' +
        "others' signatures give little assurance (A3). Add a verification regime and nothing else.",
      commands: [
        `npx signatory compare ${BASE} ${WHAT_IF('verification')}`,
        `npx signatory explain ${BASE} CHN`,
        `npx signatory seek ${BASE} --target 'CHN sign'`,
      ],
      questions: [
        { prompt: 'How many states sign in the baseline (least equilibrium)?', answer: least(base) },
        { prompt: 'Predict: how many sign with verification added?', answer: least(verification) },
        {
          prompt: 'Predict: does China sign with verification?',
          answer: `${yesNo(signsIn(verification, 'CHN'))} (Δ ${signed(delta(base, 'CHN'), 3)} → ${signed(delta(verification, 'CHN'), 3)})`,
        },
        { prompt: 'Which states join?', answer: list(cVerification.joined.map((j) => j.id)) },
      ],
    },
    {
      title: 'Exercise 2 — Why does a small state not sign first? (A5)',
      intro:
        'A small state that signs first while the great powers wait pays a security cost. In the model the cost ' +
        'of signing falls as others sign; the cascade shows it.',
      commands: [`npx signatory run ${BASE} --rounds`, `npx signatory run ${WHAT_IF('usa-signs')} --rounds`],
      questions: [
        {
          prompt: 'How many states sign in round 1, where signing pays even alone?',
          answer: String(cascade.rounds[0]?.ids.length ?? 0),
        },
        { prompt: 'How many rounds does the cascade take?', answer: String(cascade.rounds.length) },
        { prompt: 'Predict: how many sign if the United States is held at sign?', answer: least(usa) },
      ],
    },
    {
      title: 'Exercise 3 — What does the race narrative change? (M1, U1, U5)',
      intro:
        "A tech executive's public warning raised race anxiety (M1). Compare removing the narrative with cooling the race itself.",
      commands: [
        `npx signatory compare ${BASE} ${WHAT_IF('no-race-narrative')}`,
        `npx signatory compare ${BASE} ${WHAT_IF('race-cooling')}`,
      ],
      questions: [
        { prompt: 'Predict: how many sign without the race narrative?', answer: least(noRace) },
        { prompt: 'Predict: how many sign with the race cooled?', answer: least(cooling) },
        {
          prompt: 'Does either bring in the United States or China?',
          answer: `${greatPowers(noRace)}; ${greatPowers(cooling)}`,
        },
      ],
    },
    {
      title: 'Exercise 4 — Would teeth help? (A6)',
      intro: 'The declaration has no compliance mechanism (A6). Add penalties for breach.',
      commands: [
        `npx signatory compare ${BASE} ${WHAT_IF('enforcement')}`,
        `npx signatory compare ${BASE} ${WHAT_IF('full-prescription')}`,
      ],
      questions: [
        {
          prompt: 'Predict: with penalties for breach, do more or fewer states sign? How many?',
          answer: `${enforcement.equilibria.least.signed > base.equilibria.least.signed ? 'more' : enforcement.equilibria.least.signed < base.equilibria.least.signed ? 'fewer' : 'the same'}: ${least(enforcement)}`,
        },
        { prompt: 'Which states leave?', answer: list(cEnforcement.left.map((l) => l.id)) },
        {
          prompt:
            'Predict: how many sign with the full prescription (R1), enforcement with verification and the other clauses?',
          answer: `${least(full)}; ${greatPowers(full)}`,
        },
      ],
    },
    {
      title: 'Exercise 5 — What would it take to reach a majority, or both great powers? (R1)',
      intro: 'The inverse question: the smallest change to the text whose least equilibrium meets a target.',
      commands: [
        `npx signatory seek ${BASE} --target 'signed>=${majority}'`,
        `npx signatory seek ${BASE} --target 'USA,CHN sign'`,
      ],
      questions: [
        {
          prompt: `Predict: what is the smallest change that brings ${majority} of ${n} states (a majority) in?`,
          answer: seekAnswer(toMajority),
        },
        { prompt: 'Predict: can any text bring in both the United States and China?', answer: seekAnswer(both) },
      ],
    },
  ];
}

/** The worksheet (blanks) or the answer key (answers), as document blocks. */
export function worksheetBlocks(exercises: readonly WorksheetExercise[], answers: boolean): Block[] {
  const out: Block[] = [
    { kind: 'heading', level: 1, text: answers ? 'Who signs, and why? Answer key' : 'Who signs, and why? Worksheet' },
    {
      kind: 'paragraph',
      text: answers
        ? 'What the model gives for each question of the worksheet, from the scenarios shipped with signatory.'
        : 'Before running each command, write down your prediction; then run it and compare. ' +
          'The commands run from the folder of signatory after npm install.',
    },
  ];
  for (const e of exercises) {
    out.push({ kind: 'heading', level: 2, text: e.title });
    out.push({ kind: 'paragraph', text: e.intro });
    out.push({ kind: 'table', head: ['run'], rows: e.commands.map((c) => [c]) });
    out.push({
      kind: 'table',
      head: ['question', answers ? 'the model' : 'your prediction', ...(answers ? [] : ['what the model gives'])],
      rows: e.questions.map((q) => [q.prompt, ...(answers ? [q.answer] : ['', ''])]),
      blanks: !answers,
    });
  }
  return out;
}
