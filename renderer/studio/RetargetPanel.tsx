import { useEffect, useState } from 'react';
import type { Plan } from '../../engine/format/plan.js';
import { planChoices, proposeMapping, retargetScenario, type PlanReferenceKind, type RetargetMapping } from '../../engine/studio/retarget.js';
import { useAppState, useClient } from '../app/app-context.js';

// Retargeting the draft to another plan: each id the scenario takes from its plan that the new
// plan lacks is mapped to one of the new plan's (the same title or the closest id proposed);
// what stays unmapped becomes a located error in the draft, never a silent drop.

const KIND_LABELS: Record<PlanReferenceKind, string> = { role: 'Role', action: 'Action', duty: 'Duty', step: 'Playbook step', threat: 'Threat type' };

export function RetargetPanel({ file, text, value, currentPlan, onRetargeted }: { file: string; text: string; value: unknown; currentPlan: Plan | undefined; onRetargeted: (text: string, unmapped: number) => void }) {
  const client = useClient();
  const plans = useAppState((state) => state.listing)?.plans ?? [];
  const [targetId, setTargetId] = useState('');
  const [target, setTarget] = useState<Plan | null>(null);
  const [mapping, setMapping] = useState<RetargetMapping>({});
  useEffect(() => {
    setTarget(null);
    if (!targetId) return;
    void client.send('library.show', { kind: 'plan', id: targetId }).then((shown) => shown.kind === 'plan' && setTarget(shown.document), () => {});
  }, [client, targetId]);
  const missing = target ? proposeMapping(value, target, currentPlan) : [];
  const pick = (kind: PlanReferenceKind, id: string, proposed: string | undefined) => mapping[kind]?.[id] ?? proposed ?? '';
  const apply = () => {
    if (!target) return;
    const chosen: RetargetMapping = {};
    for (const item of missing) {
      const to = pick(item.kind, item.id, item.proposed);
      if (to) chosen[item.kind] = { ...chosen[item.kind], [item.id]: to };
    }
    const result = retargetScenario(file, text, target, chosen);
    onRetargeted(result.text, result.errors.length);
    setTargetId('');
  };
  return (
    <details className="retarget">
      <summary>Retarget to another plan</summary>
      <label className="field">
        <span>The plan to write it for</span>
        <select value={targetId} onChange={(event) => setTargetId(event.target.value)}>
          <option value="">Pick a plan…</option>
          {plans.map((plan) => <option key={plan.id} value={plan.id}>{plan.title} ({plan.id})</option>)}
        </select>
      </label>
      {target && (
        <>
          {missing.length === 0 ? <p>Every id the scenario uses is in plan "{target.id}".</p> : (
            <table className="mapping">
              <caption>Ids plan "{target.id}" does not have: map each to one of its own</caption>
              <thead><tr><th scope="col">In the scenario</th><th scope="col">Uses</th><th scope="col">In plan {target.id}</th></tr></thead>
              <tbody>
                {missing.map((item) => (
                  <tr key={`${item.kind}:${item.id}`}>
                    <th scope="row">{KIND_LABELS[item.kind]} {item.id}</th>
                    <td>{item.uses}</td>
                    <td>
                      <select aria-label={`${KIND_LABELS[item.kind]} ${item.id} becomes`} value={pick(item.kind, item.id, item.proposed)} onChange={(event) => setMapping((all) => ({ ...all, [item.kind]: { ...all[item.kind], [item.id]: event.target.value } }))}>
                        <option value="">Leave unmapped (an error to fix)</option>
                        {planChoices(target)[item.kind].map((choice) => <option key={choice.id} value={choice.id}>{choice.title} ({choice.id})</option>)}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <button type="button" onClick={apply}>Retarget to {target.title}</button>
        </>
      )}
    </details>
  );
}
