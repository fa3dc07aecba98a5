/**
 * `extends` and `roster` reach only scenario files (issue 13, item 5): by
 * extension before anything is opened, and by content (a mapping with at
 * least one key of its kind); a file that is not a scenario is refused at
 * the reference without echoing any of its content.
 */
import { copyFileSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScenarioError } from '../../src/scenario/errors.js';
import { loadScenario } from '../../src/scenario/load.js';
import { cli, ROOT } from '../cli/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'signatory-extends-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
copyFileSync(path.join(ROOT, 'test/fixtures/scenarios/small.yaml'), path.join(dir, 'small.yaml'));

const SECRET = 'root:$6$Qx8mZ2kq$hT0pS3cr3tHashLine:19000:0:99999:7:::';

function child(name: string, reference: string, key = 'extends'): string {
  const file = path.join(dir, name);
  writeFileSync(file, `name: child\n${key}: ${JSON.stringify(reference)}\n`);
  return file;
}

function errorOf(run: () => unknown): ScenarioError {
  try {
    run();
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

describe('extends and roster targets', () => {
  it('a path that does not end in .yaml, .yml or .json is refused before it is opened', async () => {
    const r = await cli(['run', child('shadow.yaml', '/etc/shadow')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'extends: expected a scenario file ending in .yaml, .yml or .json (or a .nfg game), got the string "/etc/shadow"',
    );
    expect(r.stderr).not.toContain('permission denied');
    const roster = errorOf(() => loadScenario(child('passwd.yaml', '/etc/passwd', 'roster')));
    expect(roster.message).toContain('roster: expected a roster file ending in .yaml, .yml or .json');
  });

  it('a YAML file that is not a scenario is refused at the reference, echoing none of its content', async () => {
    const secret = path.join(dir, 'secret.txt');
    writeFileSync(secret, `${SECRET}\napi_key_production: sk-live-0123456789abcdef\n`);
    // A scenario-looking name for it: a symlink, or a copy.
    symlinkSync(secret, path.join(dir, 'looks-like.yaml'));
    writeFileSync(path.join(dir, 'keys.yml'), 'api_key_production: sk-live-0123456789abcdef\ntoken: abc\n');
    for (const target of ['looks-like.yaml', 'keys.yml']) {
      const r = await cli(['run', child(`via-${target}.yaml`, `./${target}`)]);
      expect(r.status, target).toBe(2);
      expect(r.stderr).not.toMatch(/root|\$6\$|api_key|sk-live|token/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    const error = errorOf(() => loadScenario(child('via-keys.yaml', './keys.yml')));
    expect(error.path).toBe('extends');
    expect(error.expected).toMatch(
      /^expected a scenario file, but ".*keys\.yml" is not one \(none of its top-level keys is a scenario key\)$/,
    );
  });

  it('a roster that is not a roster is refused the same way', () => {
    writeFileSync(path.join(dir, 'not-roster.yaml'), 'password: hunter2\n');
    const error = errorOf(() => loadScenario(child('with-bad-roster.yaml', './not-roster.yaml', 'roster')));
    expect(error.path).toBe('roster');
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain('password');
  });

  it('a scenario with a misspelt key is still a scenario: the hint names the key', () => {
    writeFileSync(path.join(dir, 'typo.yml'), 'name: parent\ndescriptoin: x\n');
    const error = errorOf(() => loadScenario(child('via-typo.yaml', './typo.yml')));
    expect(error.message).toContain('got unknown key "descriptoin" (did you mean "description"?)');
  });

  it('.yml and .json parents load', () => {
    copyFileSync(path.join(dir, 'small.yaml'), path.join(dir, 'small.yml'));
    expect(loadScenario(child('via-yml.yaml', './small.yml')).name).toBe('child');
    copyFileSync(path.join(ROOT, 'test/fixtures/scenarios/with-roster.json'), path.join(dir, 'with-roster.json'));
    copyFileSync(path.join(ROOT, 'test/fixtures/scenarios/roster.yaml'), path.join(dir, 'roster.yaml'));
    expect(loadScenario(child('via-json.yaml', './with-roster.json')).name).toBe('child');
  });

  it('a referenced file that does not parse is named with its position, never with text the parser quotes', () => {
    writeFileSync(path.join(dir, 'private.yaml'), 'token: !hunter2-secret-tag value\nother: *hunter3alias\n');
    const error = errorOf(() => loadScenario(child('via-private.yaml', './private.yaml')));
    expect(error.message).toMatch(
      /private\.yaml: line \d+, column \d+: expected valid YAML \(a scenario file named at/,
    );
    expect(error.message).not.toContain('hunter');
    // The file itself, run directly, still gets the parser's reason.
    const direct = errorOf(() => loadScenario(path.join(dir, 'private.yaml')));
    expect(direct.message).toContain('expected valid YAML:');
  });
});
