import { cellText, type Block, type ReportDocument } from './document.js';

// A report document as Markdown (GitHub-flavoured tables), for a wiki or a ticket. Charts are
// left out: their figures are in the tables beside them.

const inline = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, '<br>');

function blockMarkdown(block: Block): string[] {
  switch (block.type) {
    case 'heading':
      return [`${'#'.repeat(block.level + 1)} ${block.text}`, ''];
    case 'paragraph':
      return [block.style === 'note' ? `_${block.text}_` : block.text, ''];
    case 'facts':
      return [...(block.title ? [`**${block.title}**`, ''] : []), ...block.items.map((i) => `- **${i.label}:** ${i.value.replace(/\n/g, '; ')}`), ''];
    case 'figures':
      return [
        '| Figure | Value | Target | Definition |',
        '|---|---|---|---|',
        ...block.figures.map((f) => `| ${inline(f.title)} | ${inline(f.value)} | ${f.target === null ? '—' : `${inline(f.target)} (${f.met === null ? 'not reached' : f.met ? 'met' : 'missed'})`} | ${inline(f.definition)} |`),
        '',
      ];
    case 'table': {
      const lines = block.definition ? [`_${block.definition}_`, ''] : [];
      if (block.rows.length === 0) return [...lines, block.empty ?? 'None.', ''];
      return [
        ...lines,
        `| ${block.columns.map((c) => inline(c.header)).join(' | ')} |`,
        `|${block.columns.map((c) => (c.align === 'right' ? '---:' : '---')).join('|')}|`,
        ...block.rows.map((row) => `| ${row.map((cell) => inline(cellText(cell))).join(' | ')} |`),
        '',
      ];
    }
    case 'bullets':
      return [...block.items.map((item) => `- ${cellText(item).replace(/\n/g, ' ')}`), ''];
    case 'chart':
    case 'page-break':
      return [];
  }
}

export function documentToMarkdown(report: ReportDocument): string {
  return [`# ${report.kind}: ${report.title}`, '', `_${report.subtitle}_`, '', ...report.blocks.flatMap(blockMarkdown), `---`, '', `_${report.footer}_`, ''].join('\n');
}
