import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { HistoryResult } from '../../engine/protocol/index.js';
import type { Drill, DrillGroup } from '../../engine/report/drill-history.js';
import { drillHistoryChartOption, type ReportChartOption } from '../../engine/report/charts.js';
import { drillStatistics, estimateText, laterHalfText, type DrillMeasure } from '../../engine/report/drill-statistics.js';
import type { MedianEstimate } from '../../engine/stats/bootstrap.js';
import type { Spread } from '../../engine/scoring/metrics.js';
import { useClient } from '../app/app-context.js';
import { minutesText } from '../../engine/report/figures.js';
import { ReportChart } from './ReportChart.js';
import { localDateTime, MODE_LABELS } from './SessionsView.js';
import './sessions-history.css';

type GroupBy = 'scenario' | 'plan';

const METRICS: { key: 'timeToDetect' | 'timeToContain' | 'timeToRecover'; measure: DrillMeasure; title: string; of: (drill: Drill) => number | null }[] = [
  { key: 'timeToDetect', measure: 'timeToDetectMinutes', title: 'Time to detect', of: (d) => d.timeToDetectMinutes },
  { key: 'timeToContain', measure: 'timeToContainMinutes', title: 'Time to contain', of: (d) => d.timeToContainMinutes },
  { key: 'timeToRecover', measure: 'timeToRecoverMinutes', title: 'Time to recover', of: (d) => d.timeToRecoverMinutes },
];

/** One headline figure, named by its title for a screen reader. */
function Figure({ title, value, children }: { title: string; value: string | number; children?: ReactNode }) {
  const id = useId();
  return (
    <li className="figure" aria-labelledby={id}>
      <span id={id} className="figure-title">{title}</span>
      <strong className="figure-value">{value}</strong>
      {children}
    </li>
  );
}

/**
 * The median of one time across a group with its bootstrap interval and n (the drills that
 * reached it), and whether the later drills differ from the earlier: a handful of drills seldom
 * tells, and the figure says so rather than drawing a trend through noise.
 */
function MetricFigure({ title, spread, estimate, verdict, drills }: { title: string; spread: Spread & { definition: string }; estimate: MedianEstimate; verdict: string; drills: number }) {
  return (
    <Figure title={`Median ${title.toLowerCase()}`} value={minutesText(estimate.median)}>
      {estimate.n === 0
        ? <span>{drills === 1 ? 'not reached in the one drill' : `not reached in any of the ${drills} drills`}</span>
        : (
          <>
            <span>{estimateText(estimate, minutesText)}, reached in {estimate.n} of {drills}; mean {minutesText(spread.mean)}</span>
            <span className="trend">{verdict}</span>
          </>
        )}
      <small className="definition">{spread.definition}</small>
    </Figure>
  );
}

function DrillTable({ group }: { group: DrillGroup }) {
  return (
    <table className="drills-table">
      <caption>Drills of {group.title}, oldest first</caption>
      <thead>
        <tr>
          <th scope="col">Date</th><th scope="col">{group.by === 'plan' ? 'Scenario' : 'Plan'}</th><th scope="col">Mode</th><th scope="col">Score</th>
          {METRICS.map((metric) => <th key={metric.key} scope="col">{metric.title}</th>)}
          <th scope="col"><span className="visually-hidden">Debrief</span></th>
        </tr>
      </thead>
      <tbody>
        {group.drills.map((drill) => {
          const when = localDateTime(drill.startedAt);
          return (
            <tr key={drill.sessionId}>
              <th scope="row"><time dateTime={drill.startedAt}>{when}</time>{drill.archived && <span className="state-detail">archived</span>}{drill.label && <span className="drill-label">{drill.label}</span>}</th>
              <td>{group.by === 'plan' ? drill.scenarioTitle : drill.planTitle}</td>
              <td>{MODE_LABELS[drill.mode as keyof typeof MODE_LABELS] ?? drill.mode}</td>
              <td className="number">{drill.overallScore} / 100</td>
              {METRICS.map((metric) => {
                const minutes = metric.of(drill);
                return <td key={metric.key} className={minutes === null ? 'not-reached' : 'number'}>{minutesText(minutes)}</td>;
              })}
              <td><a href={`#/debrief/${encodeURIComponent(drill.sessionId)}`} aria-label={`Debrief of the drill of ${when}`}>Debrief</a></td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * ECharts in a browser takes a text line's height from the width of a CJK glyph; on a machine
 * without CJK fonts that is about 3px and the two-line drill labels (date, session id) print over
 * each other. A fixed line height keeps them apart; the chart is otherwise the exports' own.
 */
function withLabelLineHeight(option: ReportChartOption): ReportChartOption {
  const xAxis = option.xAxis;
  if (!xAxis || Array.isArray(xAxis)) return option;
  return { ...option, xAxis: { ...xAxis, axisLabel: { ...xAxis.axisLabel, lineHeight: 12 } } as typeof xAxis };
}

/** One scenario's or plan's drills: how many, the mean score, the three times and their trend, charted as in the exports. */
function GroupSection({ group }: { group: DrillGroup }) {
  const headingId = useId();
  const chart = useMemo(() => withLabelLineHeight(drillHistoryChartOption(group)), [group]);
  const count = group.drills.length;
  const statistics = useMemo(() => drillStatistics(group.drills), [group]);
  // The later half of the drills against the earlier half (of one scenario's drills only).
  const verdict = useMemo(() => laterHalfText(group.drills), [group]);
  const score = statistics.measures.overallScore;
  return (
    <section className="panel history-group" aria-labelledby={headingId}>
      <h2 id={headingId}>{group.title}</h2>
      <ul className="headline history-figures" aria-label={`Figures of ${group.title}`}>
        <Figure title="Drills" value={count} />
        <Figure title="Median score" value={score.median === null ? '—' : `${score.median} / 100`}>
          <span>{estimateText(score, String)}; mean {group.meanScore ?? '—'}</span>
          <span className="trend">{verdict('overallScore')}</span>
        </Figure>
        {METRICS.map((metric) => <MetricFigure key={metric.key} title={metric.title} spread={group.metrics[metric.key]} estimate={statistics.measures[metric.measure]} verdict={verdict(metric.measure)} drills={count} />)}
      </ul>
      {group.drills.some((drill) => METRICS.some((metric) => metric.of(drill) !== null))
        ? <ReportChart option={chart} label={`Time to detect, contain and recover across the drills of ${group.title}, with their medians`} height={300} />
        : <p className="hint">No drill here reached detection, containment or recovery yet: nothing to chart.</p>}
      <DrillTable group={group} />
    </section>
  );
}

function GroupChoice({ by, onChange }: { by: GroupBy; onChange: (by: GroupBy) => void }) {
  return (
    <fieldset className="choice">
      <legend>Group by</legend>
      {(['scenario', 'plan'] as const).map((one) => (
        <label key={one}>
          <input type="radio" name="history-group" value={one} checked={by === one} onChange={() => onChange(one)} />
          {one === 'scenario' ? 'Scenario' : 'Plan'}
        </label>
      ))}
    </fieldset>
  );
}

/** Journals left out of the figures, named so the person can look at the files. */
function SkippedJournals({ skipped }: { skipped: HistoryResult['skipped'] }) {
  if (skipped.length === 0) return null;
  return (
    <section className="warning-box" aria-labelledby="skipped-heading">
      <h2 id="skipped-heading">{skipped.length} journal{skipped.length === 1 ? '' : 's'} could not be read and {skipped.length === 1 ? 'is' : 'are'} left out</h2>
      <ul>
        {skipped.map((one) => <li key={one.file}><code>{one.file}</code>: {one.reason}</li>)}
      </ul>
    </section>
  );
}

/**
 * Labels a drill ("test run", "aborted") and leaves it out of the figures or counts it again
 * (history.label): one small form for every drill, counted or not, and the drills left out listed.
 */
function DrillLabels({ result, onChanged }: { result: HistoryResult; onChanged: () => void }) {
  const client = useClient();
  const drills = useMemo(() => [...result.history.drills, ...result.excluded].sort((a, b) => b.startedAt.localeCompare(a.startedAt)), [result]);
  const excludedIds = useMemo(() => new Set(result.excluded.map((d) => d.sessionId)), [result]);
  const [sessionId, setSessionId] = useState('');
  const chosen = drills.find((d) => d.sessionId === sessionId) ?? drills[0];
  const [label, setLabel] = useState('');
  const [leftOut, setLeftOut] = useState(false);
  const [saved, setSaved] = useState('');
  // What the last save replaced, so one step takes it back.
  const [undo, setUndo] = useState<{ drill: Drill; label: string | null; excluded: boolean } | null>(null);
  const drillChoice = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    setLabel(chosen?.label ?? '');
    setLeftOut(chosen ? excludedIds.has(chosen.sessionId) : false);
  }, [chosen, excludedIds]);
  // Drills journalled by `firedrill run` all start at their scenario's T0: the date and title alone can repeat.
  const name = useMemo(() => {
    const base = (drill: Drill) => `${localDateTime(drill.startedAt)}: ${drill.scenarioTitle}, score ${drill.overallScore} / 100`;
    const seen = new Map<string, number>();
    for (const drill of drills) seen.set(base(drill), (seen.get(base(drill)) ?? 0) + 1);
    return (drill: Drill) => `${base(drill)}${seen.get(base(drill))! > 1 ? ` (session ${drill.sessionId})` : ''}${drill.label ? ` (${drill.label})` : ''}`;
  }, [drills]);
  if (drills.length === 0) return null;
  const send = (drill: Drill, newLabel: string | null, excluded: boolean) => client.send('history.label', { sessionId: drill.sessionId, label: newLabel, excluded });
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    const before = { drill: chosen, label: chosen.label ?? null, excluded: excludedIds.has(chosen.sessionId) };
    try {
      await send(chosen, label.trim() === '' ? null : label.trim(), leftOut);
      setSaved(`Saved: the drill of ${localDateTime(chosen.startedAt)} is ${leftOut ? 'left out of' : 'counted in'} the figures.`);
      setUndo(before);
      onChanged();
    } catch (error) {
      setSaved(`Not saved: ${(error as Error).message}`);
    }
  };
  const takeBack = async () => {
    if (!undo) return;
    try {
      await send(undo.drill, undo.label, undo.excluded);
      setSaved(`Undone: the drill of ${localDateTime(undo.drill.startedAt)} is ${undo.excluded ? 'left out of' : 'counted in'} the figures again.`);
      setUndo(null);
      setSessionId(undo.drill.sessionId);
      drillChoice.current?.focus();
      onChanged();
    } catch (error) {
      setSaved(`Not undone: ${(error as Error).message}`);
    }
  };
  return (
    <section className="panel drill-labels" aria-labelledby="drill-labels-heading">
      <h2 id="drill-labels-heading">Label or leave out a drill</h2>
      <form className="drill-label-form" onSubmit={(event) => void save(event)}>
        <label>Drill
          <select ref={drillChoice} value={chosen?.sessionId ?? ''} onChange={(event) => setSessionId(event.target.value)}>
            {drills.map((drill) => <option key={drill.sessionId} value={drill.sessionId}>{name(drill)}</option>)}
          </select>
        </label>
        <label>Label
          <input type="text" maxLength={80} value={label} placeholder="test run, aborted…" onChange={(event) => setLabel(event.target.value)} />
        </label>
        <label className="inline-check"><input type="checkbox" checked={leftOut} onChange={(event) => setLeftOut(event.target.checked)} /> Leave out of the figures</label>
        <button type="submit">Save</button>
      </form>
      <p role="status" className="done">
        {saved}
        {undo && <>{' '}<button type="button" onClick={() => void takeBack()}>Undo<span className="visually-hidden"> the change to the drill of {localDateTime(undo.drill.startedAt)}</span></button></>}
      </p>
      {result.excluded.length > 0 && (
        <>
          <h3>Left out of the figures ({result.excluded.length})</h3>
          <ul className="excluded-drills">
            {result.excluded.map((drill) => <li key={drill.sessionId}>{name(drill)}</li>)}
          </ul>
        </>
      )}
    </section>
  );
}

/** Every ended drill in the data folder, by scenario or by plan: are we getting faster? */
export function HistoryView() {
  const client = useClient();
  const [result, setResult] = useState<HistoryResult | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [by, setBy] = useState<GroupBy>('scenario');
  const [reads, setReads] = useState(0);
  useEffect(() => {
    void client.send('history.get', {}).then(setResult, (error: Error) => setLoadError(error.message));
  }, [client, reads]);

  if (loadError) return <p role="alert">The history could not be read: {loadError}</p>;
  if (!result) {
    return (
      <div className="history loading">
        <h1>History of drills</h1>
        {/* Every journal is replayed and scored: with many drills that takes a moment. */}
        <p role="status"><progress aria-label="Reading the drills" /> Reading the drills…</p>
      </div>
    );
  }
  const groups = by === 'plan' ? result.history.byPlan : result.history.byScenario;
  return (
    <div className="history">
      <div className="view-title">
        <h1>History of drills</h1>
        <GroupChoice by={by} onChange={setBy} />
      </div>
      {/* Running or paused: "still running" misread a session paused (its page closed) as one in play. */}
      {result.running > 0 && (
        <p className="hint">{result.running} session{result.running === 1 ? ' has' : 's have'} not ended yet (running or paused): {result.running === 1 ? 'it joins' : 'they join'} the history once ended. <a href="#/sessions">See the sessions</a></p>
      )}
      <SkippedJournals skipped={result.skipped} />
      {groups.length > 0
        ? groups.map((group) => <GroupSection key={`${group.by}-${group.id}`} group={group} />)
        : result.excluded.length > 0
          ? <p className="empty-state">Every ended drill ({result.excluded.length}) is left out of the figures. Count one again below: pick it and untick <em>Leave out of the figures</em>.</p>
          : <p className="empty-state">No ended drills yet. Run a drill from the library and end it: its score and its times to detect, contain and recover are charted here, drill after drill. <a href="#/library">Go to the library</a></p>}
      <DrillLabels result={result} onChanged={() => setReads((n) => n + 1)} />
    </div>
  );
}
