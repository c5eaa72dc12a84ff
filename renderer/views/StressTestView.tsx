import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent, type FormEvent, type RefObject } from 'react';
import type { Plan } from '../../engine/format/plan.js';
import type { Scenario } from '../../engine/format/scenario.js';
import type { SimulationReport } from '../../engine/simulate/report.js';
import { MAX_APP_RUNS, MAX_MODEL_BYTES } from '../../engine/protocol/index.js';
import { formatLocatedError, type LocatedError } from '../../engine/validate/located-error.js';
import { MAX_SEED } from '../../engine/stats/random.js';
import { minutesText, shareText } from '../../engine/report/figures.js';
import { METRIC_DEFINITIONS } from '../../engine/scoring/metrics.js';
import { CHANNEL_LABELS } from '../../engine/msel/match-plan.js';
import { lowScoreText } from '../../engine/report/simulation-document.js';
import { missedDeadlines, SCORE_HISTOGRAM_CAPTION, scoreHistogramOption, timeHistogramCaption, timeHistogramOption, type SimulatedTime } from '../../engine/report/simulation-charts.js';
import { useDocuments } from '../app/use-documents.js';
import { useLibraryListing } from '../app/use-library-listing.js';
import { ReportChart } from './ReportChart.js';
import { StressBottlenecks } from './StressBottlenecks.js';
import { StressComparison } from './StressComparison.js';
import { hasExemplaryScript, noExemplaryScriptText } from '../../engine/simulate/exemplary-script.js';
import { StressReportOpen } from './StressReportOpen.js';
import { StressReportSave } from './StressReportSave.js';
import { stressReportFileName } from './stress-report-file.js';
import { StressSensitivity } from './StressSensitivity.js';
import { timeLeftText, useStressTest, useTeamDefaults, type StressKnobs, type StressRun } from './stress-run.js';
import type { RoleDefault } from '../../engine/simulate/team-defaults.js';
import './stress-test.css';

// The stress test: many drills of a scenario drawn from a response model, played by the real
// engine on the host's worker threads (simulate.start), with a progress bar and Cancel; then the
// spread of the times, the chance of missing each deadline and which inputs move recovery most.
// The charts are the HTML and PDF export's own options (engine/report/simulation-charts.ts).

export type { StressKnobs };

/**
 * The response model (firedrill-model/1, as JSON) the knobs describe; undefined when every knob is
 * at its default. Its title says what was turned, so the report of each run names its own knobs.
 */
export function modelOfKnobs(knobs: StressKnobs, roleTitles: Record<string, string> = {}): string | undefined {
  const roles: Record<string, { people?: number; onCall?: { fixed: string } }> = {};
  const turned: string[] = [];
  const title = (role: string) => roleTitles[role] ?? role;
  for (const [role, value] of Object.entries(knobs.people)) {
    if (value.trim() === '') continue;
    roles[role] = { ...roles[role], people: Number(value) };
    turned.push(`${title(role)}: ${Number(value)} ${Number(value) === 1 ? 'person' : 'people'}`);
  }
  for (const [role, value] of Object.entries(knobs.onCallMinutes)) {
    if (value.trim() === '' || Number(value) <= 0) continue;
    roles[role] = { ...roles[role], onCall: { fixed: `${Number(value)}m` } };
    turned.push(`${title(role)} on call after ${Number(value)} min`);
  }
  if (knobs.channelOff) turned.push(channelOffText(knobs.channelOff));
  const whatIf = knobs.channelOff ? { whatIf: { off: { channels: [knobs.channelOff] } } } : {};
  if (turned.length === 0) return undefined;
  return JSON.stringify({ format: 'firedrill-model/1', id: 'stress-test', title: turned.join('; '), roles, ...whatIf });
}

/**
 * A detection channel switched off, in words ("no cloud finding reaches the team"), in the what-if
 * and in the model's title; an unknown channel by its id.
 */
export function channelOffText(channel: string): string {
  const label = (CHANNEL_LABELS as Record<string, string>)[channel];
  // "Cloud finding" reads lower-case mid-sentence; "SIEM alert" keeps its capitals.
  return `no ${label ? label.replace(/^[A-Z](?=[a-z])/, (first) => first.toLowerCase()) : `${channel} inject`} reaches the team`;
}

/** The most people per role and the longest on-call delay (a day) the form takes: the model's own limits. */
const MAX_PEOPLE = 100;
const MAX_ON_CALL_MINUTES = 1440;

const whole = (value: string, min: number, max: number) => /^\d+$/.test(value.trim()) && Number(value) >= min && Number(value) <= max;
const en = (n: number) => n.toLocaleString('en');

/**
 * What is wrong with the knobs, by field ('runs', 'seed', 'people:<role>', 'onCall:<role>'), in
 * words said next to the field; empty when the form can run. Checked here rather than left to the
 * browser's bubbles, which vanish and do not say what the field takes.
 */
export function knobErrors(knobs: StressKnobs): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!whole(knobs.runs, 1, MAX_APP_RUNS)) errors.runs = `A whole number of drills from 1 to ${en(MAX_APP_RUNS)}`;
  if (!whole(knobs.seed, 0, MAX_SEED)) errors.seed = `A whole number from 0 to ${en(MAX_SEED)}`;
  for (const [role, value] of Object.entries(knobs.people)) {
    if (value.trim() !== '' && !whole(value, 1, MAX_PEOPLE)) errors[`people:${role}`] = `A whole number of people from 1 to ${MAX_PEOPLE}, or blank`;
  }
  for (const [role, value] of Object.entries(knobs.onCallMinutes)) {
    if (value.trim() !== '' && !whole(value, 0, MAX_ON_CALL_MINUTES)) errors[`onCall:${role}`] = `Whole minutes from 0 to ${en(MAX_ON_CALL_MINUTES)}, or blank`;
  }
  return errors;
}

const TIMES: { key: SimulatedTime; title: string; definition: string }[] = [
  { key: 'timeToDetectMinutes', title: 'Time to detect', definition: METRIC_DEFINITIONS.detected.definition },
  { key: 'timeToContainMinutes', title: 'Time to contain', definition: METRIC_DEFINITIONS.contained.definition },
  { key: 'timeToRecoverMinutes', title: 'Time to recover', definition: METRIC_DEFINITIONS.recovered.definition },
];

/** Below this many drills a report is a sketch: a share can move by about 10 points or more from one seed to another. */
const FEW_DRILLS = 100;

const drillsText = (runs: number) => `${runs.toLocaleString('en')} simulated drill${runs === 1 ? '' : 's'}`;

export function StressTestView() {
  const listing = useLibraryListing();
  const scenarios = useMemo(() => listing?.scenarios ?? [], [listing]);
  const { scenarioId, knobs, modelFile, run, previous, opened, set, setRun, setOpened, start: startRun, cancel } = useStressTest();
  const setKnobs = (change: (knobs: StressKnobs) => StressKnobs) => set((state) => ({ knobs: change(state.knobs) }));
  // Until one is picked, the first scenario that can be simulated (it has an exemplary script).
  const chosen = scenarios.find((s) => s.id === scenarioId) ?? scenarios.find((s) => hasExemplaryScript(s.scripts)) ?? scenarios[0];
  const unplayable = chosen && !hasExemplaryScript(chosen.scripts) ? noExemplaryScriptText(chosen.id) : undefined;
  const { plan, scenario } = useDocuments(chosen?.plan, chosen?.id);
  const teamDefaults = useTeamDefaults(chosen && !unplayable ? chosen.id : undefined);
  // The errors are shown once the user has tried to run, then follow each edit.
  const [checked, setChecked] = useState(false);
  const setModelFile = (file: { name: string; text: string } | null) => set({ modelFile: file });
  const [modelFileProblem, setModelFileProblem] = useState('');
  const formErrors = () => (modelFile ? pick(knobErrors(knobs), ['runs', 'seed']) : knobErrors(knobs));
  const errors = checked ? formErrors() : {};
  const form = useRef<HTMLFormElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const runButton = useRef<HTMLButtonElement>(null);
  const reportHeading = useRef<HTMLHeadingElement>(null);
  const openInput = useRef<HTMLInputElement>(null);
  // A report just opened takes the focus, as a finished run's does; one kept from before does not.
  const justOpened = useRef(false);
  useEffect(() => {
    if (!opened || !justOpened.current) return;
    justOpened.current = false;
    reportHeading.current?.focus();
  }, [opened]);

  // The focused Run button is disabled while a run goes on: focus moves to Cancel, then to the
  // report, or back to Run, so a keyboard user is never left on the page's body.
  // Coming back to a run that goes on moves no focus, but its progress bar, below the form, is
  // brought into sight once the form is whole (the team's knobs come with the plan).
  const wasRunning = useRef(run.state === 'running');
  const status = useRef<HTMLDivElement>(null);
  const bringBack = useRef(run.state === 'running');
  const formWhole = Boolean(modelFile || (plan && scenario));
  useEffect(() => {
    if (!bringBack.current || !formWhole) return;
    // After the frame: the browser's own scroll for the route's hash comes after this effect.
    const frame = requestAnimationFrame(() => {
      bringBack.current = false;
      status.current?.scrollIntoView?.({ block: 'nearest' });
    });
    return () => cancelAnimationFrame(frame);
  }, [formWhole]);
  useEffect(() => {
    if (run.state === 'running') {
      if (!wasRunning.current) cancelButton.current?.focus();
      wasRunning.current = true;
    } else if (wasRunning.current) {
      wasRunning.current = false;
      (run.state === 'done' ? reportHeading.current : runButton.current)?.focus();
    }
  }, [run.state]);

  const start = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || unplayable) return;
    setChecked(true);
    const invalid = Object.keys(formErrors());
    if (invalid.length > 0) {
      setRun({ state: 'idle' });
      form.current?.querySelector<HTMLElement>(`[data-knob="${invalid[0]}"]`)?.focus();
      return;
    }
    const model = modelFile?.text ?? modelOfKnobs(knobs, Object.fromEntries((plan?.roles ?? []).map((role) => [role.id, role.title])));
    // The host names a sent model model.yaml: its errors are said of the file the user chose.
    const located = (e: LocatedError) => (modelFile ? formatLocatedError({ ...e, file: modelFile.name }) : `${e.path || 'model'}: ${e.message}`);
    await startRun({ scenarioId: chosen.id, runs: Number(knobs.runs), seed: Number(knobs.seed), ...(model ? { model } : {}) }, located);
  };

  const chooseModel = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_MODEL_BYTES) {
      setModelFileProblem(`${file.name} is larger than ${MAX_MODEL_BYTES / 1024} KB, the most a model file can be`);
      return;
    }
    setModelFileProblem('');
    setModelFile({ name: file.name, text: await file.text() });
  };

  return (
    <div className="stress-test">
      <div className="view-title">
        <h1>Stress test</h1>
        <p className="hint">Many simulated drills of one scenario: how often the plan misses its deadlines, and what moves recovery most.</p>
      </div>
      <form
        ref={form}
        noValidate
        className="panel stress-form"
        onSubmit={(event) => void start(event)}
        onKeyDown={(event) => { if (event.key === 'Escape' && run.state === 'running') { event.preventDefault(); cancel(); } }}
        aria-label="Stress test settings"
      >
        <div className="stress-row">
          <label>
            Scenario
            <select
              value={chosen?.id ?? ''}
              onChange={(event) => {
                const next = scenarios.find((s) => s.id === event.target.value);
                // The team's knobs are the plan's roles: kept while the plan stays; the channels are the scenario's.
                set(({ knobs: k }) => ({ scenarioId: event.target.value, knobs: next?.plan === chosen?.plan ? { ...k, channelOff: '' } : { ...k, people: {}, onCallMinutes: {}, channelOff: '' } }));
              }}
              disabled={run.state === 'running'}
            >
              {scenarios.map((s) => <option key={s.id} value={s.id}>{hasExemplaryScript(s.scripts) ? s.title : `${s.title} (no exemplary script yet)`}</option>)}
            </select>
          </label>
          {/* Named by its label's words alone (aria-labelledby): its error, inside the label for the layout, is its description. */}
          <label>
            <span id="knob-label-runs">Drills</span>
            <input type="number" inputMode="numeric" min={1} max={MAX_APP_RUNS} required aria-labelledby="knob-label-runs" value={knobs.runs} onChange={(event) => setKnobs((k) => ({ ...k, runs: event.target.value }))} disabled={run.state === 'running'} {...knobField('runs', errors)} />
            <KnobError field="runs" errors={errors} />
          </label>
          <label>
            <span id="knob-label-seed">Seed</span>
            <input type="number" inputMode="numeric" min={0} max={MAX_SEED} required aria-labelledby="knob-label-seed" value={knobs.seed} onChange={(event) => setKnobs((k) => ({ ...k, seed: event.target.value }))} disabled={run.state === 'running'} {...knobField('seed', errors)} />
            <KnobError field="seed" errors={errors} />
          </label>
        </div>
        {unplayable && <p id="stress-unplayable" className="field-error">Cannot be simulated yet: {unplayable}.</p>}
        <p id="stress-drills-hint" className="hint">More drills give steadier percentages and take longer: a chance of missing a deadline is within about 3 points with 1,000 drills, and about 1 point with 10,000 (95% of the time). The same seed, scenario and model give the same report, so two runs differ only by what you changed.</p>
        <div className="model-file">
          {/* The browser's own file button says "No file chosen" once the file is read (its value is cleared so the same file can be chosen again): it is hidden behind a button that says what is chosen. */}
          <label>
            Response model file <span className="hint">(optional: firedrill-model/1, YAML; instead of the knobs below)</span>
            <input
              type="file"
              className="visually-hidden"
              accept=".yaml,.yml,.json"
              onChange={(event) => void chooseModel(event)}
              disabled={run.state === 'running'}
              aria-describedby={modelFileProblem ? 'model-file-problem' : modelFile ? 'model-file-chosen' : undefined}
            />
            <span className="button" aria-hidden="true">{modelFile ? 'Choose another model file…' : 'Choose a model file…'}</span>
          </label>
          {modelFileProblem && <span id="model-file-problem" className="field-error">{modelFileProblem}</span>}
          {modelFile && (
            <p className="hint">
              <span id="model-file-chosen">The team is as <strong>{modelFile.name}</strong> says; the knobs are kept for when it is removed.</span>{' '}
              <button type="button" onClick={() => setModelFile(null)} disabled={run.state === 'running'}>Use the knobs instead</button>
            </p>
          )}
        </div>
        {plan && scenario && !modelFile && <ModelKnobs plan={plan} scenario={scenario} teamDefaults={teamDefaults} knobs={knobs} setKnobs={setKnobs} errors={errors} disabled={run.state === 'running'} />}
        <div className="stress-actions">
          <button ref={runButton} type="submit" className="primary" disabled={!chosen || Boolean(unplayable) || run.state === 'running'} aria-describedby={unplayable ? 'stress-unplayable' : undefined}>Run the stress test</button>
          {run.state === 'running' && <button ref={cancelButton} type="button" onClick={cancel} aria-keyshortcuts="Escape">Cancel</button>}
        </div>
        <div ref={status}><RunStatus run={run} modelFileName={modelFile?.name} /></div>
      </form>
      <StressReportOpen onOpened={(file) => { justOpened.current = true; setOpened(file); }} disabled={run.state === 'running'} inputRef={openInput} />
      {opened && (
        <StressReport report={opened.report} model={undefined} previous={null} headingRef={reportHeading} openedFrom={opened.fileName} onClose={() => { setOpened(null); openInput.current?.focus(); }} />
      )}
      {!opened && run.state === 'done' && <StressReport report={run.report} model={run.model} previous={previous?.report.scenarioId === run.report.scenarioId ? previous.report : null} headingRef={reportHeading} />}
      {/* A run cancelled or failed (or going on) leaves the last finished report in view: it is not lost by trying another. */}
      {!opened && run.state !== 'done' && run.state !== 'idle' && previous && (
        <>
          <p className="hint stress-last-report">The last finished run:</p>
          <StressReport report={previous.report} model={previous.model} previous={null} headingRef={reportHeading} />
        </>
      )}
    </div>
  );
}

const pick = (errors: Record<string, string>, fields: string[]) => Object.fromEntries(Object.entries(errors).filter(([field]) => fields.includes(field)));

/** The id, invalid state and description of a knob's input: its error, when it has one. */
const knobField = (field: string, errors: Record<string, string>) => ({
  'data-knob': field,
  'aria-invalid': errors[field] ? true : undefined,
  'aria-describedby': errors[field] ? knobErrorId(field) : undefined,
});
const knobErrorId = (field: string) => `knob-error-${field.replace(/[^\w-]/g, '-')}`;

function KnobError({ field, errors }: { field: string; errors: Record<string, string> }) {
  return errors[field] ? <span id={knobErrorId(field)} className="field-error">{errors[field]}</span> : null;
}

/** What a blank knob stands for, shown in it; nothing until the host has said. */
const defaultText = (value: number | null | undefined) => (value === undefined || value === null ? undefined : `default: ${en(value)}`);

function ModelKnobs({ plan, scenario, teamDefaults, knobs, setKnobs, errors, disabled }: {
  plan: Plan; scenario: Scenario; teamDefaults: Record<string, RoleDefault> | undefined; knobs: StressKnobs; setKnobs: (change: (knobs: StressKnobs) => StressKnobs) => void; errors: Record<string, string>; disabled: boolean;
}) {
  const channels = [...new Set(scenario.injects.map((inject) => inject.channel))].sort();
  return (
    <>
      <table className="knobs-table">
        <caption>The team (a blank keeps the default shown in it: as many people as the exemplary response keeps busy at once, there from the start)</caption>
        <thead><tr><th scope="col">Role</th><th scope="col">People</th><th scope="col">On call after (minutes)</th></tr></thead>
        <tbody>
          {plan.roles.map((role) => (
            <tr key={role.id}>
              <th scope="row">{role.title}</th>
              <td>
                <input type="number" inputMode="numeric" min={1} max={MAX_PEOPLE} aria-label={`People: ${role.title}`} placeholder={defaultText(teamDefaults?.[role.id]?.people)} value={knobs.people[role.id] ?? ''} disabled={disabled} onChange={(event) => setKnobs((k) => ({ ...k, people: { ...k.people, [role.id]: event.target.value } }))} {...knobField(`people:${role.id}`, errors)} />
                <KnobError field={`people:${role.id}`} errors={errors} />
              </td>
              <td>
                <input type="number" inputMode="numeric" min={0} max={MAX_ON_CALL_MINUTES} aria-label={`On call after, minutes: ${role.title}`} placeholder={defaultText(teamDefaults?.[role.id]?.onCallMinutes)} value={knobs.onCallMinutes[role.id] ?? ''} disabled={disabled} onChange={(event) => setKnobs((k) => ({ ...k, onCallMinutes: { ...k.onCallMinutes, [role.id]: event.target.value } }))} {...knobField(`onCall:${role.id}`, errors)} />
                <KnobError field={`onCall:${role.id}`} errors={errors} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="what-if">
        What if
        <select value={knobs.channelOff} disabled={disabled} onChange={(event) => setKnobs((k) => ({ ...k, channelOff: event.target.value }))}>
          <option value="">every detection channel works</option>
          {channels.map((channel) => <option key={channel} value={channel}>{channelOffText(channel)}</option>)}
        </select>
      </label>
    </>
  );
}

/**
 * The run's progress and outcome. One live region stays in place (one put in with its words is
 * often not read out) and says the progress in tenths: a screen reader is not read every count.
 */
function RunStatus({ run, modelFileName }: { run: StressRun; modelFileName: string | undefined }) {
  const tenths = run.state === 'running' && run.total > 0 ? Math.floor((run.done / run.total) * 10) * 10 : 0;
  // Worked out at each progress event (each renders this): the pace so far.
  const left = run.state === 'running' ? timeLeftText(run, Date.now()) : null;
  return (
    <div className="stress-status">
      {run.state === 'running' && (
        <p>
          <progress aria-label="Simulating drills" max={run.total} value={run.done} /> {run.done.toLocaleString('en')} of {run.total.toLocaleString('en')} drills simulated{left ? `, ${left}` : ''}
        </p>
      )}
      <div role="status">
        {run.state === 'running' && <span className="visually-hidden">Simulating {run.total.toLocaleString('en')} drills: {tenths}% done</span>}
        {run.state === 'cancelled' && <p>The stress test was cancelled.</p>}
        {run.state === 'done' && run.notes.length > 0 && (
          <div className="warning-box">
            <p>The model has {run.notes.length === 1 ? 'a setting' : `${run.notes.length} settings`} that change{run.notes.length === 1 ? 's' : ''} nothing in this scenario:</p>
            <ul>{run.notes.map((note) => <li key={note}>{note}</li>)}</ul>
          </div>
        )}
        {run.state === 'failed' && (
          <div className="warning-box">
            <p>The stress test could not run: {run.message}</p>
            {run.details.length > 0 && <ul>{run.details.map((detail) => <li key={detail}>{detail}</li>)}</ul>}
            {/* The file is read once, when chosen: fixed in an editor, it is still the old text until chosen again. */}
            {run.details.length > 0 && modelFileName && <p>Once {modelFileName} is fixed, choose it again (<em>Choose another model file…</em>): it is read when it is chosen, not at each run.</p>}
          </div>
        )}
      </div>
    </div>
  );
}

/** A saved report's name, without its .json, for the files saved from it: report.json gives report.html. */
const baseName = (fileName: string) => fileName.replace(/\.json$/i, '');

/**
 * A report: of a run (model: the model's text sent, which names its files), or opened from a
 * file (openedFrom: its name, said above the report and in its heading; onClose: back to the runs).
 */
function StressReport({ report, model, previous, headingRef, openedFrom, onClose }: {
  report: SimulationReport; model: string | undefined; previous: SimulationReport | null; headingRef: RefObject<HTMLHeadingElement | null>; openedFrom?: string; onClose?: () => void;
}) {
  const headingId = useId();
  const missed = missedDeadlines(report);
  const fileName = (extension: string) => (openedFrom === undefined ? stressReportFileName(report, model, extension) : `${baseName(openedFrom)}.${extension}`);
  return (
    <section className={openedFrom === undefined ? 'stress-report' : 'stress-report opened-report'} aria-labelledby={headingId}>
      {openedFrom !== undefined && (
        <p className="opened-from">
          <span>Opened from the file <strong>{openedFrom}</strong>: a report saved earlier, not a run of the form above.</span>{' '}
          <button type="button" onClick={onClose}>Close the saved report</button>
        </p>
      )}
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>{openedFrom !== undefined && 'Saved report: '}{report.runs.toLocaleString('en')} drill{report.runs === 1 ? '' : 's'} of {report.scenarioTitle} <span className="hint">(model: {report.model.title}, seed {report.seed})</span></h2>
      <StressReportSave report={report} fileName={fileName} />
      {openedFrom !== undefined && report.comparison && (
        <p className="hint">It also compares the model with &ldquo;{report.comparison.model.title}&rdquo; (<code>--compare</code>): the HTML and Markdown saved from it show that comparison.</p>
      )}
      {previous && <StressComparison report={report} previous={previous} />}
      {report.runs < FEW_DRILLS && (
        <p className="warning-box">
          Only {drillsText(report.runs)}: the percentages and percentiles below can move a lot with another seed. Run {en(1000)} drills or more to read them.
        </p>
      )}
      <ul className="headline stress-figures" aria-label="Spread of the simulated drills">
        {TIMES.map((t) => (
          <li key={t.key} className="figure">
            <span className="figure-title">{t.title}, median</span>
            <strong className="figure-value">{minutesText(report[t.key].p50)}</strong>
            {report[t.key].p50 === null ? <span>No drill reached it, of {drillsText(report.runs)}</span> : (
              <>
                <span>9 in 10 drills within {minutesText(report[t.key].p90)} (90th percentile); 19 in 20 within {minutesText(report[t.key].p95)}</span>
                <span className="hint">Reached in {shareText(report[t.key].reached)} of {drillsText(report.runs)}; the times are of those drills</span>
              </>
            )}
            <small className="definition">{t.definition}</small>
          </li>
        ))}
        <li className="figure">
          <span className="figure-title">Score, median (of 100)</span>
          <strong className="figure-value">{report.overallScore.p50 ?? '—'}</strong>
          <span>10th percentile: {lowScoreText(report.overallScore.p10, 'drill')}; mean {report.overallScore.mean ?? '—'}</span>
          <span className="hint">n = {drillsText(report.runs)}</span>
        </li>
      </ul>
      <div className="stress-charts">
        {TIMES.filter((t) => report.histograms[t.key].length > 0).map((t) => (
          <figure key={t.key} className="panel">
            <ReportChart option={timeHistogramOption(report, t.key)} label={timeHistogramCaption(report, t.key)} height={240} />
            <figcaption className="hint">{timeHistogramCaption(report, t.key)}</figcaption>
          </figure>
        ))}
        {report.histograms.overallScore.length > 0 && (
          <figure className="panel">
            <ReportChart option={scoreHistogramOption(report)} label="The overall score over the simulated drills" height={240} />
            <figcaption className="hint">{SCORE_HISTOGRAM_CAPTION}</figcaption>
          </figure>
        )}
      </div>
      <table className="breach-table">
        <caption>Chance of missing each deadline</caption>
        <thead><tr><th scope="col">Deadline</th><th scope="col">Missed in (share of the {drillsText(report.runs)})</th></tr></thead>
        <tbody>
          {[...missed, ...report.breaches.filter((b) => b.probability === 0)].map((breach) => (
            <tr key={breach.id}>
              <th scope="row">{breach.title}</th>
              <td className="number">{shareText(breach.probability)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <StressBottlenecks report={report} />
      <StressSensitivity report={report} headingId={`${headingId}-tornado`} />
    </section>
  );
}
