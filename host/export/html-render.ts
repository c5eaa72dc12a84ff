import { cellBold, cellText, cellTone, type Block, type Cell, type ReportDocument } from '../../engine/report/document.js';
import type { HeadlineFigure } from '../../engine/report/figures.js';
import { renderChartSvg } from './chart-svg.js';
import type { PaperSize } from './pdfkit.js';

// A report as one self-contained HTML file: styles inline, charts as inline SVG, no script and
// no external reference (a Content-Security-Policy forbids any), and a print stylesheet so the
// browser's "Print to PDF" gives a clean handout too.

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const CHART_WIDTH = 960;

const STYLE = (paper: PaperSize) => `
:root { --ink: #1f2933; --muted: #616e7c; --rule: #d9dee3; --accent: #b42318; --zebra: #f7f9fa; --head: #eef1f4;
  --good: #1e7b4f; --warn: #a35200; --bad: #b42318; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); font: 14px/1.45 Helvetica, Arial, sans-serif; background: #fff; overflow-wrap: anywhere; }
main, header.report, footer.report { max-width: 1080px; margin: 0 auto; padding: 0 28px; }
header.report { border-top: 6px solid var(--accent); padding-top: 20px; }
.kind { color: var(--accent); font-weight: bold; font-size: 12px; letter-spacing: .08em; text-transform: uppercase; margin: 0; }
h1 { font-size: 28px; margin: 4px 0 6px; }
.subtitle { color: var(--muted); font-size: 13px; margin: 0 0 14px; padding-bottom: 12px; border-bottom: 1px solid var(--rule); }
h2 { font-size: 19px; margin: 28px 0 8px; }
h2.level-1 { color: var(--accent); font-size: 22px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
p.lead { font-size: 16px; }
p.note, .definition, figcaption { color: var(--muted); font-size: 12px; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px; margin: 16px 0; }
.figure { border: 1px solid var(--rule); border-left: 4px solid var(--muted); border-radius: 6px; padding: 10px 12px; }
.figure.overall { border-left-color: var(--accent); }
.figure.met { border-left-color: var(--good); } .figure.missed { border-left-color: var(--bad); }
.figure .title { font-size: 11px; font-weight: bold; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
.figure .value { font-size: 28px; font-weight: bold; }
.figure.met .value { color: var(--good); } .figure.missed .value { color: var(--bad); }
.figure .target { font-size: 12px; color: var(--muted); }
.figure .definition { margin-top: 6px; font-size: 11px; }
figure.chart { margin: 12px 0 18px; }
figure.chart svg { display: block; width: 100%; height: auto; }
table { width: 100%; border-collapse: collapse; font-size: 12.5px; margin: 6px 0 14px; }
th { text-align: left; background: var(--head); border-bottom: 1.5px solid var(--muted); padding: 5px 6px; }
td { border-bottom: 1px solid var(--rule); padding: 4px 6px; vertical-align: top; }
tbody tr:nth-child(even) td { background: var(--zebra); }
.right { text-align: right; } .center { text-align: center; }
.tone-good { color: var(--good); } .tone-warn { color: var(--warn); } .tone-bad { color: var(--bad); } .tone-muted { color: var(--muted); }
.bold { font-weight: bold; }
dl.facts { display: grid; grid-template-columns: minmax(140px, 22%) 1fr; gap: 4px 14px; margin: 8px 0 14px; }
dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; white-space: pre-line; }
p.facts-title { font-weight: bold; margin: 14px 0 4px; }
ul.bullets { padding-left: 20px; }
footer.report { color: var(--muted); font-size: 11px; border-top: 1px solid var(--rule); margin-top: 32px; padding-top: 8px; padding-bottom: 24px; }
.page-break { break-after: page; }
@media print {
  @page { size: ${paper === 'letter' ? 'letter' : 'A4'}; margin: 14mm 12mm; }
  body { font-size: 9.5pt; }
  main, header.report, footer.report { max-width: none; padding: 0; }
  h2 { break-after: avoid; } h3 { break-after: avoid; }
  table { font-size: 8pt; } thead { display: table-header-group; } tr, .figure, figure.chart { break-inside: avoid; }
  .figures { grid-template-columns: repeat(4, 1fr); }
  .figure .value { font-size: 18pt; }
}
`;

const cellHtml = (cell: Cell, tag: 'td' | 'li', align?: string): string => {
  const classes = [cellTone(cell) ? `tone-${cellTone(cell)}` : '', cellBold(cell) ? 'bold' : '', align && align !== 'left' ? align : ''].filter(Boolean);
  return `<${tag}${classes.length ? ` class="${classes.join(' ')}"` : ''}>${escapeHtml(cellText(cell))}</${tag}>`;
};

function figureHtml(figure: HeadlineFigure): string {
  const state = figure.id === 'overall' ? 'overall' : figure.met ? 'met' : 'missed';
  const target = figure.target === null ? '' : `<div class="target">target ${escapeHtml(figure.target)} · ${figure.met === null ? 'not reached' : figure.met ? 'met' : 'missed'}</div>`;
  return `<div class="figure ${state}"><div class="title">${escapeHtml(figure.title)}</div><div class="value">${escapeHtml(figure.value)}</div>${target}<div class="definition">${escapeHtml(figure.definition)}</div></div>`;
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'heading': {
      const tag = block.level === 3 ? 'h3' : 'h2';
      return `<${tag}${block.level === 1 ? ' class="level-1"' : ''}>${escapeHtml(block.text)}</${tag}>`;
    }
    case 'paragraph':
      return `<p${block.style ? ` class="${block.style}"` : ''}>${escapeHtml(block.text)}</p>`;
    case 'facts':
      return `${block.title ? `<p class="facts-title">${escapeHtml(block.title)}</p>` : ''}<dl class="facts">${block.items.map((i) => `<dt>${escapeHtml(i.label)}</dt><dd>${escapeHtml(i.value)}</dd>`).join('')}</dl>`;
    case 'figures':
      return `<section class="figures">${block.figures.map(figureHtml).join('')}</section>`;
    case 'table': {
      const definition = block.definition ? `<p class="definition">${escapeHtml(block.definition)}</p>` : '';
      if (block.rows.length === 0) return `${definition}<p class="note">${escapeHtml(block.empty ?? 'None.')}</p>`;
      const total = block.columns.reduce((s, c) => s + c.width, 0);
      const cols = block.columns.map((c) => `<col style="width:${((100 * c.width) / total).toFixed(1)}%">`).join('');
      const head = block.columns.map((c) => `<th${c.align && c.align !== 'left' ? ` class="${c.align}"` : ''}>${escapeHtml(c.header)}</th>`).join('');
      const body = block.rows.map((row) => `<tr>${row.map((cell, i) => cellHtml(cell, 'td', block.columns[i]?.align)).join('')}</tr>`).join('\n');
      return `${definition}<table><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
    }
    case 'bullets':
      return `<ul class="bullets">${block.items.map((item) => cellHtml(item, 'li')).join('')}</ul>`;
    case 'chart': {
      const svg = renderChartSvg(block.option, { width: CHART_WIDTH, height: Math.round(CHART_WIDTH * block.aspect) });
      return `<figure class="chart" role="img" aria-label="${escapeHtml(block.caption)}">${svg}<figcaption>${escapeHtml(block.caption)}</figcaption></figure>`;
    }
    case 'page-break':
      return '<div class="page-break"></div>';
  }
}

export function renderHtml(report: ReportDocument, paper: PaperSize = 'a4'): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="Firedrill">
<title>${escapeHtml(`${report.kind}: ${report.title}`)}</title>
<style>${STYLE(paper)}</style>
</head>
<body>
<header class="report">
<p class="kind">${escapeHtml(report.kind)}</p>
<h1>${escapeHtml(report.title)}</h1>
<p class="subtitle">${escapeHtml(report.subtitle)}</p>
</header>
<main>
${report.blocks.map(blockHtml).join('\n')}
</main>
<footer class="report">${escapeHtml(report.footer)}</footer>
</body>
</html>
`;
}
