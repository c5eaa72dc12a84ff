import { minutesText, shareText } from '../../engine/report/figures.js';
import type { SimulationReport } from '../../engine/simulate/report.js';

// The last run beside the one before it: what turning a knob (one more analyst, an alert
// channel off) changed. Only the headline figures and the deadlines either run missed.

const TIMES = [
  { key: 'timeToDetectMinutes', title: 'Time to detect' },
  { key: 'timeToContainMinutes', title: 'Time to contain' },
  { key: 'timeToRecoverMinutes', title: 'Time to recover' },
] as const;

/** A change in a share, in percentage points (10% to 15% is +5 points, not +50%). */
const points = (p: number) => `${Math.round(p * 1000) / 10} point${Math.round(p * 1000) === 10 ? '' : 's'}`;
const signed = (value: number, text: (v: number) => string) => (value === 0 ? 'no change' : `${value > 0 ? '+' : '−'}${text(Math.abs(value))}`);
const drills = (report: SimulationReport) => `${report.runs.toLocaleString('en')} drill${report.runs === 1 ? '' : 's'}, seed ${report.seed}`;

/** How far a change can be chance: drills with the same seed meet the same luck in both runs (engine/simulate/draws.ts). */
const luck = (previous: SimulationReport, report: SimulationReport) => (previous.seed === report.seed && previous.runs === report.runs
  ? 'Same seed and drills: each drill met the same luck in both runs, so a change is mostly what was turned rather than luck.'
  : 'The seed or the number of drills differ: part of any change is chance; with few drills, a change of a few points in a percentage may be nothing.');

interface Row { title: string; before: string; after: string; change: string }

function minutesRow(title: string, before: number | null, after: number | null): Row {
  const [was, is] = [minutesText(before), minutesText(after)];
  // Less than the minute the figures are rounded to is no change to the reader.
  return { title, before: was, after: is, change: before === null || after === null ? '—' : was === is ? 'no change' : signed(after - before, minutesText) };
}

export function StressComparison({ report, previous }: { report: SimulationReport; previous: SimulationReport }) {
  const rows: Row[] = [
    ...TIMES.flatMap(({ key, title }) => [
      minutesRow(`${title}, median`, previous[key].p50, report[key].p50),
      minutesRow(`${title}, 90th percentile`, previous[key].p90, report[key].p90),
    ]),
    (() => {
      const before = previous.overallScore.p50;
      const after = report.overallScore.p50;
      return { title: 'Score, median (of 100)', before: String(before ?? '—'), after: String(after ?? '—'), change: before === null || after === null ? '—' : signed(Math.round((after - before) * 100) / 100, String) };
    })(),
  ];
  const before = new Map(previous.breaches.map((b) => [b.id, b.probability]));
  for (const breach of report.breaches) {
    const was = before.get(breach.id);
    if (was === undefined || (was === 0 && breach.probability === 0)) continue;
    rows.push({ title: `Missing: ${breach.title}`, before: shareText(was), after: shareText(breach.probability), change: signed(Math.round((breach.probability - was) * 1000) / 1000, points) });
  }
  return (
    <table className="comparison-table">
      <caption>
        Compared with the previous run{' '}
        <span className="hint">(before: {previous.model.title}, {drills(previous)}; this run: {report.model.title}, {drills(report)}. {luck(previous, report)})</span>
      </caption>
      <thead><tr><th scope="col">Measure</th><th scope="col">Previous run</th><th scope="col">This run</th><th scope="col">Change</th></tr></thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.title}>
            <th scope="row">{row.title}</th>
            <td className="number">{row.before}</td>
            <td className="number">{row.after}</td>
            <td className="number">{row.change}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
