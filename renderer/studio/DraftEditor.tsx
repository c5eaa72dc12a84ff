import { useEffect, useMemo, useState } from 'react';
import * as Tabs from '@radix-ui/react-tabs';
import { z } from 'zod';
import { planSchema } from '../../engine/format/plan.js';
import { scenarioSchema } from '../../engine/format/scenario.js';
import { checkDraft, draftFileName, type CheckedDraft } from '../../engine/studio/check-draft.js';
import { draftValue, editDraft, type DraftEdit } from '../../engine/studio/draft-edit.js';
import { forgetDraft, keepDraft, newDraftKey } from './kept-draft.js';
import type { JsonSchema } from '../../engine/studio/schema-assist.js';
import { formatLocatedError } from '../../engine/validate/located-error.js';
import { useDocuments } from '../app/use-documents.js';
import { docs, isDoc, text as asText, type Choice } from './fields.js';
import { PlanForm } from './PlanForm.js';
import { PreviewPanel } from './PreviewPanel.js';
import { RetargetPanel } from './RetargetPanel.js';
import { SavePanel } from './SavePanel.js';
import { ScenarioForm } from './ScenarioForm.js';
import { YamlPane } from './YamlPane.js';

// One draft open in the studio: the form (or the preview, or the review before saving) on the
// left, its YAML on the right, the problems above both. The text is the one truth: the form
// reads it and changes it through the yaml Document, the pane edits it directly.

export interface Draft {
  kind: 'plan' | 'scenario';
  text: string;
  /** The text it is compared with before saving: the version in the user's library, or what it was copied from (null: nothing). */
  previous: string | null;
  /** What `previous` is, in a phrase: "the version in your library". */
  previousLabel?: string;
  /** Its key in the page's storage while it is not saved (a kept draft opened again keeps its own). */
  key?: string;
  /** Whether it is a version of a document of the library (opened to edit, or saved once): saving replaces that one. */
  inLibrary?: boolean;
}

/** The same JSON Schemas `firedrill schema` writes (scenarios/schema/), made from the formats. */
const schemaOf = (kind: 'plan' | 'scenario') => z.toJSONSchema(kind === 'plan' ? planSchema : scenarioSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;

/** Undo steps kept: far more than anyone presses Undo for. */
const MAX_UNDO = 200;

/** The check is run a moment after the typing stops: a large draft takes a while to validate. */
const CHECK_DELAY_MS = 250;

export function DraftEditor({ draft, onClose }: { draft: Draft; onClose: () => void }) {
  const [text, setText] = useState(draft.text);
  const [key] = useState(() => draft.key ?? newDraftKey());
  // A new document (blank, a copy, an MSEL) never replaces one of the library that has its id.
  const [inLibrary, setInLibrary] = useState(draft.inLibrary ?? (draft.previous !== null && draft.previousLabel === undefined));
  const [previous, setPrevious] = useState(draft.previous);
  const [previousLabel, setPreviousLabel] = useState(draft.previousLabel ?? 'the version in your library');
  const [editProblem, setEditProblem] = useState<string | null>(null);
  const [checked, setChecked] = useState<(CheckedDraft & { text: string }) | null>(null);
  const [reveal, setReveal] = useState<{ line: number; column: number; nonce: number } | undefined>(undefined);
  const read = useMemo(() => draftValue(text), [text]);
  const value = isDoc(read) ? read : {};
  const id = text === '' ? '' : String(value.id ?? '');
  const file = draftFileName(draft.kind, id || 'draft');
  const { plan } = useDocuments(draft.kind === 'scenario' ? text === '' ? undefined : String(value.plan ?? '') || undefined : undefined, undefined);
  const schema = useMemo(() => schemaOf(draft.kind), [draft.kind]);

  // Kept in the page's storage while it differs from what it was opened from (or last saved as).
  useEffect(() => {
    if (text === previous) forgetDraft(key);
    else keepDraft({ key, kind: draft.kind, text, previous, previousLabel, inLibrary });
  }, [key, draft.kind, text, previous, previousLabel, inLibrary]);

  useEffect(() => {
    const timer = setTimeout(() => setChecked({ ...checkDraft(file, text, plan ? { plans: [plan] } : {}), text }), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [file, text, plan]);

  // Undo and redo over every change, from the form, the YAML pane or a retarget: a removed inject
  // or decision comes back with one press. Typing in one field (or in the YAML) is one step.
  const [history, setHistory] = useState<{ past: string[]; future: string[]; last: string | null }>({ past: [], future: [], last: null });
  const change = (next: string, source: string | null) => {
    if (next === text) return;
    setHistory((before) => ({
      past: source !== null && source === before.last && before.past.length > 0 ? before.past : [...before.past, text].slice(-MAX_UNDO),
      future: [],
      last: source,
    }));
    setText(next);
  };
  const undo = () => {
    const previousText = history.past.at(-1);
    if (previousText === undefined) return;
    setHistory({ past: history.past.slice(0, -1), future: [text, ...history.future], last: null });
    setText(previousText);
  };
  const redo = () => {
    const nextText = history.future[0];
    if (nextText === undefined) return;
    setHistory({ past: [...history.past, text], future: history.future.slice(1), last: null });
    setText(nextText);
  };

  const edit = (edits: DraftEdit[]) => {
    try {
      // Typing in one field is one step (a renamed id's own edit comes first).
      const only = edits[0]?.op === 'set' ? JSON.stringify(edits[0].path) : null;
      change(editDraft(text, edits), only);
      setEditProblem(null);
    } catch (error) {
      setEditProblem(`The form cannot change the draft while its YAML does not parse: ${(error as Error).message}. Fix the YAML first.`);
    }
  };

  const ids: Partial<Record<string, Choice[]>> = useMemo(() => {
    const planDoc = draft.kind === 'plan' ? value : (plan as unknown as Record<string, unknown> | undefined) ?? {};
    const pick = (list: unknown, key = 'id', label = 'title') => docs(list).map((item) => ({ value: asText(item[key]), label: asText(item[label]) }));
    return {
      role: pick(planDoc.roles),
      action: pick(planDoc.actions),
      duty: pick(planDoc.duties),
      phase: pick(planDoc.phases),
      threat: pick(planDoc.playbooks, 'threat'),
      step: docs(planDoc.playbooks).flatMap((playbook) => pick(playbook.steps)),
      inject: pick(value.injects),
      decision: pick(value.decisions, 'id', 'prompt'),
      objective: pick(value.objectives),
      milestone: ['detected', 'contained', 'eradicated', 'recovered'].map((milestone) => ({ value: milestone, label: milestone })),
    };
  }, [draft.kind, value, plan]);

  const errors = checked?.errors ?? [];
  const title = text === '' ? '' : String(value.title ?? id);
  return (
    <div className="studio-editor">
      <div className="studio-heading">
        <h1>{draft.kind === 'plan' ? 'Plan' : 'Scenario'}: {title || 'untitled'}</h1>
        <div className="buttons">
          <button type="button" onClick={undo} disabled={history.past.length === 0}>Undo</button>
          <button type="button" onClick={redo} disabled={history.future.length === 0}>Redo</button>
          <button type="button" onClick={onClose}>Back to the studio</button>
        </div>
      </div>
      <section className={`problems ${errors.length > 0 ? 'has-problems' : ''}`} aria-label="Problems" aria-live="polite">
        {editProblem && <p role="alert">{editProblem}</p>}
        {checked === null || checked.text !== text ? <p className="hint">Checking…</p> : errors.length === 0 ? (
          <p className="valid">No problem: the {draft.kind} is valid.</p>
        ) : (
          <>
            <p>{errors.length} problem{errors.length === 1 ? '' : 's'}, checked as <code>firedrill validate</code> would:</p>
            <ul className="located-errors">
              {errors.slice(0, 50).map((error, index) => (
                <li key={index}>
                  <button type="button" className="link" onClick={() => setReveal({ line: error.line, column: error.column, nonce: Date.now() })}>{formatLocatedError(error)}</button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <div className="studio-panes">
        <Tabs.Root defaultValue="form" className="studio-left">
          <Tabs.List aria-label="Draft" className="tab-list">
            <Tabs.Trigger value="form">Form</Tabs.Trigger>
            {draft.kind === 'scenario' && <Tabs.Trigger value="preview">Preview</Tabs.Trigger>}
            <Tabs.Trigger value="save">Review and save</Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content value="form">
            {draft.kind === 'plan' ? <PlanForm value={value} edit={edit} /> : (
              <>
                <p className="plan-in-use">Written for plan <strong>{plan?.title ?? String(value.plan ?? '')}</strong></p>
                <RetargetPanel file={file} text={text} value={value} currentPlan={plan} onRetargeted={(retargeted) => change(retargeted, null)} />
                <ScenarioForm value={value} plan={plan} edit={edit} />
              </>
            )}
          </Tabs.Content>
          {draft.kind === 'scenario' && <Tabs.Content value="preview"><PreviewPanel plan={plan} file={file} text={text} /></Tabs.Content>}
          <Tabs.Content value="save"><SavePanel kind={draft.kind} id={id} text={text} previous={previous} previousLabel={previousLabel} replaces={inLibrary} onSaved={(saved) => { setPrevious(saved); setPreviousLabel('the version in your library'); setInLibrary(true); }} /></Tabs.Content>
        </Tabs.Root>
        <section className="studio-right" aria-label="YAML">
          <h2 className="yaml-heading">YAML <span className="hint">{file}</span></h2>
          <YamlPane text={text} onChange={(next) => change(next, 'yaml')} errors={errors} schema={schema} ids={ids} reveal={reveal} label={`The ${draft.kind} as YAML`} />
        </section>
      </div>
    </div>
  );
}
