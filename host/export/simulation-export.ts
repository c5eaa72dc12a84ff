import { documentToMarkdown } from '../../engine/report/document-markdown.js';
import type { PaperSize } from '../../engine/report/export-formats.js';
import { simulationDocument } from '../../engine/report/simulation-document.js';
import type { SimulationReport } from '../../engine/simulate/report.js';
import { renderHtml } from './html-render.js';

// A stress test report as a file: what `firedrill simulate --format` writes and what the app's
// Stress test saves as HTML (export.simulation), from this one function so the two never differ.

export const SIMULATION_FORMATS = ['json', 'md', 'html'] as const;
export type SimulationFormat = (typeof SIMULATION_FORMATS)[number];

/** The report as JSON, Markdown or self-contained HTML (charts inline as SVG, nothing fetched). */
export function simulationReportText(report: SimulationReport, format: SimulationFormat, paper: PaperSize = 'a4'): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  const document = simulationDocument(report);
  return format === 'md' ? documentToMarkdown(document) : renderHtml(document, paper);
}
