import { checkSchema } from '../validate/schema-issues.js';
import { formatLocatedError, formatPath, oneLine, quote } from '../validate/located-error.js';
import { parseYamlSource } from '../validate/yaml-source.js';
import { SIMULATION_VERSION, type SimulationReport } from './report.js';
import { MAX_SIMULATION_REPORT_BYTES, simulationReportSchema } from './report-schema.js';

// A stress test report file read back: the JSON the app saves, or `firedrill simulate --format
// json` writes. What is wrong with a file is said in one line that names it, and the field where
// it can (file:line:column path: message), never as a stack trace.

export type ReadReport = { ok: true; report: SimulationReport } | { ok: false; problem: string };

const HOW_TO_GET_ONE = 'save one from the Stress test as JSON, or write one with firedrill simulate --format json';

/** A report from a file's text; `fileName` names the file in the problem. */
export function readSimulationReport(fileName: string, text: string): ReadReport {
  const problem = (message: string): ReadReport => ({ ok: false, problem: oneLine(`${fileName}: ${message}`) });
  if (text.length > MAX_SIMULATION_REPORT_BYTES) return problem(`the file is larger than ${MAX_SIMULATION_REPORT_BYTES / 1024} KB, the most a stress test report can be`);
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return problem(`the file is empty, not a stress test report (${HOW_TO_GET_ONE})`);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return problem(`not JSON (${(error as Error).message}): a stress test report is the JSON the Stress test saves`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return problem(`not a stress test report: it holds ${Array.isArray(value) ? 'a list' : `a single ${value === null ? 'null' : typeof value}`}, not a report (${HOW_TO_GET_ONE})`);
  const version = (value as { simulationVersion?: unknown }).simulationVersion;
  if (version === undefined) {
    const format = (value as { format?: unknown }).format;
    const kind = typeof format === 'string' ? `a ${quote(format)} file` : 'JSON of another kind';
    return problem(`not a stress test report: it is ${kind}, with no simulationVersion field (${HOW_TO_GET_ONE})`);
  }
  if (version !== SIMULATION_VERSION) {
    return problem(`simulationVersion: the report is of simulation version ${typeof version === 'string' ? quote(version) : JSON.stringify(version)}; this Firedrill opens reports of version ${SIMULATION_VERSION}`);
  }
  const checked = checkSchema(simulationReportSchema, value);
  if (checked.success) return { ok: true, report: checked.data };
  // Located in the text: JSON is YAML, whose parser keeps positions.
  const source = parseYamlSource(fileName, body);
  const [first, ...more] = checked.issues;
  const located = source.ok
    ? formatLocatedError(source.source.error(first!.path, first!.message, { atKey: first!.atKey }))
    : `${fileName}: ${first!.path.length > 0 ? `${formatPath(first!.path)}: ` : ''}${first!.message}`;
  return { ok: false, problem: oneLine(`${located}${more.length > 0 ? ` (and ${more.length} more problem${more.length === 1 ? '' : 's'})` : ''}`) };
}
