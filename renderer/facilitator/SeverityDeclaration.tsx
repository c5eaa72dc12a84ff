import { memo, useState } from 'react';
import type { Plan } from '../../engine/format/plan.js';
import { clockText, durationText } from '../../engine/format/time-text.js';
import type { SessionView } from '../../engine/protocol/index.js';
import { useCommand } from '../app/app-context.js';
import { useInFlight } from '../app/use-in-flight.js';
import { roleTitle } from '../store/session-selectors.js';

/** The level select's id: the S shortcut and the skip link land on it. */
export const SEVERITY_LEVEL_ID = 'severity-level';

/**
 * Declares a severity level of the plan's matrix, as a role the plan lets declare it. No level
 * is chosen until the facilitator chooses one: a declaration is never one click on a default.
 */
export const SeverityDeclaration = memo(function SeverityDeclaration({ view, plan, actingRole }: { view: SessionView; plan: Plan; actingRole: string }) {
  const command = useCommand();
  const declarer = plan.severityDeclaredBy.includes(actingRole) ? actingRole : plan.severityDeclaredBy[0]!;
  const [level, setLevel] = useState<number | null>(null);
  const chosen = plan.severityLevels.find((one) => one.level === level);
  const { sending, once } = useInFlight();
  // Declaring the level already declared would only repeat it in the timeline and the report.
  const alreadyDeclared = level !== null && view.severity?.level === level;
  return (
    <section className="panel severity" aria-labelledby="severity-heading">
      <h2 id="severity-heading" tabIndex={-1}>Severity declaration</h2>
      <p className="hint">{view.severity ? `Declared: Sev ${view.severity.level} · ${view.severity.name}, at ${clockText(view.severity.at)} by ${roleTitle(plan, view.severity.by)}.` : 'No severity declared yet.'}</p>
      <div className="inline-form">
        <label className="field inline">
          <span>Level</span>
          <select id={SEVERITY_LEVEL_ID} value={level ?? ''} onChange={(event) => setLevel(event.target.value === '' ? null : Number(event.target.value))}>
            <option value="" disabled>Choose a level…</option>
            {/* "Sev 1 · Critical": the number the library, the clock bar and the scorecard use, beside the plan's name. */}
            {plan.severityLevels.map((one) => <option key={one.level} value={one.level}>Sev {one.level} · {one.name}</option>)}
          </select>
        </label>
        <button type="button" className="primary" disabled={!!view.ended || level === null || alreadyDeclared || sending}
          onClick={() => level !== null && void once(() => command('session.input', { sessionId: view.sessionId, actor: declarer, input: { type: 'severity.declared', level } }))}>
          Declare severity
        </button>
      </div>
      {alreadyDeclared
        ? <p className="hint">Sev {level} is the level declared: choose another to reclassify.</p>
        : chosen ? <p className="hint">{chosen.criteria} Declared as {roleTitle(plan, declarer)}.</p> : <p className="hint">Declared as {roleTitle(plan, declarer)}.</p>}
      <ul className="severity-matrix">
        {plan.severityLevels.map((one) => <li key={one.level}><strong>Sev {one.level} · {one.name}</strong> (response within {durationText(one.responseDeadline)}): {one.criteria}</li>)}
      </ul>
    </section>
  );
});
