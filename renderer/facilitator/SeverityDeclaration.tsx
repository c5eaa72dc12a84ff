import { memo, useState } from 'react';
import type { Plan } from '../../engine/format/plan.js';
import type { SessionView } from '../../engine/protocol/index.js';
import { useCommand } from '../app/app-context.js';
import { roleTitle } from '../store/session-selectors.js';

/** Declares a severity level of the plan's matrix, as a role the plan lets declare it. */
export const SeverityDeclaration = memo(function SeverityDeclaration({ view, plan, actingRole }: { view: SessionView; plan: Plan; actingRole: string }) {
  const command = useCommand();
  const declarer = plan.severityDeclaredBy.includes(actingRole) ? actingRole : plan.severityDeclaredBy[0]!;
  const [level, setLevel] = useState(plan.severityLevels[0]!.level);
  const chosen = plan.severityLevels.find((one) => one.level === level);
  return (
    <section className="panel severity" aria-labelledby="severity-heading">
      <h2 id="severity-heading">Severity declaration</h2>
      <div className="inline-form">
        <label className="field inline">
          <span>Level</span>
          <select value={level} onChange={(event) => setLevel(Number(event.target.value))}>
            {plan.severityLevels.map((one) => <option key={one.level} value={one.level}>{one.name}</option>)}
          </select>
        </label>
        <button type="button" className="primary" disabled={!!view.ended}
          onClick={() => void command('session.input', { sessionId: view.sessionId, actor: declarer, input: { type: 'severity.declared', level } })}>
          Declare severity
        </button>
      </div>
      {chosen && <p className="hint">{chosen.criteria} Declared as {roleTitle(plan, declarer)}.</p>}
    </section>
  );
});
