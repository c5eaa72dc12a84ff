import { FACILITATOR } from '../format/script.js';
import type { SessionContext } from './context.js';
import type { JournalInput } from './journal.js';
import type { ScenarioIndex } from './scenario-index.js';
import { unknownId } from '../validate/references.js';
import { clockText } from '../format/time-text.js';
import { EVALUATOR } from './people.js';

/** The engine's own pseudo-actor, for entries nobody typed (the start of a session, its end at the time limit). */
export const SYSTEM = 'system';

const FACILITATOR_INPUTS = new Set<JournalInput['type']>([
  'clock.speed', 'clock.paused', 'clock.resumed', 'clock.jumped', 'inject.released', 'inject.held', 'inject.resumed', 'observation.noted', 'session.ended',
]);

/**
 * Why an input cannot be taken now, or undefined when it can. The same rules guard live
 * commands (with a message for the person) and replay (a journal that breaks them is corrupt).
 */
export function refusal(index: ScenarioIndex, context: SessionContext, input: JournalInput, actor: string): string | undefined {
  if (input.type === 'session.started') return 'the session has already started';
  // A name is not part of the drill: an ended session can still be renamed.
  if (input.type === 'session.renamed') return actor === FACILITATOR ? undefined : 'only the facilitator can rename a session';
  // An evaluator rates and notes during the drill or after it (HSEEP's hot wash); a participant may be removed after it.
  if (input.type === 'objective.rated' || input.type === 'evaluator.observed') return evaluationRefusal(index, input, actor);
  if (input.type === 'participant.removed') return actor === FACILITATOR ? undefined : 'only the facilitator removes a participant';
  if (context.ended) return `the session ended at ${clockText(context.ended.at, { seconds: true })} (${context.ended.reason})`;
  switch (input.type) {
    case 'participant.joined':
      return actor === FACILITATOR || actor === SYSTEM ? undefined : 'a participant joins by the join code (system) or the facilitator\'s approval';
    case 'participant.assigned':
      return actor === FACILITATOR ? undefined : 'only the facilitator assigns roles';
    case 'chat.posted':
      return actor === FACILITATOR || index.roles.has(actor) ? undefined : unknownId('role', actor, index.roles);
    default:
      break;
  }
  if (FACILITATOR_INPUTS.has(input.type)) {
    if (actor !== FACILITATOR) return `only the facilitator can do ${input.type}`;
  } else if (!index.roles.has(actor)) {
    return actor === FACILITATOR ? `${input.type} is done by a role of the team, not the facilitator` : unknownId('role', actor, index.roles);
  }
  switch (input.type) {
    case 'clock.paused':
      return context.paused ? 'the clock is already paused' : undefined;
    case 'clock.resumed':
      return context.paused ? undefined : 'the clock is not paused';
    case 'action.taken':
      return index.actions.has(input.action) ? undefined : unknownId('action', input.action, index.actions.keys());
    case 'severity.declared':
      return index.levels.has(input.level) ? undefined : `severity level ${input.level} is not in the plan (levels: ${[...index.levels.keys()].join(', ')})`;
    case 'decision.answered': {
      const decision = index.decisions.get(input.decision);
      if (!decision) return unknownId('decision', input.decision, index.decisions.keys());
      const state = context.decisions[decision.id]!;
      if (state.status === 'answered' || state.status === 'timed-out') return `decision "${decision.id}" was already answered`;
      if (state.status !== 'open') return `decision "${decision.id}" has not been put to the team yet`;
      if (!decision.options.some((o) => o.id === input.option)) return unknownId(`option of decision "${decision.id}"`, input.option, decision.options.map((o) => o.id));
      return undefined;
    }
    case 'inject.released': {
      const state = context.injects[input.inject];
      if (!state) return unknownId('inject', input.inject, index.injects.keys());
      return state.status === 'fired' ? `inject "${input.inject}" has already fired` : undefined;
    }
    case 'inject.held': {
      const state = context.injects[input.inject];
      if (!state) return unknownId('inject', input.inject, index.injects.keys());
      if (state.status === 'fired') return `inject "${input.inject}" has already fired`;
      return state.status === 'held' ? `inject "${input.inject}" is already held` : undefined;
    }
    case 'inject.resumed': {
      const state = context.injects[input.inject];
      if (!state) return unknownId('inject', input.inject, index.injects.keys());
      return state.status === 'held' ? undefined : `inject "${input.inject}" is not held`;
    }
    case 'observation.noted':
      if (input.objective !== undefined && !index.scenario.objectives.some((o) => o.id === input.objective)) {
        return unknownId('objective', input.objective, index.scenario.objectives.map((o) => o.id));
      }
      if (input.inject !== undefined && !index.injects.has(input.inject)) return unknownId('inject', input.inject, index.injects.keys());
      return undefined;
    default:
      return undefined;
  }
}

/** An evaluator's rating or observation: recorded as the evaluator, about an objective (and inject) of the scenario. */
function evaluationRefusal(index: ScenarioIndex, input: Extract<JournalInput, { type: 'objective.rated' | 'evaluator.observed' }>, actor: string): string | undefined {
  if (actor !== EVALUATOR) return `${input.type} is an evaluator's (recorded as "${EVALUATOR}")`;
  const objectives = index.scenario.objectives.map((o) => o.id);
  if (input.objective !== undefined && !objectives.includes(input.objective)) return unknownId('objective', input.objective, objectives);
  if (input.type === 'evaluator.observed' && input.inject !== undefined && !index.injects.has(input.inject)) return unknownId('inject', input.inject, index.injects.keys());
  return undefined;
}
