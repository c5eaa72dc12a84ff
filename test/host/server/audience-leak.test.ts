import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../host/server/server.js';
import type { Plan } from '../../../engine/format/plan.js';
import type { Scenario } from '../../../engine/format/scenario.js';
import type { AudienceView, RoleView, ObserverView } from '../../../engine/protocol/audience.js';
import type { SessionView } from '../../../engine/protocol/view.js';
import { LanClient } from './helpers/lan-client.js';

// THE LEAK TEST (issue 12): for every bundled scenario and every audience, the raw Socket.IO
// frames a participant, the projector, an observer or an evaluator receives over a whole
// scripted drill (participants acting, answering, chatting, sending drafts, an evaluator rating)
// carry none of the facilitator's material: notes, the ground truth, the expected severity,
// decision credits, nor an inject's title or body before it fires (for a role: one sent to it).

let dataDir: string;
let server: RunningServer;
let facilitator: LanClient;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'firedrill-leak-'));
  // The clock moves by jumps only: a drill is a script, not a race with the wall clock.
  server = await startServer({ dataDir, port: 0, tickMs: 3_600_000, logError: (m) => console.error(m) });
  facilitator = await LanClient.connect(server.port, { token: server.token });
});
afterAll(async () => {
  facilitator?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A text as it appears inside a JSON frame. */
const inFrame = (text: string) => JSON.stringify(text).slice(1, -1);

/** The latest simulated time a frame's views carry (undefined for a frame without a view). */
function frameNow(frame: string): number | undefined {
  const times = [...frame.matchAll(/"now":(\d+)/g)].map((match) => Number(match[1]));
  return times.length ? Math.max(...times) : undefined;
}

interface Audience {
  name: string;
  client: LanClient;
  /** The role whose injects alone this audience may see. */
  role?: string;
}

/** Every way one audience's frames could leak the facilitator's material; the list of leaks found. */
function leaksIn(audience: Audience, scenario: Scenario, finalView: SessionView): string[] {
  const found: string[] = [];
  const secrets: [string, string][] = [['ground truth', scenario.groundTruth.narrative]];
  for (const inject of scenario.injects) if (inject.facilitatorNotes) secrets.push([`notes of ${inject.id}`, inject.facilitatorNotes]);
  for (const decision of scenario.decisions) for (const option of decision.options) if (option.rationale) secrets.push([`rationale of ${decision.id}/${option.id}`, option.rationale]);
  const keys = ['"expectedSeverity"', '"facilitatorNotes"', '"groundTruth"', '"quality"', '"rationale"', '"expects"', '"nextStop"', '"observations"'];
  const fired = new Map(finalView.injects.map((inject) => [inject.id, inject.firedAt]));
  for (const frame of audience.client.frames) {
    for (const [what, text] of secrets) if (frame.includes(inFrame(text))) found.push(`${audience.name}: ${what}`);
    for (const key of keys) if (frame.includes(key)) found.push(`${audience.name}: the key ${key}`);
    const now = frameNow(frame);
    for (const inject of scenario.injects) {
      const shown = frame.includes(inFrame(inject.body)) || (inject.title.length >= 16 && frame.includes(inFrame(inject.title)));
      if (!shown) continue;
      const firedAt = fired.get(inject.id);
      if (firedAt === null || firedAt === undefined) found.push(`${audience.name}: inject ${inject.id}, which never fired`);
      else if (now !== undefined && firedAt > now) found.push(`${audience.name}: inject ${inject.id} at ${now}, before it fired at ${firedAt}`);
      else if (audience.role !== undefined && !inject.to.includes(audience.role)) found.push(`${audience.name}: inject ${inject.id}, sent to ${inject.to.join(', ')}`);
    }
    // The expected severity's level: never sent as such (a role that may declare reads every level of its plan).
    if (/"expectedLevel"|"expected"/.test(frame)) found.push(`${audience.name}: an expected-severity field`);
  }
  return found;
}

/** Joins with the code: a role seat at once; an observer's or evaluator's after the facilitator's approval. */
async function joinAs(sessionId: string, code: string, name: string, seat: 'role' | 'observer' | 'evaluator', role?: string): Promise<{ client: LanClient; participant: string }> {
  const guest = await LanClient.connect(server.port, { join: true });
  try {
    const admission = await guest.ok('join.request', { code, name, seat, ...(role ? { role } : {}) });
    let token: string;
    if (admission.status === 'joined') token = admission.token;
    else {
      const { participant } = await facilitator.ok('lobby.approve', { sessionId, request: admission.request });
      await expect.poll(() => guest.events.some((event) => event.event === 'join.admitted'), { timeout: 10_000 }).toBe(true);
      token = (guest.events.find((event) => event.event === 'join.admitted')!.payload as { token: string }).token;
      expect(participant).toMatch(/^p-/);
    }
    const client = await LanClient.connect(server.port, { token });
    const { me } = await client.ok('audience.open', { sessionId });
    return { client, participant: me!.participant };
  } finally {
    guest.close();
  }
}

/** Plays one role's turn from its own page: answers its decisions, takes an action, declares, chats and drafts once. */
async function playRole(client: LanClient, sessionId: string, round: number): Promise<void> {
  const { view } = await client.ok('audience.open', { sessionId });
  const role = view as RoleView;
  if (role.audience !== 'role' || role.ended) return;
  for (const decision of role.openDecisions) await client.command('audience.input', { sessionId, input: { type: 'decision.answered', decision: decision.id, option: decision.options[0]!.id } });
  const next = role.actions.find((action) => action.taken === null);
  if (next) await client.command('audience.input', { sessionId, input: { type: 'action.taken', action: next.id } });
  if (role.severityLevels.length > 0 && role.severity === null && role.inbox.length > 0) {
    await client.command('audience.input', { sessionId, input: { type: 'severity.declared', level: role.severityLevels[role.severityLevels.length - 1]!.level } });
  }
  if (round === 1) {
    await client.ok('chat.post', { sessionId, text: `${role.role.title} on the bridge.` });
    await client.ok('draft.send', { sessionId, kind: 'holding-statement', text: `We are aware of an incident (${role.role.title}).` });
  }
}

describe('what each audience receives', () => {
  it('carries none of the facilitator\'s material, for every bundled scenario and every audience, over a whole drill', async () => {
    const library = await facilitator.ok('library.list', {});
    const bundled = library.scenarios;
    expect(bundled.length).toBeGreaterThanOrEqual(8);
    const leaks: string[] = [];
    for (const entry of bundled) {
      const scenario = (await facilitator.ok('library.show', { kind: 'scenario', id: entry.id })).document as Scenario;
      const plan = (await facilitator.ok('library.show', { kind: 'plan', id: entry.plan })).document as Plan;
      const { sessionId } = await facilitator.ok('session.create', { scenarioId: entry.id, mode: 'facilitated', speed: 1 });
      const { joinCode } = await facilitator.ok('lobby.get', { sessionId });

      const audiences: Audience[] = [];
      const roles: { client: LanClient; role: string }[] = [];
      for (const role of plan.roles) {
        const { client } = await joinAs(sessionId, joinCode, `Player ${role.id}`, 'role', role.id);
        roles.push({ client, role: role.id });
        audiences.push({ name: `${entry.id} role ${role.id}`, client, role: role.id });
      }
      const observer = await joinAs(sessionId, joinCode, 'Olive Observer', 'observer');
      const evaluator = await joinAs(sessionId, joinCode, 'Eve Evaluator', 'evaluator');
      const { token } = await facilitator.ok('projector.token', { sessionId });
      const projector = await LanClient.connect(server.port, { token });
      await projector.ok('audience.open', { sessionId });
      audiences.push({ name: `${entry.id} observer`, client: observer.client }, { name: `${entry.id} evaluator`, client: evaluator.client }, { name: `${entry.id} projector`, client: projector });

      const objective = scenario.objectives[0]!;
      await evaluator.client.ok('evaluation.note', { sessionId, text: 'The bridge opened quickly.', objective: objective.id });
      // The scripted drill: each role plays, then the facilitator jumps to the next event; bounded in count.
      let ended = false;
      for (let round = 1; round <= 120 && !ended; round++) {
        for (const { client } of roles) await playRole(client, sessionId, round);
        const jumped = await facilitator.command('clock.jump', { sessionId });
        if (!jumped.ok) {
          await facilitator.ok('session.end', { sessionId, reason: 'the script ran out of events' });
          ended = true;
        } else ended = jumped.result.view.ended !== null;
      }
      await evaluator.client.ok('evaluation.rate', { sessionId, objective: objective.id, rating: 'S', reason: 'Contained, with some delay.' });
      // Every push sent before this reply has arrived before it (one connection, in order).
      for (const audience of audiences) await audience.client.ok('audience.open', { sessionId });
      const finalView = (await facilitator.ok('session.open', { sessionId })).view;
      expect(finalView.ended, entry.id).not.toBeNull();

      const observed = (await observer.client.ok('audience.open', { sessionId })).view as ObserverView;
      expect(observed.chat.length, entry.id).toBe(plan.roles.length);
      expect(observed.ratings.map((rating) => rating.evaluator.name), entry.id).toEqual(['Eve Evaluator']);
      // The audiences saw the drill happen: the fired injects reached them.
      const firedCount = finalView.injects.filter((inject) => inject.firedAt !== null).length;
      expect(((await projector.ok('audience.open', { sessionId })).view as AudienceView & { injects: unknown[] }).injects.length, entry.id).toBe(firedCount);
      for (const audience of audiences) {
        expect(audience.client.frames.length, audience.name).toBeGreaterThan(3);
        leaks.push(...leaksIn(audience, scenario, finalView));
        audience.client.close();
      }
      await facilitator.ok('session.close', { sessionId });
    }
    expect(leaks).toEqual([]);
  }, 600_000);
});
