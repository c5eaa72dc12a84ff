import type { JournalEntry, JournalInput, Seat } from './journal.js';
import type { ScenarioIndex } from './scenario-index.js';

/** The pseudo-actor of an evaluator's entries (their name is their participant's: the stamp says who). */
export const EVALUATOR = 'evaluator';

/** A participant as the journal has them: joined, given a role, removed. */
export interface Person {
  id: string;
  name: string;
  seat: Seat;
  role: string | null;
  joinedAt: number;
  /** The participant.joined entry. */
  seq: number;
  removedAt: number | null;
}

/** What a participant in a role may record from their own page. */
const ROLE_INPUTS = new Set<JournalInput['type']>(['action.taken', 'severity.declared', 'decision.answered', 'chat.posted', 'draft.sent']);
const EVALUATOR_INPUTS = new Set<JournalInput['type']>(['objective.rated', 'evaluator.observed']);

/**
 * The participants of a session, folded from its journal: who joined, in which seat, playing
 * which role, and who was removed. It also says what may be recorded in a participant's name
 * (the journal stamp's `participant`): the same rule for a live input and a replay.
 */
export class People {
  private readonly byId = new Map<string, Person>();

  get(id: string): Person | undefined {
    return this.byId.get(id);
  }

  /** Every participant who ever joined, in the order they joined. */
  all(): Person[] {
    return [...this.byId.values()];
  }

  /** Participants not removed. */
  active(): Person[] {
    return this.all().filter((person) => person.removedAt === null);
  }

  apply(entry: JournalEntry): void {
    switch (entry.type) {
      case 'participant.joined':
        this.byId.set(entry.participant, { id: entry.participant, name: entry.name, seat: entry.seat, role: entry.role ?? null, joinedAt: entry.simTime, seq: entry.seq, removedAt: null });
        return;
      case 'participant.assigned': {
        const person = this.byId.get(entry.participant);
        if (person) this.byId.set(person.id, { ...person, role: entry.role });
        return;
      }
      case 'participant.removed': {
        const person = this.byId.get(entry.participant);
        if (person) this.byId.set(person.id, { ...person, removedAt: entry.simTime });
        return;
      }
      default:
        return;
    }
  }

  /** Why the lobby entries cannot be recorded (an unknown or removed participant, a role not in the plan), or undefined. */
  lobbyRefusal(index: ScenarioIndex, input: JournalInput): string | undefined {
    switch (input.type) {
      case 'participant.joined':
        if (this.byId.has(input.participant)) return `participant ${input.participant} has joined already`;
        if (input.seat !== 'role' && input.role !== undefined) return `an ${input.seat} plays no role`;
        return input.role === undefined || index.roles.has(input.role) ? undefined : `"${input.role}" is not a role of plan "${index.plan.id}"`;
      case 'participant.assigned': {
        const person = this.byId.get(input.participant);
        if (!person || person.removedAt !== null) return `participant ${input.participant} is not in the session`;
        if (person.seat !== 'role') return `${person.name} is an ${person.seat}: an ${person.seat} plays no role`;
        return index.roles.has(input.role) ? undefined : `"${input.role}" is not a role of plan "${index.plan.id}"`;
      }
      case 'participant.removed': {
        const person = this.byId.get(input.participant);
        return !person || person.removedAt !== null ? `participant ${input.participant} is not in the session` : undefined;
      }
      default:
        return undefined;
    }
  }

  /**
   * Why this input cannot be recorded in this participant's name, or undefined when it can: a
   * participant acts only from their seat (a role's own actions, decisions, severity if the plan
   * lets the role declare it, the bridge channel, its drafts; an evaluator's ratings and notes),
   * and never once removed.
   */
  refusal(index: ScenarioIndex, input: JournalInput, actor: string, participant: string): string | undefined {
    const person = this.byId.get(participant);
    if (!person) return `participant ${participant} has not joined this session`;
    if (person.removedAt !== null) return `${person.name} was removed from the session`;
    if (person.seat === 'observer') return `${person.name} observes: an observer records nothing`;
    if (person.seat === 'evaluator') {
      if (!EVALUATOR_INPUTS.has(input.type)) return `${person.name} is an evaluator: an evaluator rates objectives and notes observations`;
      return actor === EVALUATOR ? undefined : `an evaluator's entries are recorded as "${EVALUATOR}", not "${actor}"`;
    }
    if (person.role === null) return `${person.name} has no role yet: the facilitator assigns one`;
    if (actor !== person.role) return `${person.name} plays ${roleTitle(index, person.role)}, not ${roleTitle(index, actor)}`;
    if (!ROLE_INPUTS.has(input.type)) return `${input.type} is not for a participant: only the facilitator can do it`;
    const role = roleTitle(index, person.role);
    switch (input.type) {
      case 'action.taken': {
        const action = index.actions.get(input.action);
        return action && !action.roles.includes(person.role) ? `"${action.title}" is not an action of ${role}: its owners take it` : undefined;
      }
      case 'decision.answered': {
        const decision = index.decisions.get(input.decision);
        return decision && decision.role !== person.role ? `decision "${decision.id}" is put to ${roleTitle(index, decision.role)}, not ${role}` : undefined;
      }
      case 'severity.declared':
        return index.plan.severityDeclaredBy.includes(person.role) ? undefined : `the plan leaves the severity to ${index.plan.severityDeclaredBy.map((id) => roleTitle(index, id)).join(' or ')}, not ${role}`;
      default:
        return undefined;
    }
  }
}

const roleTitle = (index: ScenarioIndex, role: string): string => index.plan.roles.find((one) => one.id === role)?.title ?? role;
