import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../engine/protocol/messages.js';

// Text that comes in through the session protocol is bounded like text in the files
// (docs/concepts.md, "Limits"): each command's text one character over its limit is refused with
// a bad-request naming the field, before it reaches a session, a journal or an export.

const session = { sessionId: 'abc' };
const over = (length: number) => 'x'.repeat(length + 1);

describe('protocol text limits', () => {
  it.each([
    ['an observation', 'session.input', { ...session, actor: 'facilitator', input: { type: 'observation.noted', text: over(5_000), tag: 'note' } }, /input\.text/],
    ['a participant name', 'session.create', { scenarioId: 's', mode: 'solo', participants: { 'incident-commander': over(200) } }, /participants\.incident-commander/],
    ['the reason for ending', 'session.end', { ...session, reason: over(500) }, /reason/],
    ['an AAR name', 'export.aar', { ...session, format: 'md', name: over(200) }, /name/],
    ['an AAR point of contact', 'export.aar', { ...session, format: 'md', pointOfContact: over(200) }, /pointOfContact/],
    ['an AAR organisation', 'export.aar', { ...session, format: 'md', organisation: over(200) }, /organisation/],
    ['an improvement issue', 'improvements.save', {
      ...session,
      items: [{ objectiveId: 'OBJ-1', objectiveTitle: 't', capability: 'c', issue: over(2_000), correctiveAction: 'a', capabilityElement: 'training', ownerRole: 'incident-commander', startDate: '2026-01-01', completionDate: '2026-02-01' }],
    }, /items\.0\.issue/],
    ['an imported file name', 'library.import', { fileName: `${over(200)}.yaml`, text: 'x' }, /fileName/],
  ] as const)('refuses %s one character over', (_name, type, params, field) => {
    const parsed = parseRequest({ id: 1, type, params });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reply).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(!parsed.reply.ok && parsed.reply.error.message).toMatch(field);
  });
});
