import { describe, expect, it } from 'vitest';
import { journalText, LEGACY_ENGINE_FORMAT, type JournalEntry } from '../../../engine/session/journal.js';
import { parseJournal } from '../../../engine/session/journal-reader.js';
import { entryHash, integrityMessage, nobleSha256Hex } from '../../../engine/session/journal-chain.js';
import { Session } from '../../../engine/session/session.js';
import { iso, loadMini, MIN, startSession, WALL0 } from '../../helpers/world.js';

// Each journal entry carries the hash of the one before it and of its own content, so a
// journal changed after it was recorded is found out, at its first altered line.

const CSA = 'cloud-security-analyst';

/** A recorded mini session: start, triage, severity, the decision, an observation, the end. */
function recorded(): string[] {
  const session = startSession(loadMini());
  const stamp = (minutes: number, actor: string) => ({ simTime: minutes * MIN, wallTime: iso(WALL0 + minutes * MIN), actor });
  session.record({ type: 'action.taken', action: 'triage-alert' }, stamp(2, CSA));
  session.record({ type: 'severity.declared', level: 2 }, stamp(13, 'incident-commander'));
  session.record({ type: 'decision.answered', decision: 'DEC-01', option: 'wait' }, stamp(14, 'legal-compliance'));
  session.record({ type: 'observation.noted', text: 'The team waited.', tag: 'improvement' }, stamp(15, 'facilitator'));
  session.record({ type: 'session.ended' }, stamp(20, 'facilitator'));
  return journalText(session.journal).trimEnd().split('\n');
}

const text = (lines: string[]) => `${lines.join('\n')}\n`;
const edit = (line: string, change: (entry: Record<string, unknown>) => Record<string, unknown>) => JSON.stringify(change(JSON.parse(line) as Record<string, unknown>));

describe('the journal hash chain', () => {
  it('a journal as recorded is verified, however its keys are ordered or spaced', () => {
    const lines = recorded();
    expect(parseJournal(text(lines)).integrity).toEqual({ status: 'verified' });
    const respaced = lines.map((line) => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(line) as object).reverse()), null, 1).replace(/\n/g, ' '));
    expect(parseJournal(text(respaced)).integrity).toEqual({ status: 'verified' });
  });

  it('one decision option changed: edited, at that line', () => {
    const lines = recorded();
    lines[3] = lines[3]!.replace('"option":"wait"', '"option":"notify"');
    const parsed = parseJournal(text(lines));
    expect(parsed.errors).toEqual([]);
    expect(parsed.integrity).toEqual({ status: 'edited', line: 4, message: expect.stringMatching(/^this entry does not match its hash/) });
    expect(integrityMessage(parsed.integrity, 'drill.jsonl')).toMatch(/^drill\.jsonl:4: the journal was edited after it was recorded: /);
  });

  it('a line changed with its own hash recomputed breaks the chain at the next line', () => {
    const lines = recorded();
    const { hash: _hash, ...entry } = JSON.parse(lines[3]!.replace('"option":"wait"', '"option":"notify"')) as JournalEntry;
    const previous = (JSON.parse(lines[2]!) as JournalEntry).hash!;
    lines[3] = JSON.stringify({ ...entry, hash: entryHash(previous, entry as JournalEntry, nobleSha256Hex) });
    expect(parseJournal(text(lines)).integrity).toMatchObject({ status: 'edited', line: 5 });
  });

  it('a hash removed from a line after chained ones, an entry added by hand, the first line changed', () => {
    const lines = recorded();
    const unhashed = [...lines];
    unhashed[4] = edit(unhashed[4]!, ({ hash: _hash, ...rest }) => rest);
    expect(parseJournal(text(unhashed)).integrity).toEqual({ status: 'edited', line: 5, message: expect.stringMatching(/no hash/) });
    const added = [...lines.slice(0, 5), edit(lines[4]!, (entry) => ({ ...entry, seq: 6, text: 'Added later.' })), edit(lines[5]!, (entry) => ({ ...entry, seq: 7 }))];
    expect(parseJournal(text(added))).toMatchObject({ errors: [], integrity: { status: 'edited', line: 6 } });
    const first = [...lines];
    first[0] = edit(first[0]!, (entry) => ({ ...entry, participants: { [CSA]: 'Someone else' } }));
    expect(parseJournal(text(first)).integrity).toMatchObject({ status: 'edited', line: 1 });
  });

  it('a journal written before the chain (engine format 1, no hashes) is unverified, and still replays', () => {
    const lines = recorded().map((line, index) => edit(line, ({ hash: _hash, ...rest }) => (index === 0 ? { ...rest, engineFormat: LEGACY_ENGINE_FORMAT } : rest)));
    const parsed = parseJournal(text(lines));
    expect(parsed.integrity).toEqual({ status: 'unverified', unchainedEntries: 6 });
    expect(integrityMessage(parsed.integrity, 'old.jsonl')).toMatch(/^old\.jsonl: this journal was written before Firedrill chained its entries/);
    const { plan, scenario } = loadMini();
    expect(Session.replay(parsed.entries, plan, scenario).context.ended).not.toBeNull();
  });
});

describe('a simulated drill\'s session', () => {
  it('is not chained (its journal is never stored) and plays exactly as a chained one', () => {
    const world = loadMini();
    const play = (unchained: boolean) => {
      const session = Session.start({ plan: world.plan, scenario: world.scenario, sessionId: 'sim', mode: 'scripted', speed: 600, wallTime: iso(WALL0), unchained });
      session.record({ type: 'action.taken', action: 'triage-alert' }, { simTime: 2 * MIN, wallTime: iso(WALL0 + 2 * MIN), actor: CSA });
      session.record({ type: 'severity.declared', level: 2 }, { simTime: 13 * MIN, wallTime: iso(WALL0 + 13 * MIN), actor: 'incident-commander' });
      return session;
    };
    const chained = play(false);
    const unchained = play(true);
    expect(unchained.journal.every((entry) => entry.hash === undefined)).toBe(true);
    expect(unchained.journal).toEqual(chained.journal.map(({ hash: _hash, ...entry }) => entry));
    expect(unchained.context).toEqual(chained.context);
  });
});
