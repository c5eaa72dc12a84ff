import { cellText, type Block, type ReportDocument } from './document.js';

// A report document as Markdown (GitHub-flavoured tables), for a wiki or a ticket. Charts are
// left out: their figures are in the tables beside them.

/**
 * Text from a scenario, a plan or a person (a title, an observation) as Markdown shows it
 * literally. Backslash escapes keep every character visible while no raw HTML (<script>), link
 * ([x](javascript:...)), autolink, image, emphasis or table cell can come out of it. Text that
 * starts a line (a paragraph, a list item) also has a leading heading, list, quote or rule
 * marker escaped.
 */
export function markdownText(text: string, options: { startsLine?: boolean } = {}): string {
  const inline = text.replace(/[\\`*_[\]<>|~]/g, '\\$&');
  if (options.startsLine === false) return inline;
  return inline.replace(/^([ \t]*)([#+=-])/gm, '$1\\$2').replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2');
}

/** Text on one line: line breaks become `joiner`. */
const oneLine = (text: string, joiner: string, startsLine = true) => markdownText(text, { startsLine }).replace(/\r?\n/g, joiner);
/** A table cell: one line, line breaks kept as <br> (Firedrill's own tag, added after escaping). */
const cell = (text: string) => oneLine(text, '<br>', false);

function blockMarkdown(block: Block): string[] {
  switch (block.type) {
    case 'heading':
      return [`${'#'.repeat(block.level + 1)} ${oneLine(block.text, ' ', false)}`, ''];
    case 'paragraph':
      return [block.style === 'note' ? `_${markdownText(block.text)}_` : markdownText(block.text), ''];
    case 'facts':
      return [...(block.title ? [`**${oneLine(block.title, ' ', false)}**`, ''] : []), ...block.items.map((i) => `- **${oneLine(i.label, ' ', false)}:** ${oneLine(i.value, '; ', false)}`), ''];
    case 'figures':
      return [
        '| Figure | Value | Target | Definition |',
        '|---|---|---|---|',
        ...block.figures.map((f) => `| ${cell(f.title)} | ${cell(f.value)} | ${f.target === null ? '—' : `${cell(f.target)} (${f.met === null ? 'not reached' : f.met ? 'met' : 'missed'})`} | ${cell(f.definition)} |`),
        '',
      ];
    case 'table': {
      const lines = block.definition ? [`_${markdownText(block.definition)}_`, ''] : [];
      if (block.rows.length === 0) return [...lines, markdownText(block.empty ?? 'None.'), ''];
      return [
        ...lines,
        `| ${block.columns.map((c) => cell(c.header)).join(' | ')} |`,
        `|${block.columns.map((c) => (c.align === 'right' ? '---:' : '---')).join('|')}|`,
        ...block.rows.map((row) => `| ${row.map((c) => cell(cellText(c))).join(' | ')} |`),
        '',
      ];
    }
    case 'bullets':
      return [...block.items.map((item) => `- ${oneLine(cellText(item), ' ')}`), ''];
    case 'chart':
    case 'page-break':
      return [];
  }
}

export function documentToMarkdown(report: ReportDocument): string {
  return [
    `# ${oneLine(`${report.kind}: ${report.title}`, ' ', false)}`, '', `_${oneLine(report.subtitle, ' ', false)}_`, '',
    ...report.blocks.flatMap(blockMarkdown), `---`, '', `_${oneLine(report.footer, ' ', false)}_`, '',
  ].join('\n');
}
