import { describe, expect, it } from 'vitest';
import { formatLocatedError } from '../../../engine/validate/index.js';
import { loadModel } from '../../../engine/validate/load-model.js';
import { prepareSimulation } from '../../../engine/simulate/setup.js';
import { bundledWorld, modelFrom } from '../../helpers/simulation.js';

// The response model format (firedrill-model/1): validated and located like the other formats,
// every error one line naming the file, the line and column, and the field path.

const world = bundledWorld('ransomware-production-db');
const errors = (text: string) => {
  const loaded = loadModel({ file: 'team.model.yaml', text }, world.scenario, world.plan);
  return loaded.ok ? [] : loaded.errors.map(formatLocatedError);
};

describe('a duration without its unit', () => {
  it('is said to need one, with the field and the line, rather than "expected a text value"', () => {
    expect(errors('format: firedrill-model/1\nid: night\nroles:\n  it-operations: { onCall: { fixed: 30 } }\n')).toEqual([
      'team.model.yaml:4:37 roles.it-operations.onCall.fixed: a duration needs its unit (30m, 30h): write it like 90s, 15m, 1h30m or 2d',
    ]);
  });
});

describe('a valid model', () => {
  it('reads every kind of spread, in durations as people write them', () => {
    const model = modelFrom(world, `id: night-shift
title: The night shift
plan: cloud-cirp
durationSpread: 3
roles:
  cloud-security-analyst: { people: 1, onCall: { uniform: { min: 5m, max: 25m } } }
  legal-compliance-officer: { onCall: 30m }
actions:
  isolate-ec2-instance: { duration: { triangular: { min: 5m, mode: 10m, max: 40m } }, skip: 0.05 }
  revoke-iam-access-key: { duration: { lognormal: { median: 5m, p90: 15m } }, late: { probability: 0.2, by: { exponential: { mean: 10m } } } }
  protect-backups: { wrongRole: { probability: 0.1, role: cloud-security-analyst } }
channels:
  email: { notice: { exponential: { mean: 20m } } }
  siem-alert: { notice: { fixed: 2m } }
decisions:
  ransom-payment: { late: { probability: 0.5, by: 30m } }
severity: { skip: 0.01 }
whatIf:
  off: { channels: [cloud-finding], injects: [INJ-07], actions: [block-malicious-ips] }
  extraPeople: { it-operations: 1 }
`);
    expect(model.roles['cloud-security-analyst']).toEqual({ people: 1, onCall: { kind: 'uniform', min: 300_000, max: 1_500_000 } });
    expect(model.actions['isolate-ec2-instance']!.duration).toEqual({ kind: 'triangular', min: 300_000, mode: 600_000, max: 2_400_000 });
    expect(model.actions['revoke-iam-access-key']!.late).toEqual({ probability: 0.2, by: { kind: 'exponential', mean: 600_000 } });
    expect(model.channels['siem-alert']).toEqual({ notice: { kind: 'fixed', value: 120_000 } });
    expect(model.decisions['ransom-payment']!.late!.by).toEqual({ kind: 'fixed', value: 1_800_000 });

    const simulation = prepareSimulation({ ...world, model, runs: 1, seed: 1 });
    // The what-if switches: one more IT Operations person than the exemplary script keeps busy, a channel off.
    expect(simulation.model.roles['it-operations']!.people).toBe(3);
    expect(simulation.model.roles['cloud-security-analyst']!.people).toBe(1);
    expect(simulation.model.off.channels.has('cloud-finding')).toBe(true);
    // Actions the model does not list get the plan's duration as median and three times it as p90.
    const planned = world.plan.actions.find((a) => a.id === 'triage-siem-alert')!.duration;
    expect(simulation.model.actions['triage-siem-alert']!.duration).toEqual({ kind: 'lognormal', median: planned, p90: 3 * planned });
    expect(simulation.model.actions['protect-backups']!.wrongRole).toEqual({ probability: 0.1, role: 'cloud-security-analyst' });
  });

  it('needs nothing but its format and id: the defaults come from the plan and the exemplary script', () => {
    const simulation = prepareSimulation({ ...world, model: modelFrom(world, 'id: bare\n'), runs: 1, seed: 1 });
    const none = prepareSimulation({ ...world, runs: 1, seed: 1 });
    expect(simulation.model.actions).toEqual(none.model.actions);
    expect(simulation.model.roles).toEqual(none.model.roles);
    expect(none.model.id).toBe('default');
  });
});

describe('a model with mistakes', () => {
  it('names the file, line, column and field of each', () => {
    expect(errors(`format: firedrill-model/1
id: broken
roles:
  cloud-security-analist: { people: 2 }
actions:
  revoke-iam-access-key:
    duration: { lognormal: { median: 10m, p90: 5m } }
    skip: 1.5
  isolate-ec2-instance: { duration: { uniform: { min: 20m } } }
channels:
  pager: { notice: 5m }
`)).toEqual([
      // The unknown role too, in the same pass: it used to come only once the rest was fixed.
      'team.model.yaml:4:3 roles.cloud-security-analist: unknown role "cloud-security-analist" (did you mean "cloud-security-analyst"?)',
      expect.stringMatching(/^team\.model\.yaml:7:\d+ actions\.revoke-iam-access-key\.duration\.lognormal\.p90: p90 must not be less than the median$/),
      expect.stringMatching(/^team\.model\.yaml:8:11 actions\.revoke-iam-access-key\.skip: .*1/),
      expect.stringMatching(/^team\.model\.yaml:9:\d+ actions\.isolate-ec2-instance\.duration\.uniform\.max: .*required/),
      expect.stringMatching(/^team\.model\.yaml:11:\d+ channels\.pager: /),
    ]);
  });

  it('checks every id against the scenario and its plan, with a hint', () => {
    expect(errors(`format: firedrill-model/1
id: typos
plan: other-plan
roles:
  cloud-security-analist: { people: 2 }
actions:
  revoke-iam-key: { skip: 0.1 }
decisions:
  ransom: { skip: 0.5 }
whatIf:
  off: { injects: [INJ-99] }
`)).toEqual([
      'team.model.yaml:3:7 plan: the model is for plan "other-plan"; scenario "ransomware-production-db" is scored against plan "cloud-cirp"',
      'team.model.yaml:5:3 roles.cloud-security-analist: unknown role "cloud-security-analist" (did you mean "cloud-security-analyst"?)',
      expect.stringMatching(/^team\.model\.yaml:7:3 actions\.revoke-iam-key: unknown action "revoke-iam-key"/),
      expect.stringMatching(/^team\.model\.yaml:9:3 decisions\.ransom: unknown decision "ransom"/),
      expect.stringMatching(/^team\.model\.yaml:11:20 whatIf\.off\.injects\[0\]: unknown inject "INJ-99"/),
    ]);
  });

  it('gives the schema errors and the unknown ids together, in one pass, each at its line and field', () => {
    expect(errors(`format: firedrill-model/1
id: both
roles:
  cloud-security-analist: { people: 0 }
  incident-commander: 2
actions:
  revoke-iam-key: { skip: 0.1 }
  protect-backups: { skip: 1.5, wrongRole: { probability: 0.1, role: lawyer } }
whatIf:
  off: { injects: [INJ-99, 7] }
`)).toEqual([
      'team.model.yaml:4:3 roles.cloud-security-analist: unknown role "cloud-security-analist" (did you mean "cloud-security-analyst"?)',
      expect.stringMatching(/^team\.model\.yaml:4:37 roles\.cloud-security-analist\.people: /),
      expect.stringMatching(/^team\.model\.yaml:5:23 roles\.incident-commander: expected a mapping/),
      expect.stringMatching(/^team\.model\.yaml:7:3 actions\.revoke-iam-key: unknown action "revoke-iam-key"/),
      expect.stringMatching(/^team\.model\.yaml:8:28 actions\.protect-backups\.skip: /),
      expect.stringMatching(/^team\.model\.yaml:8:\d+ actions\.protect-backups\.wrongRole\.role: unknown role "lawyer"/),
      expect.stringMatching(/^team\.model\.yaml:10:20 whatIf\.off\.injects\[0\]: unknown inject "INJ-99"/),
      expect.stringMatching(/^team\.model\.yaml:10:28 whatIf\.off\.injects\[1\]: expected a text value/),
    ]);
  });

  it('says a key that is no id once, as the schema does, not also as an unknown id', () => {
    expect(errors('format: firedrill-model/1\nid: x\nroles:\n  Cloud Analyst: { people: 2 }\n')).toEqual([
      'team.model.yaml:4:3 roles["Cloud Analyst"]: the key "Cloud Analyst" is not a valid id: use letters, digits, ".", "_" and "-"',
    ]);
  });

  it('says when a file is another format, not YAML, or empty', () => {
    expect(errors('format: firedrill-plan/1\nid: x\n')).toEqual(['team.model.yaml:1:9 format: this is not a response model: expected format firedrill-model/1, not "firedrill-plan/1"']);
    expect(errors('format: firedrill-model/1\nid: [unclosed\n')[0]).toMatch(/^team\.model\.yaml:\d+:\d+ /);
    expect(errors('')).toEqual(['team.model.yaml:1:1 the file is empty']);
    expect(errors('format: firedrill-model/1\nid: x\nroles: { incident-commander: { people: 0 } }\n')).toEqual([expect.stringMatching(/^team\.model\.yaml:3:40 roles\.incident-commander\.people: /)]);
  });

  it('says what to write for a count that is not whole, a duration without its unit, or a spread it does not know', () => {
    expect(errors('format: firedrill-model/1\nid: x\nroles: { incident-commander: { people: 1.5 } }\n'))
      .toEqual(['team.model.yaml:3:40 roles.incident-commander.people: expected a whole number, found the number 1.5']);
    const forms = '15m, { uniform: { min, max } }, { triangular: { min, mode, max } }, { lognormal: { median, p90 } } or { exponential: { mean } }';
    expect(errors('format: firedrill-model/1\nid: x\nactions: { protect-backups: { duration: 15 } }\n'))
      .toEqual([`team.model.yaml:3:41 actions.protect-backups.duration: a duration needs its unit (15m, 15h): write ${forms}`]);
    expect(errors('format: firedrill-model/1\nid: x\nactions: { protect-backups: { duration: .nan } }\n'))
      .toEqual([`team.model.yaml:3:41 actions.protect-backups.duration: NaN (.nan, not a number) is not a duration: write ${forms}`]);
    expect(errors('format: firedrill-model/1\nid: x\nroles: { it-operations: { onCall: { fixed: 1e400 } } }\n'))
      .toEqual(['team.model.yaml:3:44 roles.it-operations.onCall.fixed: an infinite number (.inf, or one too large) is not a duration: write it like 90s, 15m, 1h30m or 2d']);
    expect(errors('format: firedrill-model/1\nid: x\nchannels: { email: { notice: { normal: { mean: 5m } } } }\n'))
      .toEqual([`team.model.yaml:3:30 channels.email.notice: not a duration or a spread: write ${forms}`]);
    expect(errors('format: firedrill-model/1\nid: x\nactions: { protect-backups: { late: { probability: 0.3 } } }\n'))
      .toEqual([`team.model.yaml:3:31 actions.protect-backups.late.by: is required: write ${forms}`]);
    // A chance written as a percentage says how to write it.
    expect(errors('format: firedrill-model/1\nid: x\nactions: { notify-hkma: { skip: "30%" } }\n'))
      .toEqual(['team.model.yaml:3:33 actions.notify-hkma.skip: expected a number, found the text "30%" (a chance is written from 0 to 1: 0.3 for 30%)']);
    // A spread it knows, written wrong inside, is still located at the wrong field.
    expect(errors('format: firedrill-model/1\nid: x\nchannels: { email: { notice: { uniform: { min: 5m, max: soon } } } }\n'))
      .toEqual([expect.stringMatching(/^team\.model\.yaml:3:\d+ channels\.email\.notice\.uniform\.max: "soon" is not a duration/)]);
  });
});

describe('settings that change nothing in the scenario simulated', () => {
  const notes = (scenario: string, script: string, yaml: string) => {
    const w = bundledWorld(scenario, script);
    const loaded = loadModel({ file: 'team.model.yaml', text: `format: firedrill-model/1\nid: x\n${yaml}` }, w.scenario, w.plan, w.script);
    if (!loaded.ok) throw new Error(loaded.errors.map(formatLocatedError).join('\n'));
    return loaded.notes.map(formatLocatedError);
  };

  it('notes a role that never acts and a decision the team never answers, located at their keys', () => {
    // Nobody from communications acts in the insider drill; the flawed bucket script never answers the researcher.
    expect(notes('insider-data-export', 'exemplary', 'roles:\n  communications-lead: { people: 2 }\nwhatIf: { extraPeople: { communications-lead: 1, it-operations: 1 } }\n')).toEqual([
      'team.model.yaml:4:3 roles.communications-lead: this role never acts in scenario "insider-data-export" (its exemplary script gives it no step), so this setting changes nothing',
      'team.model.yaml:5:26 whatIf.extraPeople.communications-lead: this role never acts in scenario "insider-data-export" (its exemplary script gives it no step), so this setting changes nothing',
    ]);
    expect(notes('public-test-bucket', 'flawed', 'decisions:\n  bucket-cleanup: { skip: 0.5 }\n  researcher-response: { skip: 0.5 }\n')).toEqual([
      'team.model.yaml:5:3 decisions.researcher-response: the team never answers this decision in scenario "public-test-bucket" (its flawed script does not), so this setting changes nothing',
    ]);
  });

  it('notes a wrong role that is the role already doing the step', () => {
    expect(notes('ransomware-production-db', 'exemplary', 'actions:\n  protect-backups: { wrongRole: { probability: 0.5, role: it-operations } }\n')).toEqual([
      'team.model.yaml:4:59 actions.protect-backups.wrongRole.role: it-operations already does this action in the exemplary script, so this setting changes nothing',
    ]);
  });

  it('names the channel a misspelt one was meant to be', () => {
    expect(errors('format: firedrill-model/1\nid: x\nchannels:\n  emial: { notice: 5m }\n')).toEqual(['team.model.yaml:4:3 channels.emial: unknown field "emial" (did you mean "email"?)']);
  });

  it('notes nothing in a model whose every setting is used', () => {
    expect(notes('ransomware-production-db', 'exemplary', 'actions:\n  protect-backups: { skip: 0.1 }\nchannels:\n  email: { notice: 5m }\n')).toEqual([]);
  });
});
