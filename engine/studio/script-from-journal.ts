import { Document, isMap, isSeq } from 'yaml';
import { formatDuration } from '../format/duration.js';
import { FACILITATOR, SCRIPT_FORMAT } from '../format/script.js';
import type { JournalEntry } from '../session/journal.js';
import { DRAFT_PRINT } from './draft-edit.js';

// A played session as a response script (firedrill-script/1), so that a scenario's author can
// record the model answer (or a flawed one) by playing it: each input the team or the
// facilitator made becomes a step at its simulated time. Clock changes are not steps (a script
// plays at its own pace); what a script cannot say is left out and said so.

export interface ScriptFromJournal {
  /** The script as YAML, each step on one line where it fits. */
  yaml: string;
  steps: number;
  /** Inputs of the session a script has no step for. */
  leftOut: string[];
}

/** A step's time: whole seconds, rounded up so that no step comes before what it answered. */
const stepTime = (simTime: number) => formatDuration(Math.ceil(simTime / 1000) * 1000);

export function scriptFromJournal(entries: readonly JournalEntry[], options: { scenarioId: string; name: string; description: string }): ScriptFromJournal {
  const steps: Record<string, unknown>[] = [];
  const leftOut: string[] = [];
  for (const entry of entries) {
    const at = stepTime(entry.simTime);
    switch (entry.type) {
      case 'action.taken':
        steps.push({ at, by: entry.actor, action: entry.action });
        break;
      case 'severity.declared':
        steps.push({ at, by: entry.actor, declareSeverity: entry.level });
        break;
      case 'decision.answered':
        steps.push({ at, by: entry.actor, decision: entry.decision, option: entry.option });
        break;
      case 'inject.released':
        steps.push({ at, by: FACILITATOR, releaseInject: entry.inject });
        break;
      case 'inject.held':
        steps.push({ at, by: FACILITATOR, holdInject: entry.inject });
        break;
      case 'inject.resumed':
        leftOut.push(`inject ${entry.inject} put back on its schedule at ${at} (a script holds or releases injects only)`);
        break;
      case 'observation.noted':
        if (entry.tag === 'note') leftOut.push(`the note "${entry.text.slice(0, 40)}${entry.text.length > 40 ? '...' : ''}" at ${at} (a script keeps strengths and areas for improvement)`);
        else steps.push({ at, by: FACILITATOR, observation: { text: entry.text, tag: entry.tag, ...(entry.objective ? { objective: entry.objective } : {}), ...(entry.inject ? { inject: entry.inject } : {}) } });
        break;
      case 'session.ended':
        // The time limit's end is the script's own: without an end step it plays to the limit.
        if (entry.actor !== 'system') steps.push({ at, by: FACILITATOR, end: true });
        break;
      default:
        break;
    }
  }
  const document = new Document({ format: SCRIPT_FORMAT, scenario: options.scenarioId, name: options.name, description: options.description, steps }, { aliasDuplicateObjects: false });
  const list = document.get('steps', true);
  if (isSeq(list)) {
    for (const step of list.items) if (isMap(step) && !step.has('observation')) step.flow = true;
  }
  return { yaml: document.toString(DRAFT_PRINT), steps: steps.length, leftOut };
}
