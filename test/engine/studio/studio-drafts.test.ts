import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { artifactSchema } from '../../../engine/format/artifact.js';
import { playScript } from '../../../engine/session/play-script.js';
import { scoreSession } from '../../../engine/scoring/score.js';
import { ARTIFACT_TEMPLATES } from '../../../engine/studio/artifact-templates.js';
import { checkDraft, draftFileName } from '../../../engine/studio/check-draft.js';
import { documentDiff } from '../../../engine/studio/document-diff.js';
import { editDraft } from '../../../engine/studio/draft-edit.js';
import { renamesBetween } from '../../../engine/studio/plan-renames.js';
import { planReferences, proposeMapping, retargetScenario } from '../../../engine/studio/retarget.js';
import { scriptFromJournal } from '../../../engine/studio/script-from-journal.js';
import { blankPlanYaml, blankScenarioYaml, duplicateYaml, freeId } from '../../../engine/studio/starting-points.js';
import { formatLocatedError } from '../../../engine/validate/located-error.js';
import { bundledLibrary } from '../../helpers/world.js';

const PLAN_TEXT = readFileSync('scenarios/plans/cloud-cirp.plan.yaml', 'utf8');
const SCENARIO_FILE = 'scenarios/stolen-api-keys-new-location/stolen-api-keys-new-location.scenario.yaml';
const SCENARIO_TEXT = readFileSync(SCENARIO_FILE, 'utf8');
const library = bundledLibrary();
const plan = library.plans.get('cloud-cirp')!.plan;

describe('checking a draft with the validator of firedrill validate', () => {
  it('reads the bundled plan and a bundled scenario against it as valid', () => {
    const planDraft = checkDraft('draft.plan.yaml', PLAN_TEXT);
    expect(planDraft.errors.map(formatLocatedError)).toEqual([]);
    expect(planDraft).toMatchObject({ kind: 'plan', id: 'cloud-cirp' });
    expect(planDraft.plan?.roles.length).toBeGreaterThan(0);
    const scenarioDraft = checkDraft('draft.scenario.yaml', SCENARIO_TEXT, { plans: [plan] });
    expect(scenarioDraft.errors.map(formatLocatedError)).toEqual([]);
    expect(scenarioDraft.scenario?.id).toBe('stolen-api-keys-new-location');
  });

  it('locates an unknown action by line and field path, and a scenario without its plan', () => {
    const broken = editDraft(SCENARIO_TEXT, [{ op: 'set', path: ['injects', 0, 'expects'], value: ['no-such-action'] }]);
    const checked = checkDraft('draft.scenario.yaml', broken, { plans: [plan] });
    const error = checked.errors.find((e) => e.path === 'injects[0].expects[0]');
    expect(error, checked.errors.map(formatLocatedError).join('\n')).toBeDefined();
    expect(error!.file).toBe('draft.scenario.yaml');
    expect(broken.split('\n')[error!.line - 1]).toContain('no-such-action');
    expect(checked.scenario).toBeUndefined();
    expect(checkDraft('draft.scenario.yaml', SCENARIO_TEXT).errors.length).toBeGreaterThan(0);
  });

  it('names the file a draft is saved under', () => {
    expect(draftFileName('plan', 'acme')).toBe('acme.plan.yaml');
  });
});

describe('starting points', () => {
  it('gives a blank plan that validates, and a blank scenario for it that validates', () => {
    const blank = checkDraft('blank.plan.yaml', blankPlanYaml('acme-plan', 'Acme plan'));
    expect(blank.errors.map(formatLocatedError)).toEqual([]);
    expect(blank.plan?.id).toBe('acme-plan');
    const scenario = checkDraft('blank.scenario.yaml', blankScenarioYaml(blank.plan!, { id: 'acme-drill' }), { plans: [blank.plan!] });
    expect(scenario.errors.map(formatLocatedError)).toEqual([]);
    const forBundled = checkDraft('blank.scenario.yaml', blankScenarioYaml(plan), { plans: [plan] });
    expect(forBundled.errors.map(formatLocatedError)).toEqual([]);
    // Short id lists on one line, as the bundled files and the form write them.
    expect(blankScenarioYaml(plan)).toContain('to: [incident-commander]');
  });

  it('duplicates a bundled scenario under a new id, its comments kept', () => {
    const copy = duplicateYaml(SCENARIO_TEXT, 'my-keys-drill', 'My keys drill');
    const checked = checkDraft('copy.scenario.yaml', copy, { plans: [plan] });
    expect(checked.errors.map(formatLocatedError)).toEqual([]);
    expect(checked.scenario).toMatchObject({ id: 'my-keys-drill', title: 'My keys drill' });
    const comments = (text: string) => text.split('\n').filter((line) => line.trimStart().startsWith('#'));
    expect(comments(copy)).toEqual(comments(SCENARIO_TEXT));
  });

  it('finds a free id', () => {
    expect(freeId('a', [])).toBe('a');
    expect(freeId('a', ['a', 'a-2'])).toBe('a-3');
  });
});

describe('a readable diff against the previous version', () => {
  it('names a renamed role, a changed Sev 2 deadline and an added action the way an author thinks of them', () => {
    const edited = editDraft(PLAN_TEXT, [
      { op: 'set', path: ['roles', 0, 'title'], value: 'Incident Lead' },
      { op: 'set', path: ['severityLevels', 1, 'responseDeadline'], value: '30m' },
      { op: 'insert', path: ['actions'], value: { id: 'call-insurer', title: 'Call the cyber insurer', roles: ['incident-commander'], phase: 'post-incident', function: 'govern', duration: '15m' } },
    ]);
    const texts = documentDiff(parse(PLAN_TEXT), parse(edited)).map((line) => line.text);
    expect(texts).toContain('roles[incident-commander].title: "Incident Commander" → "Incident Lead"');
    expect(texts).toContain('severityLevels[level 2].responseDeadline: "1h" → "30m"');
    expect(texts).toContain('actions: added "call-insurer" (Call the cyber insurer)');
    expect(texts).toHaveLength(3);
  });

  it('shows a renamed role or action as a rename, and the places that name it by its new id as no change', () => {
    const edited = editDraft(PLAN_TEXT, [{ op: 'set', path: ['roles', 0, 'title'], value: 'Incident Lead' }]).replaceAll('incident-commander', 'incident-lead').replaceAll('revoke-iam-access-key', 'revoke-access-key');
    const renames = renamesBetween(parse(PLAN_TEXT), parse(edited));
    expect(renames).toEqual({ role: { 'incident-commander': 'incident-lead' }, action: { 'revoke-iam-access-key': 'revoke-access-key' } });
    const lines = documentDiff(parse(PLAN_TEXT), parse(edited), renames);
    expect(lines.map((line) => line.text)).toEqual([
      'Role incident-commander renamed to incident-lead',
      'roles[incident-lead].title: "Incident Commander" → "Incident Lead"',
      'Action revoke-iam-access-key renamed to revoke-access-key',
    ]);
    expect(lines[0]).toMatchObject({ change: 'renamed', before: 'incident-commander', after: 'incident-lead' });
    // Without the renames (or with a rename that is not one): an addition and a removal, as before.
    expect(documentDiff(parse(PLAN_TEXT), parse(edited), { role: { 'incident-commander': 'severity' } }).map((line) => line.change)).not.toContain('renamed');
  });

  it('says nothing for the same document, and reports removals and id lists', () => {
    expect(documentDiff(parse(PLAN_TEXT), parse(PLAN_TEXT))).toEqual([]);
    const lines = documentDiff({ to: ['a', 'b'], gone: 1 }, { to: ['a', 'c'] });
    expect(lines.map((line) => line.text)).toEqual(['to: added c; removed b', 'gone: removed (was 1)']);
  });
});

describe('retargeting a scenario to another plan', () => {
  const renamed = checkDraft(
    'other.plan.yaml',
    editDraft(PLAN_TEXT, [
      { op: 'set', path: ['id'], value: 'other-plan' },
      { op: 'set', path: ['roles', 0, 'id'], value: 'incident-lead' },
      { op: 'set', path: ['severityDeclaredBy'], value: ['incident-lead'] },
    ]).replaceAll('incident-commander', 'incident-lead'),
  );

  it('proposes a mapping by title and rewrites the ids in place', () => {
    expect(renamed.errors.map(formatLocatedError)).toEqual([]);
    const target = renamed.plan!;
    const missing = proposeMapping(parse(SCENARIO_TEXT), target, plan);
    const role = missing.find((m) => m.kind === 'role' && m.id === 'incident-commander');
    expect(role?.proposed).toBe('incident-lead');
    const result = retargetScenario('s.scenario.yaml', SCENARIO_TEXT, target, { role: { 'incident-commander': 'incident-lead' } });
    expect(result.errors).toEqual([]);
    const checked = checkDraft('s.scenario.yaml', result.text, { plans: [target] });
    expect(checked.errors.map(formatLocatedError)).toEqual([]);
    expect(checked.scenario?.plan).toBe('other-plan');
  });

  it('leaves what is unmapped as a located error at each use', () => {
    const result = retargetScenario('s.scenario.yaml', SCENARIO_TEXT, renamed.plan!, {});
    const uses = planReferences(parse(SCENARIO_TEXT)).filter((r) => r.kind === 'role' && r.id === 'incident-commander');
    expect(uses.length).toBeGreaterThan(0);
    expect(result.errors).toHaveLength(uses.length);
    for (const error of result.errors) {
      expect(error.message).toMatch(/role "incident-commander" is not in plan "other-plan"/);
      expect(result.text.split('\n')[error.line - 1]).toContain('incident-commander');
    }
  });
});

describe('a session saved as a response script', () => {
  it('replays to the same scorecard as the session it was made from', () => {
    const scenario = library.scenarios.get('stolen-api-keys-new-location')!.scenario;
    for (const name of ['exemplary', 'flawed']) {
      const script = library.scripts.get(scenario.id)!.get(name)!.script;
      const session = playScript(plan, scenario, script);
      const made = scriptFromJournal(session.journal, { scenarioId: scenario.id, name: `${name}-again`, description: 'Recorded by playing.' });
      const checked = checkDraft(`${name}-again.script.yaml`, made.yaml, { plans: [plan], scenarios: [scenario] });
      expect(checked.errors.map(formatLocatedError)).toEqual([]);
      expect(made.steps).toBe(checked.script!.steps.length);
      const again = playScript(plan, scenario, checked.script!, { sessionId: `${scenario.id}.${name}` });
      expect(scoreSession(again)).toEqual(scoreSession(session));
    }
  });
});

describe('artifact templates', () => {
  it('cover the services an author needs, each a valid artifact of its kind', () => {
    const labels = ARTIFACT_TEMPLATES.map((t) => t.label).join('\n');
    for (const service of ['CloudTrail', 'GuardDuty', 'Defender', 'Sentinel', 'Security Command Center', 'Chat', 'E-mail', 'News']) expect(labels).toContain(service);
    for (const template of ARTIFACT_TEMPLATES) {
      const artifact = template.build('2025-06-10T09:30:00+02:00');
      expect(artifact.kind).toBe(template.kind);
      const parsed = artifactSchema.safeParse(artifact);
      expect(parsed.success, `${template.id}: ${parsed.error?.message}`).toBe(true);
    }
    const trail = ARTIFACT_TEMPLATES.find((t) => t.id === 'cloudtrail-create-access-key')!.build('2025-06-10T09:30:00+02:00');
    expect((trail.data as { eventTime: string }).eventTime).toBe('2025-06-10T07:30:00Z');
  });
});
