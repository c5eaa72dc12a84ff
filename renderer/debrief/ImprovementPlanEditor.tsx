import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ImprovementPlanResult } from '../../engine/protocol/index.js';
import { CAPABILITY_ELEMENTS, type CapabilityElement } from '../../engine/report/improvement-catalogue.js';
import { improvementEditSchema, type ImprovementEdit } from '../../engine/report/improvement-plan.js';
import { useClient } from '../app/app-context.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import './debrief.css';

type Field = keyof ImprovementEdit;
type FieldErrors = Partial<Record<Field, string>>;
const NO_ERRORS: FieldErrors = {};
/** A corrective action being edited; the key keeps React's rows (and focus) stable while numbers shift. */
type Row = ImprovementEdit & { key: number };

interface Role { id: string; title: string }
interface Objective { id: string; title: string; capability: string }

/** As the AAR names what belongs to no single objective (engine/report/aar.ts). */
const OVERALL: Objective = { id: 'Overall', title: 'Detection, response times and evidence handling', capability: 'Cross-cutting (no single objective)' };

let lastKey = 0;
const toRow = (edit: ImprovementEdit): Row => ({ ...editOf(edit), key: (lastKey += 1) });

/** Only the fields the facilitator edits: the host's schema is strict, so numbers and titles are left out. */
function editOf(item: ImprovementEdit): ImprovementEdit {
  const { objectiveId, objectiveTitle, capability, issue, correctiveAction, capabilityElement, ownerRole, startDate, completionDate } = item;
  return { objectiveId, objectiveTitle, capability, issue, correctiveAction, capabilityElement, ownerRole, startDate, completionDate };
}

/** The same check as the host's, so a plan that would be refused is not sent. */
function validate(rows: Row[]): { items: ImprovementEdit[]; errors: Map<number, FieldErrors> } {
  const items: ImprovementEdit[] = [];
  const errors = new Map<number, FieldErrors>();
  for (const row of rows) {
    const checked = improvementEditSchema.safeParse(editOf(row));
    if (checked.success) {
      items.push(checked.data);
      continue;
    }
    const fields: FieldErrors = {};
    for (const issue of checked.error.issues) fields[issue.path[0] as Field] ??= issue.message;
    errors.set(row.key, fields);
  }
  return { items, errors };
}

/** The host's refusal, "improvements.save: items.0.completionDate: …; items.2.ownerRole: …", placed at its fields. */
function hostErrors(message: string, rows: Row[]): Map<number, FieldErrors> {
  const errors = new Map<number, FieldErrors>();
  for (const part of message.split('; ')) {
    const located = /items\.(\d+)\.(\w+): (.+)$/.exec(part);
    const row = located && rows[Number(located[1])];
    if (!located || !row) continue;
    errors.set(row.key, { ...errors.get(row.key), [located[2] as Field]: located[3] });
  }
  return errors;
}

/** The local calendar day, YYYY-MM-DD, a number of days from today. */
function dayFromToday(days: number): string {
  const day = new Date();
  day.setDate(day.getDate() + days);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

const sameEdits = (rows: Row[], items: ImprovementEdit[]) => JSON.stringify(rows.map(editOf)) === JSON.stringify(items.map(editOf));

/** One labelled control of a row, its name ending with the row's number, its error next to it and described by it. */
function RowField({ id, label, number, error, children }: { id: string; label: string; number: number; error: string | undefined; children: ReactNode }) {
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label} <span className="visually-hidden">{number}</span></label>
      {children}
      {error && <span id={`${id}-error`} className="field-error">{error}</span>}
    </div>
  );
}

interface RowProps {
  row: Row;
  number: number;
  errors: FieldErrors;
  roles: Role[];
  onChange: (key: number, change: Partial<ImprovementEdit>) => void;
  onRemove: (key: number, number: number) => void;
}

/** Memoised: a plan may hold 200 corrective actions, and a keystroke should re-render its own row only. */
const CorrectiveActionRow = memo(function CorrectiveActionRow({ row, number, errors, roles, onChange, onRemove }: RowProps) {
  const base = `corrective-${row.key}`;
  const control = (field: Field) => ({
    id: `${base}-${field}`,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `${base}-${field}-error` : undefined,
  });
  const set = (field: Field) => (event: { target: { value: string } }) => onChange(row.key, { [field]: event.target.value });
  // An owner the plan's roles do not list (an older plan) stays selectable rather than silently changed.
  const owners = roles.some((role) => role.id === row.ownerRole) || !row.ownerRole ? roles : [...roles, { id: row.ownerRole, title: row.ownerRole }];
  return (
    <li className="corrective-action">
      <fieldset>
        <legend>{number}. {row.objectiveTitle} <span className="hint">{row.capability}</span></legend>
        <div className="corrective-texts">
          <RowField id={`${base}-issue`} label="Issue" number={number} error={errors.issue}>
            <textarea rows={2} value={row.issue} onChange={set('issue')} {...control('issue')} />
          </RowField>
          <RowField id={`${base}-correctiveAction`} label="Corrective action" number={number} error={errors.correctiveAction}>
            <textarea rows={3} value={row.correctiveAction} onChange={set('correctiveAction')} {...control('correctiveAction')} />
          </RowField>
        </div>
        <div className="corrective-facts">
          <RowField id={`${base}-capabilityElement`} label="Capability element" number={number} error={errors.capabilityElement}>
            <select value={row.capabilityElement} onChange={set('capabilityElement')} {...control('capabilityElement')}>
              {(Object.entries(CAPABILITY_ELEMENTS) as [CapabilityElement, string][]).map(([element, title]) => <option key={element} value={element}>{title}</option>)}
            </select>
          </RowField>
          <RowField id={`${base}-ownerRole`} label="Owner role" number={number} error={errors.ownerRole}>
            <select value={row.ownerRole} onChange={set('ownerRole')} {...control('ownerRole')}>
              {owners.map((role) => <option key={role.id} value={role.id}>{role.title}</option>)}
            </select>
          </RowField>
          <RowField id={`${base}-startDate`} label="Start date" number={number} error={errors.startDate}>
            <input type="date" value={row.startDate} onChange={set('startDate')} {...control('startDate')} />
          </RowField>
          <RowField id={`${base}-completionDate`} label="Completion date" number={number} error={errors.completionDate}>
            <input type="date" value={row.completionDate} min={row.startDate || undefined} onChange={set('completionDate')} {...control('completionDate')} />
          </RowField>
          <button type="button" className="danger remove" onClick={() => onRemove(row.key, number)}>Remove <span className="visually-hidden">corrective action {number}</span></button>
        </div>
      </fieldset>
    </li>
  );
});

/** Asks first: resetting throws away the saved edits as well as the unsaved ones. */
function ResetPlanDialog({ disabled, onConfirm }: { disabled: boolean; onConfirm: () => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" disabled={disabled} onClick={() => setOpen(true)}>Reset to the generated plan</button>
      {/* onConfirm returns at once: the editor's own busy state disables Save and Reset while the host answers. */}
      <ConfirmDialog
        open={open} onOpenChange={setOpen}
        title="Reset to the generated plan?"
        description="The edited plan and any unsaved changes are discarded; the after-action report goes back to the plan generated from the scorecard."
        keepLabel="Keep the edits" confirmLabel="Discard the edits and reset" tone="danger"
        onConfirm={onConfirm}
      />
    </>
  );
}

/** The AAR's improvement plan: the generated corrective actions, editable, saved to the host for the exports. */
export function ImprovementPlanEditor({ sessionId, roles, objectives }: { sessionId: string; roles: Role[]; objectives: Objective[] }) {
  const client = useClient();
  const id = useId();
  const [plan, setPlan] = useState<ImprovementPlanResult | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [checking, setChecking] = useState(false);
  const [refused, setRefused] = useState<Map<number, FieldErrors>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [newObjective, setNewObjective] = useState(objectives[0]?.id ?? OVERALL.id);
  /** Where focus goes after the next render, worked out from the rows it shows. */
  const focusNext = useRef<((rows: Row[]) => string) | null>(null);

  const show = (result: ImprovementPlanResult) => {
    setPlan(result);
    setRows(result.items.map(toRow));
    setChecking(false);
    setRefused(new Map());
    setProblem(null);
  };

  useEffect(() => {
    let current = true;
    client.send('improvements.get', { sessionId }).then(
      (result) => current && show(result),
      (error: Error) => current && setProblem(`The improvement plan could not be loaded: ${error.message}`),
    );
    return () => void (current = false);
  }, [client, sessionId]);

  // Focus moves after the render that made its target: the new row's first field, or what follows a removed row.
  useEffect(() => {
    const target = focusNext.current?.(rows);
    focusNext.current = null;
    if (target) document.getElementById(target)?.focus();
  });

  // Rows are checked live only once a save has been tried: until then a keystroke costs one row's render.
  const live = useMemo(() => (checking ? validate(rows) : null), [checking, rows]);
  const dirty = plan !== null && !sameEdits(rows, plan.items);
  // Errors show once a save has been tried, then follow the edits live; the host's stay until the next edit.
  const errors = useMemo(() => {
    const merged = new Map<number, FieldErrors>(live ? live.errors : []);
    for (const [key, fields] of refused) merged.set(key, { ...merged.get(key), ...fields });
    return merged;
  }, [live, refused]);

  // Stable, so that the memoised rows a change does not touch stay as they are.
  const change = useCallback((key: number, edit: Partial<ImprovementEdit>) => {
    setRows((now) => now.map((row) => (row.key === key ? { ...row, ...edit } : row)));
    setRefused((now) => (now.size ? new Map() : now));
    setProblem(null);
  }, []);
  const remove = useCallback((key: number, number: number) => {
    setRows((now) => now.filter((row) => row.key !== key));
    focusNext.current = (now) => {
      const next = now[number - 1] ?? now.at(-1);
      return next ? `corrective-${next.key}-issue` : `${id}-add`;
    };
    setProblem(null);
    setStatus(`Corrective action ${number} removed (not saved yet).`);
  }, [id]);
  const add = () => {
    const objective = objectives.find((o) => o.id === newObjective) ?? OVERALL;
    const row = toRow({
      objectiveId: objective.id, objectiveTitle: objective.title, capability: objective.capability, issue: '', correctiveAction: '',
      capabilityElement: 'planning', ownerRole: roles[0]?.id ?? '', startDate: dayFromToday(0), completionDate: dayFromToday(30),
    });
    focusNext.current = () => `corrective-${row.key}-issue`;
    setRows([...rows, row]);
    setProblem(null);
    setStatus(`Corrective action ${rows.length + 1} added for ${objective.title} (not saved yet).`);
  };

  const send = async (items: ImprovementEdit[] | null, done: string, failed: string) => {
    setBusy(true);
    try {
      const result = await client.send('improvements.save', { sessionId, items });
      // The buttons pressed may now be disabled (nothing left to save or reset): focus goes to the plan's heading.
      focusNext.current = () => `${id}-heading`;
      show(result);
      setStatus(done);
    } catch (error) {
      const message = (error as Error).message;
      setProblem(`${failed}: ${message}`);
      setRefused(hostErrors(message, rows));
    } finally {
      setBusy(false);
    }
  };
  const save = () => {
    setChecking(true);
    setRefused(new Map());
    const checked = validate(rows);
    const first = rows.find((row) => checked.errors.has(row.key));
    if (first) {
      const fields = [...checked.errors.values()].reduce((count, errors) => count + Object.keys(errors).length, 0);
      setProblem(`Not saved: ${fields === 1 ? 'one field needs' : `${fields} fields need`} correcting.`);
      focusNext.current = () => `corrective-${first.key}-${Object.keys(checked.errors.get(first.key)!)[0]}`;
      return;
    }
    void send(checked.items, `Improvement plan saved: ${checked.items.length} corrective actions.`, 'The improvement plan was not saved');
  };
  const reset = () => void send(null, 'Reset: showing the generated plan.', 'The plan was not reset');

  if (!plan) {
    return (
      <section className="panel improvement-plan" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>Improvement plan</h2>
        {problem ? <p role="alert" className="plan-problem">{problem}</p> : <p role="status">Loading the improvement plan…</p>}
        {/* A saved plan that cannot be read (a damaged file) would block the AAR: resetting sets it aside. */}
        {problem && <ResetPlanDialog disabled={busy} onConfirm={reset} />}
      </section>
    );
  }
  return (
    <section className="panel improvement-plan" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} tabIndex={-1}>Improvement plan</h2>
      <p className="plan-state">
        <strong>{plan.edited ? 'Edited plan' : 'Generated plan'}</strong>
        {plan.edited ? ': saved by the facilitator; the after-action report uses it.' : ': generated from the scorecard\'s findings; save edits to use them in the after-action report.'}
        {dirty && <strong className="unsaved"> Unsaved changes.</strong>}
      </p>
      {rows.length === 0
        ? <p className="empty">No corrective actions.</p>
        : <ol className="corrective-actions">
            {rows.map((row, index) => (
              <CorrectiveActionRow key={row.key} row={row} number={index + 1} errors={errors.get(row.key) ?? NO_ERRORS} roles={roles} onChange={change} onRemove={remove} />
            ))}
          </ol>}
      <div className="inline-form add-corrective">
        <label className="field inline">
          <span>Objective of the new corrective action</span>
          <select value={newObjective} onChange={(event) => setNewObjective(event.target.value)}>
            {objectives.map((objective) => <option key={objective.id} value={objective.id}>{objective.title}</option>)}
            <option value={OVERALL.id}>Overall (no single objective)</option>
          </select>
        </label>
        <button type="button" id={`${id}-add`} onClick={add}>Add a corrective action</button>
      </div>
      {problem && <p role="alert" className="plan-problem">{problem}</p>}
      <div className="buttons plan-actions">
        <button type="button" className="primary" disabled={busy || !dirty} onClick={save}>Save the improvement plan</button>
        <ResetPlanDialog disabled={busy || (!plan.edited && !dirty)} onConfirm={reset} />
        <p className="plan-status" role="status" aria-live="polite">{status}</p>
      </div>
    </section>
  );
}
