import { useEffect, useState, type ReactNode } from 'react';
import type { Plan } from '../../engine/format/plan.js';
import { blankPlanYaml, blankScenarioYaml, duplicateYaml, freeId } from '../../engine/studio/starting-points.js';
import { useAppState, useAppStore, useClient } from '../app/app-context.js';
import { DraftEditor, type Draft } from './DraftEditor.js';
import { MselExportPanel, MselImportPanel } from './MselPanel.js';
import { PackPanel } from './PackPanel.js';
import { ScriptPanel } from './ScriptPanel.js';
import { draftValue } from '../../engine/studio/draft-edit.js';
import { forgetDraft, keptDrafts, newDraftKey, type KeptDraft } from './kept-draft.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import './studio.css';

// The plan and scenario studio: where an author starts (the bundled plan, a blank one, a copy of
// a scenario, one of their own, an MSEL spreadsheet), the editor of one draft, and packs.

const slug = (title: string) => title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);

function StudioStart({ open, kept }: { open: (draft: Draft) => void; kept?: ReactNode }) {
  const client = useClient();
  const store = useAppStore();
  const listing = useAppState((state) => state.listing);
  const [planBase, setPlanBase] = useState('');
  const [planTitle, setPlanTitle] = useState('');
  const [scenarioBase, setScenarioBase] = useState('');
  const [scenarioTitle, setScenarioTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => void client.send('library.list', {}).then((result) => store.getState().setListing(result), (error: Error) => setProblem(`The library could not be loaded: ${error.message}`)), [client, store]);
  if (!listing) return problem ? <p role="alert">{problem}</p> : <p role="status">Loading the library…</p>;
  const taken = (kind: 'plan' | 'scenario') => (kind === 'plan' ? listing.plans : listing.scenarios).map((document) => document.id);
  const sourceOf = async (kind: 'plan' | 'scenario', id: string) => (await client.send('studio.source', { kind, id })).text;
  const startPlan = async () => {
    const title = planTitle.trim() || 'My incident response plan';
    const id = freeId(slug(title) || 'my-plan', taken('plan'));
    const base = planBase || listing.plans[0]?.id || '';
    if (base === 'blank') return open({ kind: 'plan', previous: null, text: blankPlanYaml(id, title) });
    const source = await sourceOf('plan', base);
    open({ kind: 'plan', previous: source, previousLabel: `plan "${base}" it was copied from`, text: duplicateYaml(source, id, title) });
  };
  const startScenario = async () => {
    const title = scenarioTitle.trim() || 'My scenario';
    const id = freeId(slug(title) || 'my-scenario', taken('scenario'));
    const base = scenarioBase || `plan:${listing.plans[0]?.id ?? ''}`;
    if (base.startsWith('plan:')) {
      const shown = await client.send('library.show', { kind: 'plan', id: base.slice('plan:'.length) });
      open({ kind: 'scenario', previous: null, text: blankScenarioYaml(shown.document as Plan, { id, title }) });
    } else {
      const copied = base.slice('scenario:'.length);
      const source = await sourceOf('scenario', copied);
      open({ kind: 'scenario', previous: source, previousLabel: `scenario "${copied}" it was copied from`, text: duplicateYaml(source, id, title) });
    }
  };
  const edit = async (kind: 'plan' | 'scenario', id: string) => {
    const text = await sourceOf(kind, id);
    open({ kind, text, previous: text, inLibrary: true });
  };
  const mine = [...listing.plans.filter((plan) => plan.source === 'user').map((plan) => ({ kind: 'plan' as const, id: plan.id, title: plan.title })), ...listing.scenarios.filter((scenario) => scenario.source === 'user').map((scenario) => ({ kind: 'scenario' as const, id: scenario.id, title: scenario.title }))];
  const run = (work: () => Promise<void>) => () => void work().catch((error: Error) => setProblem(error.message));
  return (
    <div className="studio-start">
      <h1 id="studio-start-heading" tabIndex={-1}>Studio</h1>
      <p className="hint">Write your own plan and scenarios with forms; the YAML is written for you (and stays readable beside the form).</p>
      {problem && <p role="alert">{problem}</p>}
      {kept}
      <div className="studio-cards">
        <section className="card studio-card" aria-labelledby="new-plan-heading">
          <h2 id="new-plan-heading">New plan</h2>
          <label className="field">
            <span>Start from</span>
            <select value={planBase} onChange={(event) => setPlanBase(event.target.value)}>
              {listing.plans.map((plan) => <option key={plan.id} value={plan.id}>A copy of {plan.title}</option>)}
              <option value="blank">A blank plan</option>
            </select>
          </label>
          <label className="field">
            <span>New plan title</span>
            <input type="text" value={planTitle} onChange={(event) => setPlanTitle(event.target.value)} placeholder="My incident response plan" />
          </label>
          <button type="button" className="primary" onClick={run(startPlan)}>Start the plan</button>
        </section>
        <section className="card studio-card" aria-labelledby="new-scenario-heading">
          <h2 id="new-scenario-heading">New scenario</h2>
          <label className="field">
            <span>Start from</span>
            <select value={scenarioBase} onChange={(event) => setScenarioBase(event.target.value)}>
              <optgroup label="A blank scenario for a plan">
                {listing.plans.map((plan) => <option key={plan.id} value={`plan:${plan.id}`}>Blank, for {plan.title}</option>)}
              </optgroup>
              <optgroup label="A copy of a scenario">
                {listing.scenarios.map((scenario) => <option key={scenario.id} value={`scenario:${scenario.id}`}>A copy of {scenario.title}</option>)}
              </optgroup>
            </select>
          </label>
          <label className="field">
            <span>New scenario title</span>
            <input type="text" value={scenarioTitle} onChange={(event) => setScenarioTitle(event.target.value)} placeholder="My scenario" />
          </label>
          <button type="button" className="primary" onClick={run(startScenario)}>Start the scenario</button>
        </section>
        <section className="card studio-card" aria-labelledby="mine-heading">
          <h2 id="mine-heading">Edit yours</h2>
          {mine.length === 0 ? <p className="hint">Plans and scenarios you save appear here.</p> : (
            <ul className="mine">
              {mine.map((document) => (
                <li key={`${document.kind}:${document.id}`}>
                  <span>{document.title} <span className="hint">({document.kind})</span></span>
                  <button type="button" onClick={run(() => edit(document.kind, document.id))} aria-label={`Edit ${document.kind} ${document.title}`}>Edit</button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <div className="studio-cards">
        <MselImportPanel onDraft={(yaml) => open({ kind: 'scenario', previous: null, text: yaml })} />
        <MselExportPanel />
        <PackPanel />
        <ScriptPanel />
      </div>
    </div>
  );
}

/** A draft left unsaved (a reload, a closed window, another draft opened): go on with it, or discard it. */
function KeptDraftCard({ kept, open, discard }: { kept: KeptDraft; open: (draft: Draft) => void; discard: () => void }) {
  const value = draftValue(kept.text);
  const title = value !== null && typeof value === 'object' && 'title' in value ? String((value as { title: unknown }).title) : 'untitled';
  const changed = new Date(kept.changedAt);
  const kind = kept.kind === 'plan' ? 'Plan' : 'Scenario';
  const [asking, setAsking] = useState(false);
  return (
    <section className="card kept-draft" aria-label={`Unsaved draft: ${kind} ${title}`}>
      <h2>Unsaved draft</h2>
      <p>
        {kind} <strong>{title}</strong>, last changed {Number.isNaN(changed.getTime()) ? 'earlier' : changed.toLocaleString()}: it is not in your library yet.
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={() => open({ key: kept.key, kind: kept.kind, text: kept.text, previous: kept.previous, ...(kept.previousLabel ? { previousLabel: kept.previousLabel } : {}), inLibrary: kept.inLibrary ?? (kept.previous !== null && kept.previousLabel === 'the version in your library') })}>Go on with it</button>
        <button type="button" onClick={() => setAsking(true)}>Discard it</button>
      </div>
      {/* One click lost the draft for good: asked first, like every other loss. */}
      <ConfirmDialog
        open={asking} onOpenChange={setAsking}
        title="Discard this draft?"
        description={`${kind} ${title}: what was not saved to your library is lost for good.`}
        keepLabel="Keep the draft" confirmLabel="Discard the draft" tone="danger"
        onConfirm={discard}
        // The card goes with the draft: the keyboard goes on from the Studio's heading.
        returnFocusFallback={() => document.getElementById('studio-start-heading')}
      />
    </section>
  );
}

export function StudioView() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [kept, setKept] = useState(keptDrafts);
  const open = (opened: Draft) => setDraft({ ...opened, key: opened.key ?? newDraftKey() });
  if (draft) return <DraftEditor key={draft.key} draft={draft} onClose={() => { setKept(keptDrafts()); setDraft(null); }} />;
  // Every draft not saved yet is offered, whatever was opened since.
  const cards = kept.map((one) => <KeptDraftCard key={one.key} kept={one} open={open} discard={() => { forgetDraft(one.key); setKept(keptDrafts()); }} />);
  return <StudioStart open={open} kept={cards.length > 0 ? <>{cards}</> : undefined} />;
}
