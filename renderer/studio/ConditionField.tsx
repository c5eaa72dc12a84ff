import type { Condition } from '../../engine/format/condition.js';
import { conditionText } from '../../engine/msel/trigger-text.js';
import { isDoc, text, type Choice, type Doc } from './fields.js';

// A trigger (`when`, `unless`, a milestone's rule) picked, not typed: what kind of event, then
// which one of the plan's actions or the scenario's milestones, injects and decisions. A
// condition the pickers cannot show (all / any / not, scenario variables) is edited in the YAML.

export const MILESTONES: Choice[] = ['detected', 'contained', 'eradicated', 'recovered'].map((milestone) => ({ value: milestone, label: milestone }));

type SimpleKind = 'action' | 'milestone' | 'inject' | 'decision' | 'severityDeclared';
const KINDS: { value: SimpleKind; label: string }[] = [
  { value: 'action', label: 'an action is completed' },
  { value: 'milestone', label: 'a milestone is reached' },
  { value: 'inject', label: 'an inject has fired' },
  { value: 'decision', label: 'a decision is answered' },
  { value: 'severityDeclared', label: 'a severity is declared' },
];

export interface ConditionChoices {
  action: Choice[];
  milestone: Choice[];
  inject: Choice[];
  decision: Choice[];
  severityDeclared: Choice[];
}

const simpleKind = (condition: Doc): SimpleKind | undefined => KINDS.find((kind) => kind.value in condition && Object.keys(condition).length <= (kind.value === 'decision' ? 2 : 1))?.value;

export function ConditionField({ label, value, choices, onChange }: { label: string; value: unknown; choices: ConditionChoices; onChange: (condition: Condition) => void }) {
  const condition = isDoc(value) ? value : undefined;
  const kind = condition ? simpleKind(condition) : 'action';
  if (condition && kind === undefined) {
    return (
      <div className="field condition">
        <span>{label}</span>
        <p className="hint">{conditionText(condition as unknown as Condition)} (a combined condition: edit it in the YAML pane, or replace it)</p>
        <button type="button" onClick={() => onChange({ action: choices.action[0]?.value ?? '' })}>Replace with one action</button>
      </div>
    );
  }
  const current = kind ?? 'action';
  const make = (next: SimpleKind, id: string): Condition => (next === 'severityDeclared' ? { severityDeclared: id === 'any' || id === '' ? 'any' : Number(id) } : ({ [next]: id } as Condition));
  const picked = condition ? text(condition[current]) : '';
  return (
    <fieldset className="condition">
      <legend>{label}</legend>
      <div className="field-row">
        <label className="field">
          <span>When</span>
          <select aria-label={`${label}: kind of event`} value={current} onChange={(event) => onChange(make(event.target.value as SimpleKind, choices[event.target.value as SimpleKind][0]?.value ?? ''))}>
            {KINDS.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
          </select>
        </label>
        <label className="field grow">
          <span>Which</span>
          <select aria-label={`${label}: which`} value={picked} onChange={(event) => onChange(make(current, event.target.value))}>
            {!choices[current].some((choice) => choice.value === picked) && <option value={picked}>{picked || 'Pick one…'}</option>}
            {choices[current].map((choice) => <option key={choice.value} value={choice.value}>{choice.label}</option>)}
          </select>
        </label>
      </div>
    </fieldset>
  );
}
