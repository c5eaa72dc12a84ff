import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, commandParams, MAX_MESSAGE_BYTES, parseRequest, sessionView, utf8Length } from '../../../engine/protocol/index.js';
import { act, end, loadMini, MIN, sessionFrom } from '../../helpers/world.js';

// The session protocol's pure parts: request checking (size, envelope, command, params) and
// the view of a session the UI shows.

describe('parseRequest', () => {
  it('accepts a well-formed command and fills in defaults', () => {
    const parsed = parseRequest({ id: 'r1', type: 'session.create', params: { scenarioId: 'x', mode: 'solo' } });
    expect(parsed).toEqual({ ok: true, request: { id: 'r1', type: 'session.create', params: { scenarioId: 'x', mode: 'solo', speed: 1, participants: {} } } });
    expect(parseRequest({ id: 0, type: 'library.list' })).toMatchObject({ ok: true, request: { params: {} } });
  });

  it('refuses by size before it looks at anything else, with the limit of the command', () => {
    const big = { id: 1, type: 'session.input', params: { blob: 'x'.repeat(MAX_MESSAGE_BYTES) } };
    expect(parseRequest(big)).toMatchObject({ ok: false, reply: { id: 1, error: { code: 'too-large' } } });
    // library.import carries a whole file: 100 KB is fine there.
    const file = { id: 2, type: 'library.import', params: { fileName: 'a.yaml', text: 'y'.repeat(100_000) } };
    expect(parseRequest(file).ok).toBe(true);
  });

  it('names the request in its refusal when it can, and the command list for an unknown command', () => {
    expect(parseRequest({ id: 9, type: 'nope' })).toMatchObject({ ok: false, reply: { id: 9, error: { code: 'unknown-command' } } });
    expect(parseRequest({ id: { not: 'an id' }, type: 'library.list' })).toMatchObject({ ok: false, reply: { id: null, error: { code: 'bad-request' } } });
    // "constructor" and friends are not commands, whatever the object prototype holds.
    expect(parseRequest({ id: 1, type: 'constructor' })).toMatchObject({ ok: false, reply: { error: { code: 'unknown-command' } } });
  });

  it('every command has a strict params schema', () => {
    for (const type of COMMAND_TYPES) expect(commandParams[type].safeParse({ unexpected: true }).success, type).toBe(false);
  });

  it('counts UTF-8 bytes', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('✓')).toBe(3);
    expect(utf8Length('🔥')).toBe(4);
  });
});

describe('sessionView', () => {
  const world = loadMini();

  it('shows the actions taken from the journal, with when their duration runs out', () => {
    const view = sessionView(sessionFrom(world, [act(2 * MIN, 'cloud-security-analyst', 'triage-alert')], { until: 5 * MIN }));
    expect(view.now).toBe(5 * MIN);
    expect(view.actionsTaken).toEqual([{ seq: 2, action: 'triage-alert', title: expect.any(String), by: 'cloud-security-analyst', takenAt: 2 * MIN, completesAt: 12 * MIN, status: 'in-progress' }]);
    expect(view.phase).toBe('detection-analysis');
    expect(view.milestones).toEqual({});
    expect(view.injects.find((i) => i.id === 'INJ-01')).toMatchObject({ status: 'fired', firedAt: 0, cause: 'schedule' });
    expect(view.nextStop).toEqual({ kind: 'inject', id: 'INJ-02', dueAt: 10 * MIN });
  });

  it('shows milestones, the phase, open decisions with their expiry and deadlines by due time', () => {
    const view = sessionView(sessionFrom(world, [act(2 * MIN, 'cloud-security-analyst', 'triage-alert')], { until: 13 * MIN }));
    expect(view.actionsTaken.map((a) => a.completesAt)).toEqual([12 * MIN]);
    expect(view.milestones).toEqual({ detected: 12 * MIN });
    expect(view.phase).toBe('containment');
    expect(view.openDecisions).toEqual([{ id: 'DEC-01', prompt: 'Do we notify the regulator now?', role: 'legal-compliance', options: [{ id: 'notify', label: 'Notify now' }, { id: 'wait', label: 'Wait for more facts' }], openedAt: 12 * MIN, expiresAt: 27 * MIN }]);
    expect(view.deadlines.map((d) => d.id)).toEqual(['severity', 'duty:regulator-notice']);
    expect(view.deadlines[1]).toMatchObject({ title: 'Notify the privacy regulator', dueAt: 12 * MIN + 72 * 60 * MIN, passed: false, metAt: null });
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
  });

  it('an ended session has nothing next', () => {
    const view = sessionView(sessionFrom(world, [act(2 * MIN, 'cloud-security-analyst', 'triage-alert'), end(3 * MIN)]));
    expect(view.ended).toEqual({ at: 3 * MIN, reason: 'ended by the facilitator' });
    expect(view.actionsTaken.map((a) => a.action)).toEqual(['triage-alert']);
    expect(view.nextStop).toBeNull();
    expect(view.phase).toBe('detection-analysis');
    expect(view.journalLength).toBe(3);
  });
});
