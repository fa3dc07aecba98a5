/**
 * The `observed` outcome in both forms and the `event` key
 * (docs/scenario-format.md, "Observed outcomes"): what loads, what each
 * form means (observationOf), and that every mistake is one line naming the
 * file, the path and what was expected.
 */
import { describe, expect, it } from 'vitest';
import { ABSENT, NOT_SIGNED, observationOf, SIGNED, UNNAMED } from '../../src/calibrate/observation.js';
import { loadScenario, parseScenarioText } from '../../src/scenario/load.js';
import { ScenarioError } from '../../src/scenario/errors.js';
import { baseDoc, INLINE, stateDoc, toYaml, type Doc } from './scenario-text.js';

/** Five free states AAA … EEE (no fixes, no links). */
function five(observed: unknown, extra: Doc = {}): Doc {
  const doc = baseDoc();
  doc.states = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE'].map((id) => stateDoc(id, 0.5));
  delete doc.fix;
  doc.observed = observed;
  return { ...doc, ...extra };
}

const load = (doc: Doc) => parseScenarioText(toYaml(doc), INLINE);

function errorOf(doc: Doc): string {
  try {
    load(doc);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as Error).message;
  }
  throw new Error('expected a ScenarioError');
}

describe('the extended observed form', () => {
  it('loads named states on both sides, the counts and the event', () => {
    const s = load(
      five(
        { signed: ['AAA'], notSigned: ['BBB'], counts: { signed: 3, notSigned: 1, absent: 1 }, source: 'a record' },
        { event: { kind: 'un-vote', instrument: 'A/RES/1/1', source: 'the record' } },
      ),
    );
    expect(s.observed).toEqual({
      signed: ['AAA'],
      notSigned: ['BBB'],
      counts: { signed: 3, notSigned: 1, absent: 1 },
      source: 'a record',
    });
    expect(s.event).toEqual({ kind: 'un-vote', instrument: 'A/RES/1/1', source: 'the record' });
  });

  it('a count left out is the rest of the states that take part; with signed alone, absent is 0', () => {
    expect(
      load(five({ signed: ['AAA'], notSigned: ['BBB'], counts: { signed: 3, notSigned: 1 } })).observed!.counts,
    ).toEqual({ signed: 3, notSigned: 1, absent: 1 });
    expect(load(five({ signed: ['AAA'], notSigned: [], counts: { signed: 2 } })).observed!.counts).toEqual({
      signed: 2,
      notSigned: 3,
      absent: 0,
    });
    expect(
      load(five({ signed: [], notSigned: ['AAA'], counts: { notSigned: 1, absent: 1 } })).observed!.counts,
    ).toEqual({ signed: 3, notSigned: 1, absent: 1 });
  });

  it('every state named: counts may be left out and are the named totals', () => {
    const s = load(five({ signed: ['AAA', 'BBB'], notSigned: ['CCC', 'DDD', 'EEE'] }));
    expect(s.observed!.counts).toEqual({ signed: 2, notSigned: 3, absent: 0 });
  });

  it('counts the states that take part, not the roster', () => {
    const s = load(
      five(
        { signed: ['AAA'], notSigned: [], counts: { signed: 2, notSigned: 1 } },
        { participants: ['AAA', 'BBB', 'CCC'] },
      ),
    );
    expect(s.observed!.counts).toEqual({ signed: 2, notSigned: 1, absent: 0 });
  });

  it('the old form keeps working: signed and total, nothing else added', () => {
    const s = load(five({ signed: ['AAA', 'CCC'], total: 5 }));
    expect(s.observed).toEqual({ signed: ['AAA', 'CCC'], total: 5 });
    expect(s.event).toBeUndefined();
  });

  it.each([
    [
      { signed: ['AAA'], notSigned: ['AAA'], counts: { signed: 1, notSigned: 4 } },
      'observed.notSigned[0]: expected each state under signed or notSigned, not both, but "AAA" is also under signed',
    ],
    [
      { signed: ['AAA'], notSigned: ['BBB', 'BBB'], counts: { signed: 1, notSigned: 4 } },
      'observed.notSigned[1]: expected each state once, but "BBB" is listed twice',
    ],
    [
      { signed: ['AAA'], notSigned: ['ZZZ'], counts: { signed: 1, notSigned: 4 } },
      'observed.notSigned[0]: expected a state id of this scenario, got unknown state "ZZZ"',
    ],
    [
      { signed: ['AAA'], notSigned: ['BBB'] },
      'observed.counts: expected counts {signed, notSigned, absent}: 3 of the 5 states that take part are named neither under signed nor under notSigned',
    ],
    [
      { signed: ['AAA'], notSigned: ['BBB'], counts: { signed: 2, notSigned: 1, absent: 1 } },
      'observed.counts: expected signed + notSigned + absent to equal the 5 states that take part, got 2 + 1 + 1 = 4',
    ],
    [
      { signed: ['AAA', 'BBB'], notSigned: [], counts: { signed: 1, notSigned: 4 } },
      'observed.counts.signed: expected at least the 2 states named under signed, got 1',
    ],
    [
      { signed: [], notSigned: ['AAA', 'BBB'], counts: { signed: 4, notSigned: 1 } },
      'observed.counts.notSigned: expected at least the 2 states named under notSigned, got 1',
    ],
    [
      { signed: ['AAA'], notSigned: [], counts: { signed: 1.5, notSigned: 4 } },
      'observed.counts.signed: expected an integer in [0, 1000000], got 1.5',
    ],
    [
      { signed: ['AAA'], notSigned: [], counts: { signed: 1, notSigned: -1 } },
      'observed.counts.notSigned: expected an integer in [0, 1000000], got -1',
    ],
    [
      { signed: ['AAA'], notSigned: [], counts: { signed: 1, no: 4 } },
      'observed.counts.no: expected a known key of observed.counts, got unknown key "no"',
    ],
    [
      { signed: ['AAA'], notSigned: [], counts: { absent: 1 } },
      'observed.counts: expected signed or notSigned besides absent',
    ],
    [
      { signed: ['AAA'], notSigned: [], counts: { signed: 6 } },
      'observed.counts: expected counts adding up to at most the 5 states that take part, got 6',
    ],
    [
      { signed: ['AAA'], notSigned: ['BBB'], total: 5 },
      'observed.total: expected either `total` (the old form) or `notSigned`/`counts` (the extended form), not both',
    ],
    [
      { signed: ['AAA'], notSigned: 'BBB', counts: { signed: 1, notSigned: 4 } },
      'observed.notSigned: expected a list of state ids, got the string "BBB"',
    ],
    [
      { signed: ['AAA'], counts: [1, 4] },
      'observed.counts: expected a mapping {signed, notSigned, absent} of whole numbers, got a list',
    ],
  ])('refuses %j', (observed, message) => {
    expect(errorOf(five(observed))).toContain(`${INLINE}: ${message}`);
  });

  it('refuses a state that does not take part, naming the participants', () => {
    const message = errorOf(
      five(
        { signed: ['AAA'], notSigned: ['EEE'], counts: { signed: 1, notSigned: 2 } },
        { participants: ['AAA', 'BBB', 'CCC'] },
      ),
    );
    expect(message).toContain(
      `${INLINE}: observed.notSigned[0]: expected a state id of a state that takes part, got "EEE", which is not among the participants`,
    );
  });
});

describe('the event key', () => {
  it.each([
    [{ kind: 'vote', instrument: 'X' }, 'event.kind: expected un-vote or summit-declaration, got the string "vote"'],
    [{ instrument: 'X' }, 'event.kind: expected un-vote or summit-declaration, but it is missing'],
    [{ kind: 'un-vote' }, "event.instrument: expected the instrument's name (a non-empty string), but it is missing"],
    [{ kind: 'un-vote', instrument: ' ' }, 'event.instrument: expected a non-empty string'],
    [
      { kind: 'un-vote', instrument: 'X', date: '2024-01-01' },
      'event.date: expected a known key of event, got unknown key "date"',
    ],
    [
      'un-vote',
      'event: expected a mapping {kind: un-vote | summit-declaration, instrument, source?}, got the string "un-vote"',
    ],
  ])('refuses %j', (event, message) => {
    expect(errorOf(five({ signed: ['AAA'] }, { event }))).toContain(`${INLINE}: ${message}`);
  });

  it('is inherited through extends like date (the child wins)', () => {
    const s = load({ ...five({ signed: ['AAA'] }), event: { kind: 'summit-declaration', instrument: 'Pathways' } });
    expect(s.event?.kind).toBe('summit-declaration');
  });
});

describe('what an observed outcome means (observationOf)', () => {
  it('old form: every state not under signed did not sign, a complete observation', () => {
    const o = observationOf(load(five({ signed: ['AAA', 'CCC'] })));
    expect(Array.from(o.status)).toEqual([SIGNED, NOT_SIGNED, SIGNED, NOT_SIGNED, NOT_SIGNED]);
    expect(o.group).toBeNull();
    expect(o.counts).toEqual({ signed: 2, notSigned: 3, absent: 0 });
  });

  it('extended form: the unnamed form one group known by its counts; their belief is the group share of signers', () => {
    const o = observationOf(
      load(five({ signed: ['AAA'], notSigned: ['BBB'], counts: { signed: 2, notSigned: 2, absent: 1 } })),
    );
    expect(Array.from(o.status)).toEqual([SIGNED, NOT_SIGNED, UNNAMED, UNNAMED, UNNAMED]);
    expect(o.group).toEqual({ members: [2, 3, 4], signed: 1, notSigned: 1, absent: 1 });
    expect(Array.from(o.beliefs)).toEqual([1, 0, 1 / 3, 1 / 3, 1 / 3]);
    expect(Array.from(o.present)).toEqual([1, 1, 2 / 3, 2 / 3, 2 / 3]);
  });

  it('a group whose members can only share one status is resolved (a UN record naming every No and Abstain, nobody absent)', () => {
    const yes = observationOf(load(five({ signed: [], notSigned: ['AAA'], counts: { signed: 4, notSigned: 1 } })));
    expect(Array.from(yes.status)).toEqual([NOT_SIGNED, SIGNED, SIGNED, SIGNED, SIGNED]);
    expect(yes.group).toBeNull();
    const away = observationOf(
      load(five({ signed: ['AAA'], notSigned: ['BBB'], counts: { signed: 1, notSigned: 1, absent: 3 } })),
    );
    expect(Array.from(away.status)).toEqual([SIGNED, NOT_SIGNED, ABSENT, ABSENT, ABSENT]);
    expect(Array.from(away.present)).toEqual([1, 1, 0, 0, 0]);
  });

  it('an unnamed state held by fix acts as held: its action leaves the group', () => {
    const s = load(
      five({ signed: ['AAA'], notSigned: [], counts: { signed: 3, notSigned: 2 } }, { fix: { EEE: 'sign' } }),
    );
    const o = observationOf(s);
    expect(o.group).toEqual({ members: [1, 2, 3], signed: 1, notSigned: 2, absent: 0 });
    expect(o.status[4]).toBe(SIGNED);
  });

  it('a UN vote event file: the members named neither under No nor Abstain voted Yes or were absent', () => {
    const s = loadScenario('scenarios/events/unga-78-241.yaml');
    expect(s.event?.kind).toBe('un-vote');
    const o = observationOf(s);
    const named = s.observed!.signed.length + s.observed!.notSigned!.length;
    expect(o.counts.signed + o.counts.notSigned + o.counts.absent).toBe(s.states.length);
    expect(o.group!.members.length).toBe(s.states.length - named);
    expect(o.group!.notSigned).toBe(o.counts.notSigned - s.observed!.notSigned!.length);
    expect(o.group!.absent).toBe(o.counts.absent);
  });
});
