import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { Server as SocketServer } from 'socket.io';
import { COMMAND_EVENT } from '../../engine/protocol/event-names.js';
import type { ChatMessageView, DraftView, JoinLookup, ObserverView, ParticipantSelf, Reply, RoleView } from '../../engine/protocol/index.js';
import { bundledLibrary } from '../helpers/world.js';

// The built app's participant pages in front of a stand-in host that answers the join and one
// role's view as the protocol says (engine/protocol/audience.ts), from the bundled scenario: to
// look at the pages (screenshots, axe-core) at a phone's and a laptop's size. The real host's
// drill is lan.e2e.test.ts.

const MIN = 60_000;
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.svg': 'image/svg+xml', '.png': 'image/png' };

/** What the stand-in host says: the role's view, with what the team has done so far. */
export function sampleRoleView(): RoleView {
  const { scenario } = bundledLibrary().scenarios.get('public-test-bucket')!;
  const { plan } = bundledLibrary().plans.get(scenario.plan)!;
  const role = 'cloud-security-analyst';
  const roles = plan.roles.map((one) => ({ id: one.id, title: one.title }));
  const ada = { id: 'p-ada0000001', name: 'Ada Lovelace' };
  const grace = { id: 'p-grace00001', name: 'Grace Hopper' };
  const inbox = scenario.injects.filter((inject) => inject.to.includes(role)).slice(0, 4).map((inject, index) => ({
    id: inject.id, title: inject.title, channel: inject.channel, from: inject.from ?? null, to: inject.to, body: inject.body,
    artifacts: inject.artifacts ?? [], firedAt: index * 9 * MIN,
  }));
  const actions = plan.actions.filter((action) => action.roles.includes(role) && (action.providers.length === 0 || action.providers.includes('aws'))).slice(0, 8).map((action, index) => ({
    id: action.id, title: action.title, description: action.description ?? null, phase: action.phase, tool: action.tool ?? null, duration: action.duration,
    prerequisites: action.prerequisites, roles: action.roles,
    taken: index < 2 ? { seq: 10 + index, action: action.id, title: action.title, by: role, takenAt: (4 + index * 6) * MIN, completesAt: (4 + index * 6) * MIN + action.duration, status: 'done' as const } : null,
  }));
  const chat: ChatMessageView[] = [
    { seq: 14, at: 6 * MIN, actor: 'incident-commander', participant: ada, text: 'Bridge is open. Grace, what does the finding say?' },
    { seq: 15, at: 8 * MIN, actor: role, participant: grace, text: 'Public read on the UAT bucket since yesterday 13:31. Pulling the access logs before anyone touches it.' },
    { seq: 18, at: 17 * MIN, actor: 'facilitator', participant: null, text: 'Reminder: the legal team is on the bridge from 10:00.' },
  ];
  const drafts: DraftView[] = [{ seq: 20, at: 19 * MIN, kind: 'executive-briefing', role, participant: grace, text: 'A UAT bucket was publicly readable for about 20 hours. Access logs are preserved; no evidence of download so far.' }];
  return {
    audience: 'role', sessionId: 's-look', name: null, scenarioTitle: scenario.title, startsAt: scenario.startsAt, now: 27 * MIN + 14_000, paused: false, speed: 1, ended: null,
    roles, role: { id: role, title: plan.roles.find((one) => one.id === role)!.title },
    phases: plan.phases.map((phase) => ({ id: phase.id, title: phase.title })), phase: 'detection-analysis',
    severity: null, severityLevels: [], severityDeadlines: null, inbox, actions,
    openDecisions: [{ id: 'bucket-cleanup', prompt: scenario.decisions[0]!.prompt, role, options: scenario.decisions[0]!.options.map((option) => ({ id: option.id, label: option.label })), openedAt: 22 * MIN, expiresAt: 52 * MIN }],
    answeredDecisions: [], duties: [], chat, drafts, team: [],
  };
}

/** What an evaluator is shown of the same drill: everything so far, for every role, and the objectives to rate. */
export function sampleObserverView(role: RoleView = sampleRoleView()): ObserverView {
  const { scenario } = bundledLibrary().scenarios.get('public-test-bucket')!;
  return {
    audience: 'observer', sessionId: role.sessionId, name: role.name, scenarioTitle: role.scenarioTitle, startsAt: role.startsAt, now: role.now, paused: role.paused, speed: role.speed, ended: null,
    roles: role.roles, phases: role.phases, phase: role.phase, milestones: {}, severity: null, severityDeadlines: null, metrics: [], deadlines: [],
    injects: role.inbox, openDecisions: role.openDecisions, answeredDecisions: [],
    actionsTaken: role.actions.flatMap((action) => (action.taken ? [{ ...action.taken, participant: { id: 'p-grace00001', name: 'Grace Hopper' } }] : [])),
    chat: role.chat, drafts: role.drafts, people: [],
    objectives: scenario.objectives.map((objective) => ({ id: objective.id, title: objective.title, capability: objective.capability })),
    ratings: [], evaluatorNotes: [],
  };
}

/** The token the stand-in host gives an evaluator (a role's player gets another): the page's view follows it. */
const EVALUATOR_TOKEN = 'look-token-evaluator';

const LOOKUP = (view: RoleView): JoinLookup => ({
  sessionId: view.sessionId, name: view.scenarioTitle, ended: false, approval: false,
  roles: view.roles.map((role) => ({
    id: role.id, title: role.title,
    free: role.id !== 'incident-commander', heldBy: role.id === 'incident-commander' ? ['Ada Lovelace'] : [], reservedFor: role.id === 'communications-lead' ? 'Alan Turing' : null,
  })),
});

export interface Harness {
  origin: string;
  close(): Promise<void>;
}

/** Serves dist/renderer and answers the join commands on a free loopback port. */
export async function lanHarness(view: RoleView = sampleRoleView()): Promise<Harness> {
  const root = join(process.cwd(), 'dist/renderer');
  const http: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  const io = new SocketServer(http, { transports: ['websocket'] });
  io.on('connection', (socket) => {
    const evaluating = socket.handshake.query.token === EVALUATOR_TOKEN;
    socket.on(COMMAND_EVENT, (request: { id: number; type: string; params: Record<string, unknown> }, ack: (reply: Reply) => void) => {
      const me: ParticipantSelf = { sessionId: view.sessionId, participant: 'p-grace00001', name: String(request.params.name ?? 'Grace Hopper'), seat: 'role', role: view.role.id, roleTitle: view.role.title };
      const evaluator: ParticipantSelf = { ...me, participant: 'p-hedy000001', name: 'Hedy Lamarr', seat: 'evaluator', role: null, roleTitle: null };
      const ok = (result: unknown) => ack({ id: request.id, ok: true, result } as Reply);
      switch (request.type) {
        case 'join.lookup': return ok(LOOKUP(view));
        case 'join.request':
          // The stand-in lets an evaluator in at once (the real host has the facilitator do it).
          if (request.params.seat === 'evaluator') return ok({ status: 'joined', sessionId: view.sessionId, token: EVALUATOR_TOKEN, me: evaluator });
          return ok({ status: 'joined', sessionId: view.sessionId, token: 'look-token', me });
        case 'audience.open': return ok(evaluating ? { view: sampleObserverView(view), me: evaluator } : { view, me: { ...me, name: 'Grace Hopper' } });
        default: return ack({ id: request.id, ok: false, error: { code: 'refused', message: 'the stand-in host only shows pages' } } as Reply);
      }
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => { void io.close(); http.close(() => resolve()); }),
  };
}
