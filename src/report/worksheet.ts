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
import { parameterLabel } from '../app/glossary.js';
import { currentLanguage } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
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

const verdict = (signs: boolean): string => t(signs ? 'explain.signs' : 'explain.abstains');
const signsIn = (run: RunResult, id: string): boolean => run.states.find((s) => s.id === id)?.signs ?? false;
const yesNo = (x: boolean): string => t(x ? 'ws.yes' : 'ws.no');
const list = (ids: readonly string[]): string => (ids.length ? ids.join(', ') : t('handout.none'));

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
  const least = (r: RunResult) => t('handout.of', { k: r.equilibria.least.signed, n: r.scenario.states.length });
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
    t('ws.greatPowers', { usa: verdict(signsIn(r, 'USA')), chn: verdict(signsIn(r, 'CHN')) });
  const seekAnswer = (s: typeof toMajority): string => {
    if (s.status === 'met') return t('ws.met');
    if (s.status === 'infeasible')
      return t('ws.infeasible', { missing: list(s.missing), best: s.run.equilibria.least.signed, n });
    const changes = s.changes.map((c) => `${parameterLabel(c.path, c.label)} ${fixed(c.from, 2)} → ${fixed(c.to, 2)}`);
    return t('ws.changes', { list: changes.join(', '), distance: fixed(s.distance, 3) });
  };

  return [
    {
      title: t('ws.e1.title'),
      intro: t('ws.e1.intro'),
      commands: [
        `npx signatory compare ${BASE} ${WHAT_IF('verification')}`,
        `npx signatory explain ${BASE} CHN`,
        `npx signatory seek ${BASE} --target 'CHN sign'`,
      ],
      questions: [
        { prompt: t('ws.e1.q1'), answer: least(base) },
        { prompt: t('ws.e1.q2'), answer: least(verification) },
        {
          prompt: t('ws.e1.q3'),
          answer: `${yesNo(signsIn(verification, 'CHN'))} (Δ ${signed(delta(base, 'CHN'), 3)} → ${signed(delta(verification, 'CHN'), 3)})`,
        },
        { prompt: t('ws.e1.q4'), answer: list(cVerification.joined.map((j) => j.id)) },
      ],
    },
    {
      title: t('ws.e2.title'),
      intro: t('ws.e2.intro'),
      commands: [`npx signatory run ${BASE} --rounds`, `npx signatory run ${WHAT_IF('usa-signs')} --rounds`],
      questions: [
        {
          prompt: t('ws.e2.q1'),
          answer: String(cascade.rounds[0]?.ids.length ?? 0),
        },
        { prompt: t('ws.e2.q2'), answer: String(cascade.rounds.length) },
        { prompt: t('ws.e2.q3'), answer: least(usa) },
      ],
    },
    {
      title: t('ws.e3.title'),
      intro: t('ws.e3.intro'),
      commands: [
        `npx signatory compare ${BASE} ${WHAT_IF('no-race-narrative')}`,
        `npx signatory compare ${BASE} ${WHAT_IF('race-cooling')}`,
      ],
      questions: [
        { prompt: t('ws.e3.q1'), answer: least(noRace) },
        { prompt: t('ws.e3.q2'), answer: least(cooling) },
        {
          prompt: t('ws.e3.q3'),
          answer: `${greatPowers(noRace)}; ${greatPowers(cooling)}`,
        },
      ],
    },
    {
      title: t('ws.e4.title'),
      intro: t('ws.e4.intro'),
      commands: [
        `npx signatory compare ${BASE} ${WHAT_IF('enforcement')}`,
        `npx signatory compare ${BASE} ${WHAT_IF('full-prescription')}`,
      ],
      questions: [
        {
          prompt: t('ws.e4.q1'),
          answer: t('ws.moreFewer', {
            which: t(
              enforcement.equilibria.least.signed > base.equilibria.least.signed
                ? 'ws.more'
                : enforcement.equilibria.least.signed < base.equilibria.least.signed
                  ? 'ws.fewer'
                  : 'ws.same',
            ),
            count: least(enforcement),
          }),
        },
        { prompt: t('ws.e4.q2'), answer: list(cEnforcement.left.map((l) => l.id)) },
        {
          prompt: t('ws.e4.q3'),
          answer: `${least(full)}; ${greatPowers(full)}`,
        },
      ],
    },
    {
      title: t('ws.e5.title'),
      intro: t('ws.e5.intro'),
      commands: [
        `npx signatory seek ${BASE} --target 'signed>=${majority}'`,
        `npx signatory seek ${BASE} --target 'USA,CHN sign'`,
      ],
      questions: [
        {
          prompt: t('ws.e5.q1', { k: majority, n }),
          answer: seekAnswer(toMajority),
        },
        { prompt: t('ws.e5.q2'), answer: seekAnswer(both) },
      ],
    },
  ];
}

/** The worksheet (blanks) or the answer key (answers), as document blocks. */
export function worksheetBlocks(exercises: readonly WorksheetExercise[], answers: boolean): Block[] {
  const out: Block[] = [
    { kind: 'heading', level: 1, text: t(answers ? 'ws.titleAnswers' : 'ws.title') },
    {
      kind: 'paragraph',
      text: t(answers ? 'ws.introAnswers' : 'ws.intro'),
    },
  ];
  for (const e of exercises) {
    out.push({ kind: 'heading', level: 2, text: e.title });
    out.push({ kind: 'paragraph', text: e.intro });
    // In another language the commands ask for it too, so what students see matches the sheet.
    const lang = currentLanguage();
    const command = (c: string) => (lang === 'en' ? c : c.replace(/^npx signatory /, `npx signatory --lang ${lang} `));
    out.push({ kind: 'table', head: [t('ws.run')], rows: e.commands.map((c) => [command(c)]) });
    out.push({
      kind: 'table',
      head: [t('ws.question'), t(answers ? 'ws.model' : 'ws.prediction'), ...(answers ? [] : [t('ws.modelGives')])],
      rows: e.questions.map((q) => [q.prompt, ...(answers ? [q.answer] : ['', ''])]),
      blanks: !answers,
    });
  }
  return out;
}
