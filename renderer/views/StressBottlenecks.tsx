import { minutesText, shareText } from '../../engine/report/figures.js';
import { SIMULATION_DEFINITIONS, type SimulationReport } from '../../engine/simulate/report.js';

// Which role holds recovery up: the critical path's commonest chains of steps and the minutes of
// it each role held, as the exported report gives them (engine/report/simulation-document.ts).

/** The commonest paths shown on screen; the exports list them all. */
const PATHS_SHOWN = 3;

export function StressBottlenecks({ report }: { report: SimulationReport }) {
  const { common, noticingMinutes, scenarioMinutes } = report.criticalPath;
  return (
    <section className="stress-bottlenecks" aria-labelledby="stress-bottlenecks-heading">
      <h3 id="stress-bottlenecks-heading">Critical path and bottleneck roles</h3>
      <p className="hint">The critical path is {SIMULATION_DEFINITIONS.criticalPath}.</p>
      {common.length === 0 ? <p>No simulated drill reached recovery.</p> : (
        <ul aria-label="Commonest critical paths">
          {common.slice(0, PATHS_SHOWN).map((path) => (
            <li key={path.steps.join('>')}><strong>{shareText(path.share)}</strong> of recovered drills: {path.steps.join(' → ')}</li>
          ))}
        </ul>
      )}
      <table className="bottleneck-table" aria-describedby="stress-bottlenecks-columns">
        <caption>Bottleneck roles <span className="hint">(mean minutes per drill)</span></caption>
        <thead>
          <tr><th scope="col">Role</th><th scope="col">People</th><th scope="col">Held the critical path</th><th scope="col">Share of it</th><th scope="col">Waiting per drill</th></tr>
        </thead>
        <tbody>
          {report.bottlenecks.map((role) => (
            <tr key={role.role}>
              <th scope="row">{role.title}</th>
              <td className="number">{role.people}</td>
              <td className="number">{minutesText(role.criticalPathMinutes)}</td>
              <td className="number">{shareText(role.criticalPathShare)}</td>
              <td className="number">{minutesText(role.waitMinutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {/* Each column in the words of its header (the export's definition names the JSON's fields and says "runs"). */}
      <p id="stress-bottlenecks-columns" className="hint">
        People: as the model says, or the default (as many as the exemplary script keeps busy at once).
        Held the critical path: minutes of the path from T+0 to recovery the role held (working, pacing, waiting to come on call), each minute counted once, averaged over the drills that recovered.
        Waiting per drill: minutes per drill the role&apos;s steps waited for a free person or for the on-call delay.
        Besides the roles, the critical path spent on average {minutesText(noticingMinutes)} before injects were noticed and {minutesText(scenarioMinutes)} waiting on the scenario&apos;s own clock.
      </p>
    </section>
  );
}
