import { useEffect, useId, useMemo, useState } from 'react';
import type { CoverageResult } from '../../engine/protocol/index.js';
import type { CoverageItem, PlanCoverage, TechniqueCoverage } from '../../engine/report/coverage.js';
import { base64OfText } from '../client/base64.js';
import { saveExport } from '../client/save-export.js';
import { useClient } from '../app/app-context.js';
import { localDateTime } from './SessionsView.js';
import './sessions-history.css'; // the History's styles it shares (its loading state, figures)
import './coverage.css';

// The coverage map (coverage.get): which ATT&CK techniques, plan actions, roles and duties and
// which CSF 2.0 functions the library would exercise and the drills did, and when last; the
// ATT&CK part saved as a Navigator layer for the tool security teams already use.

const lastText = (item: CoverageItem) => (item.lastExercised === null ? 'never drilled' : `last ${localDateTime(item.lastExercised)}`);

/** The layer as a file to save: JSON, named as `firedrill coverage --format navigator` would write it. */
function layerFile(layer: Record<string, unknown>) {
  return { fileName: 'firedrill-coverage.navigator-layer.json', mediaType: 'application/json', ...base64OfText(`${JSON.stringify(layer, null, 2)}\n`) };
}

function TechniqueMatrix({ result }: { result: CoverageResult }) {
  const byId = useMemo(() => new Map(result.coverage.techniques.map((t) => [t.id, t])), [result]);
  return (
    <table className="attack-matrix">
      <caption>ATT&amp;CK techniques by tactic (ATT&amp;CK v{result.coverage.attackVersion})</caption>
      <thead><tr><th scope="col">Tactic</th><th scope="col">Techniques: drills that exercised each, and when last</th></tr></thead>
      <tbody>
        {result.coverage.matrix.map((row) => (
          <tr key={row.tactic}>
            <th scope="row">{row.title}</th>
            <td>
              <ul className="technique-cells">
                {row.techniques.map((id) => {
                  const technique = byId.get(id) as TechniqueCoverage;
                  return (
                    <li key={id} className={technique.drills > 0 ? 'drilled' : 'never'}>
                      <strong>{id}</strong> {technique.title}
                      <span className="technique-figure">{technique.drills} drill{technique.drills === 1 ? '' : 's'}, {lastText(technique)}; in {technique.scenarios.length} scenario{technique.scenarios.length === 1 ? '' : 's'}</span>
                    </li>
                  );
                })}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ItemTable({ caption, items }: { caption: string; items: CoverageItem[] }) {
  if (items.length === 0) return null;
  return (
    <table className="coverage-table">
      <caption>{caption}</caption>
      <thead><tr><th scope="col">Item</th><th scope="col">Scenarios</th><th scope="col">Drills</th><th scope="col">Last exercised</th></tr></thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} className={item.drills === 0 ? 'never' : undefined}>
            <th scope="row">{item.title}</th>
            <td className="number">{item.scenarios.length}</td>
            <td className="number">{item.drills}</td>
            <td>{item.lastExercised === null ? 'never' : <time dateTime={item.lastExercised}>{localDateTime(item.lastExercised)}</time>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PlanSection({ plan }: { plan: PlanCoverage }) {
  const headingId = useId();
  return (
    <section className="panel coverage-plan" aria-labelledby={headingId}>
      <h2 id={headingId}>{plan.planTitle}</h2>
      <ItemTable caption={`CSF 2.0 functions of ${plan.planTitle}`} items={plan.functions} />
      <ItemTable caption={`Roles of ${plan.planTitle}`} items={plan.roles} />
      <ItemTable caption={`Duties of ${plan.planTitle}`} items={plan.duties} />
      <ItemTable caption={`Actions of ${plan.planTitle}`} items={plan.actions} />
    </section>
  );
}

export function CoverageView() {
  const client = useClient();
  const [result, setResult] = useState<CoverageResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    void client.send('coverage.get', {}).then(setResult, (error: Error) => setProblem(error.message));
  }, [client]);
  if (problem) return <p role="alert">The coverage map could not be made: {problem}</p>;
  if (!result) {
    return (
      <div className="coverage loading">
        <h1>Coverage</h1>
        <p role="status"><progress aria-label="Reading the library and the drills" /> Reading the library and the drills…</p>
      </div>
    );
  }
  const save = async () => {
    try {
      const where = await saveExport(layerFile(result.navigatorLayer));
      setSaved(where === null ? '' : `Saved the ATT&CK Navigator layer: ${where}`);
    } catch (error) {
      setSaved(`The layer could not be saved: ${(error as Error).message}`);
    }
  };
  const { coverage } = result;
  const drilled = coverage.techniques.filter((t) => t.drills > 0).length;
  return (
    <div className="coverage">
      <div className="view-title">
        <h1>Coverage</h1>
        <button type="button" onClick={() => void save()}>Export ATT&amp;CK Navigator layer</button>
      </div>
      <p className="hint">
        {coverage.techniques.length} ATT&amp;CK techniques in {coverage.scenarios} scenarios; {coverage.drills === 0
          ? <>no drill counted yet: end a drill (<a href="#/library">from the library</a>) and what it exercised is marked here.</>
          : `${drilled} exercised by the ${coverage.drills} ended drill${coverage.drills === 1 ? '' : 's'}.`}
        {' '}{result.excluded > 0 ? `${result.excluded} drill${result.excluded === 1 ? '' : 's'} left out in the History ${result.excluded === 1 ? 'is' : 'are'} not counted.` : 'Drills left out in the History are not counted.'}
      </p>
      {result.skipped.length > 0 && (
        <section className="warning-box" aria-labelledby="coverage-skipped-heading">
          <h2 id="coverage-skipped-heading">{result.skipped.length} journal{result.skipped.length === 1 ? ' could not be read and is' : 's could not be read and are'} not counted</h2>
          <ul>{result.skipped.map((one) => <li key={one.file}><code>{one.file}</code>: {one.reason}</li>)}</ul>
        </section>
      )}
      <p role="status" className="done">{saved}</p>
      <section className="panel" aria-labelledby="attack-heading">
        <h2 id="attack-heading">ATT&amp;CK techniques</h2>
        <TechniqueMatrix result={result} />
        <p className="definition">{coverage.definitions.techniques}</p>
      </section>
      {coverage.plans.map((plan) => <PlanSection key={plan.planId} plan={plan} />)}
      <p className="definition">Scenarios: {coverage.definitions.scenarios}. Drills: {coverage.definitions.drills}. Functions: {coverage.definitions.functions}.</p>
    </div>
  );
}
