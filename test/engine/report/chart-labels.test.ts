import { describe, expect, it } from 'vitest';
import { tornadoChartOption, categoryLabel, CATEGORY_LABEL_LINE } from '../../../engine/report/simulation-charts.js';
import { simulationDocument } from '../../../engine/report/simulation-document.js';
import type { SimulationReport } from '../../../engine/simulate/report.js';
import { simulateHere } from '../../../engine/simulate/simulate.js';
import { renderHtml } from '../../../host/export/html-render.js';
import { bundledWorld } from '../../helpers/simulation.js';

// The tornado's input names can be long (a wrong role on a playbook step with its deadline): cut
// at 320 px, two of them read the same. They wrap on up to three lines, in the app and the HTML export
// alike (one ECharts option), and a name longer than that is shortened with its full text on hover
// and in the table beside the chart.

const LONG = 'Done by the wrong role: Notify the Hong Kong Monetary Authority of a significant incident (due 6 h after detection)';
const LONGER = `Started late: ${'Restore the settlement ledger from the immutable off-site backup vault '.repeat(3)}(due 7 h after containment)`;

function reportWith(titles: string[]): SimulationReport {
  const report = simulateHere({ ...bundledWorld('public-test-bucket'), runs: 40, seed: 1 });
  const inputs = titles.map((title, i) => ({ id: `duration:x${i}`, title, low: 100 + i, high: 200 + 10 * i, swing: 100 + 9 * i, margin: 5, lowRuns: 4, highRuns: 4 }));
  return { ...report, sensitivity: { ...report.sensitivity, inputs } };
}

const textOf = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

describe('a tornado label', () => {
  it('wraps a long name at words on a few lines, each within its width, keeping every word', () => {
    const label = categoryLabel(LONG);
    const lines = label.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(CATEGORY_LABEL_LINE);
    expect(lines.join(' ')).toBe(LONG);
  });

  it('shortens a name longer than three lines with an ellipsis, at a word', () => {
    const lines = categoryLabel(LONGER).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/\w…$/);
    expect(LONGER.startsWith(lines.join(' ').slice(0, -1))).toBe(true);
    expect(categoryLabel('Duration: Isolate the instance')).toBe('Duration: Isolate the instance');
  });
});

describe('the tornado of the HTML export', () => {
  it('writes a long input name whole, wrapped, and every name in the table beside it', () => {
    const report = reportWith([LONG, LONGER, 'Duration: Isolate the instance']);
    const html = renderHtml(simulationDocument(report));
    const tornado = html.slice(html.indexOf('What moves the time to recover most'));
    const texts = textOf(tornado.slice(0, tornado.indexOf('</svg>')));
    for (const line of categoryLabel(LONG).split('\n')) expect(texts).toContain(line);
    // Nothing cut at a fixed width: no label ends in "..." but the one shortened at a word.
    expect(texts.filter((t) => t.endsWith('...'))).toEqual([]);
    expect(tornado).toContain(`<td>${LONGER}</td>`.replace(/&/g, '&amp;'));
  });
});

describe('the chart of missed deadlines in the HTML export', () => {
  it('wraps a long deadline on two lines rather than cutting it at 320 px', () => {
    const report = reportWith([]);
    const long = 'Protect the backups from deletion and encryption (due 30 min after the severity deadline, 45 min after detection)';
    const breaches = report.breaches.map((b, i) => (i === 0 ? { ...b, title: long, probability: 0.25 } : b));
    const html = renderHtml(simulationDocument({ ...report, breaches }));
    const chart = html.slice(html.indexOf('Chance of missing each deadline'));
    const texts = textOf(chart.slice(0, chart.indexOf('</svg>')));
    const lines = categoryLabel(long, CATEGORY_LABEL_LINE, 2).split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(texts).toContain(line);
    expect(texts.filter((t) => t.endsWith('...'))).toEqual([]);
  });
});

describe('the tornado in the app', () => {
  const option = tornadoChartOption(reportWith([LONG, '<b>Late</b> & "quoted"']));
  const yAxis = option.yAxis as { data: string[]; axisLabel: { formatter: (name: string) => string; overflow?: string }; tooltip: { show: boolean; formatter: (p: { value: string }) => string } };

  it('shows the full name when its label is hovered, as text', () => {
    expect(yAxis.tooltip.show).toBe(true);
    expect(yAxis.tooltip.formatter({ value: LONG })).toBe(LONG);
    expect(yAxis.tooltip.formatter({ value: '<b>Late</b> & "quoted"' })).toBe('&#60;b&#62;Late&#60;/b&#62; &#38; &#34;quoted&#34;');
  });

  it('shows the full name and its two means when its row is hovered', () => {
    const tooltip = option.tooltip as { formatter: (params: { dataIndex: number }[]) => string };
    // The widest is drawn at the top, the last category.
    const index = yAxis.data.indexOf(LONG);
    expect(tooltip.formatter([{ dataIndex: index }])).toBe(`${LONG}<br>mean time to recover: 1 h 40 min when low, 3 h 20 min when high`);
  });
});
