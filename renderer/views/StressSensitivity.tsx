import { minutesText } from '../../engine/report/figures.js';
import { tornadoChartHeight, tornadoChartOption } from '../../engine/report/simulation-charts.js';
import { sensitivityNotes } from '../../engine/report/simulation-document.js';
import type { SimulationReport } from '../../engine/simulate/report.js';
import { ReportChart } from './ReportChart.js';

// What moves the time to recover most: the export's tornado (its long input names wrapped, whole
// on hover) and, as in the export, a table of the inputs with their names in full and figures.

const signed = (minutes: number) => `${minutes > 0 ? '+' : minutes < 0 ? '−' : ''}${minutesText(Math.abs(minutes))}`;

export function StressSensitivity({ report, headingId }: { report: SimulationReport; headingId: string }) {
  const sensitivity = sensitivityNotes(report, 'drill');
  const { inputs } = report.sensitivity;
  return (
    <section className="panel stress-sensitivity" aria-labelledby={headingId}>
      <h3 id={headingId}>What moves the time to recover most</h3>
      {sensitivity.instead ? <p>{sensitivity.instead}</p> : (
        <>
          <figure>
            <ReportChart option={tornadoChartOption(report)} label="What moves the time to recover most: each input's low and high mean time to recover" height={Math.max(220, tornadoChartHeight(inputs.length))} />
            <figcaption className="hint">
              Each input&apos;s bar spans the mean time to recover when it was low (its lowest tenth of drills; for a yes-or-no input, the drills where it did not happen) and when it was high; the widest move recovery most.
              {sensitivity.leftOut && <> {sensitivity.leftOut}</>}
            </figcaption>
          </figure>
          <table className="sensitivity-table">
            <caption>The inputs, widest swing first <span className="hint">(mean time to recover)</span></caption>
            <thead>
              <tr><th scope="col">Input</th><th scope="col">When low</th><th scope="col">When high</th><th scope="col">Swing</th><th scope="col">Chance alone (±)</th><th scope="col">Drills (low / high)</th></tr>
            </thead>
            <tbody>
              {inputs.map((input) => (
                <tr key={input.id}>
                  <th scope="row">{input.title}</th>
                  <td className="number">{minutesText(input.low)}</td>
                  <td className="number">{minutesText(input.high)}</td>
                  <td className="number">{signed(input.swing)}</td>
                  <td className="number">±{minutesText(input.margin)}</td>
                  <td className="number">{input.lowRuns.toLocaleString('en')} / {input.highRuns.toLocaleString('en')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
