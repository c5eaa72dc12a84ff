import type { SimulationReport, TimeSpread } from '../simulate/report.js';
import type { Block, Cell, ReportDocument } from './document.js';
import type { HeadlineFigure } from './figures.js';
import { minutesText, shareText } from './figures.js';
import { breachChartOption, missedDeadlines, SCORE_HISTOGRAM_CAPTION, scoreHistogramOption, timeHistogramCaption, timeHistogramOption, tornadoChartHeight, tornadoChartOption, type SimulatedTime } from './simulation-charts.js';

// A simulation's report as a document (Markdown, HTML): the spread of the three times and of
// the score, the chance of missing each deadline, the critical path and its bottleneck roles,
// what moves recovery most, and the comparison of two models.

const minutes = (m: number | null) => (m === null ? '—' : minutesText(m));
const signed = (value: number | null, unit: (v: number) => string) => (value === null ? '—' : `${value > 0 ? '+' : value < 0 ? '−' : ''}${unit(Math.abs(value))}`);

const TIMES: { key: SimulatedTime; id: HeadlineFigure['id']; title: string; target: 'detectMinutes' | 'containMinutes' | 'recoverMinutes' }[] = [
  { key: 'timeToDetectMinutes', id: 'detected', title: 'Time to detect', target: 'detectMinutes' },
  { key: 'timeToContainMinutes', id: 'contained', title: 'Time to contain', target: 'containMinutes' },
  { key: 'timeToRecoverMinutes', id: 'recovered', title: 'Time to recover', target: 'recoverMinutes' },
];

function figures(report: SimulationReport): HeadlineFigure[] {
  const time = (spread: TimeSpread, title: string, id: HeadlineFigure['id'], target: number): HeadlineFigure => ({
    id,
    title: `${title} (median)`,
    value: minutes(spread.p50),
    target: minutesText(target),
    met: spread.p50 === null ? null : spread.p50 <= target,
    // No run reached it: no percentiles to give ("nine runs in ten within —" said nothing).
    definition: spread.p50 === null
      ? `no run reached it (0% of ${runsText(report.runs)})`
      : `nine runs in ten within ${minutes(spread.p90)} (p90), 19 in 20 within ${minutes(spread.p95)} (p95); mean ${minutes(spread.mean)}; reached in ${shareText(spread.reached)} of ${runsText(report.runs)}`,
  });
  return [
    {
      id: 'overall', title: 'Overall score (median)', value: report.overallScore.p50 === null ? '—' : `${report.overallScore.p50} / 100`, target: null, met: null,
      definition: `${lowScoreText(report.overallScore.p10, 'run')}; mean ${report.overallScore.mean ?? '—'}; n = ${runsText(report.runs)}`,
    },
    ...TIMES.map((t) => time(report[t.key], t.title, t.id, report.targets[t.target])),
  ];
}

/**
 * What the 10th percentile of the score says, in words: "one drill in ten scored 72 or less", or,
 * when it is the full 100, that nine in ten at least scored 100 ("100 or less" would say nothing).
 */
export function lowScoreText(p10: number | null, noun: 'run' | 'drill'): string {
  if (p10 === null) return `no ${noun}s scored`;
  return p10 >= 100 ? `nine ${noun}s in ten or more scored the full 100` : `one ${noun} in ten scored ${p10} or less`;
}

/** The model's title, and where it comes from unless that is the title again (a model sent by the app is named by its title). */
const modelText = (model: SimulationReport['model']) => (model.source === model.title ? model.title : `${model.title} (${model.source})`);

/** The width the tornado's height is worked out for (the HTML export's charts): its rows fit labels of three lines. */
const TORNADO_CHART_WIDTH = 960;

/** A number of runs (or drills) in words that agree with it ("1 run", "10,000 runs"). */
const runsText = (runs: number, noun: 'run' | 'drill' = 'run') => `${runs.toLocaleString('en')} ${noun}${runs === 1 ? '' : 's'}`;

/**
 * What the tornado leaves out: `instead` of it when no input is ranked (why), else `leftOut`, the
 * inputs whose swing was within chance, if any. Said by the export and the app alike.
 */
export function sensitivityNotes(report: SimulationReport, noun: 'run' | 'drill'): { instead: string | null; leftOut: string | null } {
  const { withinChance, inputs } = report.sensitivity;
  const leftOut = `${withinChance.toLocaleString('en')} input${withinChance === 1 ? '' : 's'} that var${withinChance === 1 ? 'ies' : 'y'} moved it by no more than chance could over ${runsText(report.runs, noun)}`;
  if (inputs.length === 0) {
    const recovered = report.histograms.timeToRecoverMinutes.reduce((sum, bin) => sum + bin.count, 0);
    let instead: string;
    if (withinChance > 0) instead = `No input moved the time to recover by more than chance could: ${leftOut}. More ${noun}s may tell them apart.`;
    else if (recovered === 0) instead = `No ${noun} recovered: there is nothing to rank.`;
    // An input is ranked on two recovered runs at least in its lowest and in its highest tenth.
    else if (recovered < 20) instead = `${recovered === 1 ? `Only 1 ${noun}` : `Only ${recovered} ${noun}s`} recovered: too few to rank what moves recovery, which takes 20 at least (two in the lowest and two in the highest tenth of each input). Run more ${noun}s.`;
    else instead = `Nothing in this model varies from ${noun} to ${noun}: there is nothing to rank.`;
    return { instead, leftOut: null };
  }
  return { instead: null, leftOut: withinChance > 0 ? `Left out: ${leftOut}.` : null };
}

export function simulationDocument(report: SimulationReport): ReportDocument {
  const blocks: Block[] = [];
  const add = (...more: Block[]) => blocks.push(...more);
  const defs = report.definitions;

  add({ type: 'figures', figures: figures(report) });
  add({ type: 'paragraph', style: 'note', text: `${runsText(report.runs)}, seed ${report.seed}: ${defs.runs}. Model: ${modelText(report.model)}.` });

  add({ type: 'heading', level: 2, text: 'Time to detect, contain and recover' });
  add({
    type: 'table',
    definition: defs.times,
    columns: [{ header: 'Measure', width: 2 }, { header: 'p50', width: 1, align: 'right' }, { header: 'p90', width: 1, align: 'right' }, { header: 'p95', width: 1, align: 'right' }, { header: 'Mean', width: 1, align: 'right' }, { header: 'Reached', width: 1, align: 'right' }, { header: 'Target', width: 1, align: 'right' }],
    rows: [
      ...TIMES.map((t): Cell[] => {
        const s = report[t.key];
        const target = report.targets[t.target];
        return [{ text: t.title, bold: true }, minutes(s.p50), { text: minutes(s.p90), tone: s.p90 !== null && s.p90 > target ? 'bad' : 'good' }, minutes(s.p95), minutes(s.mean), shareText(s.reached), minutesText(target)];
      }),
      [{ text: 'Overall score', bold: true }, String(report.overallScore.p50 ?? '—'), String(report.overallScore.p90 ?? '—'), String(report.overallScore.p95 ?? '—'), String(report.overallScore.mean ?? '—'), '—', '—'],
    ],
  });
  for (const t of TIMES) {
    if (report.histograms[t.key].length > 0) add({ type: 'chart', option: timeHistogramOption(report, t.key), aspect: 0.32, caption: timeHistogramCaption(report, t.key) });
  }
  if (report.histograms.overallScore.length > 0) add({ type: 'chart', option: scoreHistogramOption(report), aspect: 0.32, caption: SCORE_HISTOGRAM_CAPTION });

  add({ type: 'heading', level: 2, text: 'Chance of missing each deadline' });
  const missed = missedDeadlines(report).length;
  if (missed > 0) add({ type: 'chart', option: breachChartOption(report), aspect: 0.08 + 0.035 * missed, caption: 'The share of runs that missed each deadline some run missed: the severity response, the communication duties, the playbook steps with a deadline, and the three targets.' });
  add({
    type: 'table',
    definition: defs.breaches,
    columns: [{ header: 'Deadline', width: 7 }, { header: 'Probability of missing it', width: 2, align: 'right' }],
    rows: [...report.breaches].sort((a, b) => b.probability - a.probability || a.id.localeCompare(b.id)).map((b) => [b.title, { text: shareText(b.probability), tone: b.probability >= 0.1 ? 'bad' : b.probability > 0 ? 'warn' : 'good' }]),
  });

  add({ type: 'heading', level: 2, text: 'Critical path and bottleneck roles' });
  add({ type: 'paragraph', style: 'note', text: defs.criticalPath });
  add({
    type: 'bullets',
    items: report.criticalPath.common.length === 0
      ? ['No run reached recovery.']
      : report.criticalPath.common.map((path) => `${shareText(path.share)} of recovered runs: ${path.steps.join(' → ')}`),
  });
  add({
    type: 'table',
    definition: `${defs.bottlenecks}. Besides the roles, the critical path spent on average ${minutesText(report.criticalPath.noticingMinutes)} before injects were noticed and ${minutesText(report.criticalPath.scenarioMinutes)} waiting on the scenario's own clock.`,
    columns: [{ header: 'Role', width: 3 }, { header: 'People', width: 1, align: 'right' }, { header: 'Critical path', width: 1.5, align: 'right' }, { header: 'Share', width: 1, align: 'right' }, { header: 'Waiting per run', width: 1.5, align: 'right' }],
    rows: report.bottlenecks.map((r) => [{ text: r.title, bold: true }, String(r.people), minutesText(r.criticalPathMinutes), shareText(r.criticalPathShare), minutesText(r.waitMinutes)]),
  });

  add({ type: 'heading', level: 2, text: 'What moves the time to recover most' });
  const sensitivity = sensitivityNotes(report, 'run');
  if (sensitivity.instead) {
    add({ type: 'paragraph', text: sensitivity.instead });
  } else {
    add({ type: 'chart', option: tornadoChartOption(report), aspect: Math.max(0.3, tornadoChartHeight(report.sensitivity.inputs.length) / TORNADO_CHART_WIDTH), caption: 'Each input\'s bar spans the mean time to recover when it was low and when it was high; the widest move recovery most.' });
    add({
      type: 'table',
      definition: defs.sensitivity,
      columns: [{ header: 'Input', width: 5 }, { header: 'Low', width: 1, align: 'right' }, { header: 'High', width: 1, align: 'right' }, { header: 'Swing', width: 1, align: 'right' }, { header: 'Margin', width: 1, align: 'right' }, { header: 'Runs (low / high)', width: 1.5, align: 'right' }],
      rows: report.sensitivity.inputs.map((i) => [i.title, minutesText(i.low), minutesText(i.high), signed(i.swing, minutesText), `±${minutesText(i.margin)}`, `${i.lowRuns} / ${i.highRuns}`]),
    });
    if (sensitivity.leftOut) add({ type: 'paragraph', style: 'note', text: sensitivity.leftOut });
  }

  if (report.comparison) {
    const c = report.comparison;
    add({ type: 'heading', level: 2, text: `Compared with the model "${c.model.title}"` });
    add({
      type: 'table',
      definition: `a: ${report.model.title}; b: ${c.model.title} (${c.model.source}). ${defs.comparison}`,
      columns: [{ header: 'Measure', width: 4 }, { header: 'a', width: 1, align: 'right' }, { header: 'b', width: 1, align: 'right' }, { header: 'b − a', width: 1, align: 'right' }, { header: '95% interval', width: 2, align: 'right' }, { header: 'n', width: 1, align: 'right' }],
      rows: [
        ...c.differences.map((d): Cell[] => {
          const unit = d.id === 'overallScore' ? (v: number) => String(Math.round(v * 100) / 100) : minutesText;
          return [d.title, d.a === null ? '—' : unit(d.a), d.b === null ? '—' : unit(d.b), signed(d.difference, unit), d.low === null ? '—' : `${signed(d.low, unit)} to ${signed(d.high, unit)}`, String(d.n)];
        }),
        // Deadlines neither model ever missed say nothing: left out.
        ...c.breaches.filter((d) => d.a !== 0 || d.b !== 0).map((d): Cell[] => [`Missing: ${d.title}`, shareText(d.a), shareText(d.b), signed(d.difference, (v) => shareText(v)), d.low === null ? '—' : `${signed(d.low, (v) => shareText(v))} to ${signed(d.high, (v) => shareText(v))}`, String(d.n)]),
      ],
    });
  }

  return {
    kind: 'Stress test',
    title: report.scenarioTitle,
    subtitle: `${report.runs.toLocaleString('en')} simulated drill${report.runs === 1 ? '' : 's'} of scenario ${report.scenarioId} (plan ${report.planId}) · model ${report.model.title} · seed ${report.seed}`,
    footer: `Firedrill stress test · simulation v${report.simulationVersion} · scenario ${report.scenarioId} · ${runsText(report.runs)} · seed ${report.seed}. Simulated drills, not real ones: as good as the model behind them.`,
    blocks,
  };
}
