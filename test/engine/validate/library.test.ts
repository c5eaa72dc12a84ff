import { describe, expect, it } from 'vitest';
import { formatLocatedError, loadLibrary, type Library } from '../../../engine/validate/index.js';
import { MINI, readText } from './helpers.js';

const plan = { file: 'p/mini.plan.yaml', text: readText(MINI.plan) };
const scenario = { file: 's/mini.scenario.yaml', text: readText(MINI.scenario) };
const script = { file: 's/exemplary.script.yaml', text: readText(MINI.script) };
const messages = (library: Library) => library.reports.flatMap((r) => r.errors).map(formatLocatedError);

describe('loadLibrary', () => {
  it('looks ids up in the references only when the sources lack them, and calls a lazy reference once', () => {
    let calls = 0;
    const references = () => {
      calls++;
      return loadLibrary([plan, scenario]);
    };
    expect(messages(loadLibrary([plan, scenario, script], references))).toEqual([]);
    expect(calls).toBe(0);
    const library = loadLibrary([script, { ...script, file: 'other.script.yaml', text: script.text.replace('name: exemplary', 'name: other') }], references);
    expect(messages(library)).toEqual([]);
    expect(calls).toBe(1);
    // What came from the references is used, not reported or listed again.
    expect(library.reports.map((r) => r.file)).toEqual(['s/exemplary.script.yaml', 'other.script.yaml']);
    expect(library.scenarios.size).toBe(0);
  });

  it('names the plans and scenarios of the references too when an id is unknown, not "there are none"', () => {
    const references = loadLibrary([plan, scenario]);
    const orphan = loadLibrary([{ ...scenario, text: scenario.text.replace('plan: mini', 'plan: acme-plan') }, { ...script, text: script.text.replace('scenario: mini-leaked-key', 'scenario: acme-drill') }], references);
    expect(messages(orphan)).toEqual([
      's/mini.scenario.yaml:6:7 plan: unknown plan "acme-plan" (known: mini)',
      's/exemplary.script.yaml:3:11 scenario: unknown scenario "acme-drill" (known: mini-leaked-key)',
    ]);
  });

  it('reports a plan id used by two files, at the second', () => {
    const library = loadLibrary([plan, { ...plan, file: 'q/copy.plan.yaml' }]);
    expect(messages(library)).toEqual(['q/copy.plan.yaml:3:5 id: plan id "mini" is already used by p/mini.plan.yaml']);
  });

  it('reports two scripts of one name for one scenario', () => {
    const library = loadLibrary([plan, scenario, script, { ...script, file: 's/again.script.yaml' }]);
    expect(messages(library)).toEqual(['s/again.script.yaml:4:7 name: scenario "mini-leaked-key" already has a script named "exemplary" (s/exemplary.script.yaml)']);
  });

  it('sends a scenario whose plan is broken to the plan, not to an "unknown plan"', () => {
    const broken = { ...plan, text: plan.text.replace('severityDeclaredBy: [incident-commander]', 'severityDeclaredBy: [commander]') };
    const library = loadLibrary([broken, scenario]);
    expect(messages(library)[1]).toBe('s/mini.scenario.yaml:6:7 plan: plan "mini" has errors (see p/mini.plan.yaml); fix it first');
  });

  it('tells the kind of a document from its format, or from its file name when the format is missing', () => {
    const noFormat = (text: string) => text.replace(/^format: .*\n/m, '');
    expect(messages(loadLibrary([{ file: 'x.plan.yaml', text: noFormat(plan.text) }]))).toEqual(['x.plan.yaml:2:1 format: is required: must be "firedrill-plan/1"']);
    expect(messages(loadLibrary([{ file: 'x.yaml', text: noFormat(plan.text) }]))).toEqual([
      'x.yaml:2:1 no "format" field: say which document this is (firedrill-plan/1, firedrill-scenario/1 or firedrill-script/1)',
    ]);
    expect(messages(loadLibrary([{ file: 'x.yaml', text: 'format: firedrill-drill/1\n' }]))).toEqual([
      'x.yaml:1:9 format: unknown format "firedrill-drill/1": expected firedrill-plan/1, firedrill-scenario/1 or firedrill-script/1',
    ]);
    expect(messages(loadLibrary([{ file: 'x.yaml', text: 'format: [1, 2]\n' }]))).toEqual([
      'x.yaml:1:9 format: unknown format [1,2]: expected firedrill-plan/1, firedrill-scenario/1 or firedrill-script/1',
    ]);
  });

  it('says a response model given where a plan, scenario or script goes is one, and where it is read', () => {
    expect(messages(loadLibrary([{ file: 'team.yaml', text: 'format: firedrill-model/1\nid: night-shift\n' }]))).toEqual([
      'team.yaml:1:9 format: this is a response model (firedrill-model/1), not a plan, scenario or script: a model is checked with the scenario it plays, by firedrill simulate <scenario> --model team.yaml (in the app: "Response model file" in the Stress test)',
    ]);
  });

  it('says a file of a later format version is for a newer Firedrill', () => {
    expect(messages(loadLibrary([{ file: 'x.scenario.yaml', text: 'format: firedrill-scenario/2\n' }]))).toEqual([
      'x.scenario.yaml:1:9 format: unsupported format version "firedrill-scenario/2": this Firedrill reads firedrill-plan/1, firedrill-scenario/1 or firedrill-script/1; the file was written for a newer Firedrill: open it with that version, or update this one',
    ]);
    expect(messages(loadLibrary([{ file: 'x.plan.yaml', text: 'format: firedrill-plan/0\n' }]))).toEqual([
      'x.plan.yaml:1:9 format: unsupported format version "firedrill-plan/0": this Firedrill reads firedrill-plan/1, firedrill-scenario/1 or firedrill-script/1',
    ]);
  });

  it('wants a mapping at the top of the file', () => {
    for (const text of ['- a\n- b\n', 'just text\n', '42\n']) {
      expect(messages(loadLibrary([{ file: 'x.yaml', text }]))).toEqual(['x.yaml:1:1 expected a mapping of fields (format:, id:, ...) at the top of the file']);
    }
  });

  it('gives every file a report, in the order given', () => {
    const library = loadLibrary([{ file: 'empty.yaml', text: '' }, plan, { file: 'bad.yaml', text: 'a: "' }]);
    expect(library.reports.map((r) => [r.file, r.errors.length])).toEqual([['empty.yaml', 1], ['p/mini.plan.yaml', 0], ['bad.yaml', 1]]);
  });
});
