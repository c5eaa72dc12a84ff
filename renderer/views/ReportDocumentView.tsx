import { useId, useRef, type ReactNode } from 'react';
import { cellBold, cellText, cellTone, type Block, type Cell, type Column } from '../../engine/report/document.js';
import { ScrollParent, VIRTUALIZE_FROM, VirtualList } from '../ui/VirtualList.js';
import { ReportChart } from './ReportChart.js';

// A report document (engine/report/document.ts) on screen: the blocks the PDF, HTML, Word and
// Markdown writers render, so the on-screen debrief holds what the files hold, in the same order
// and words. Each heading starts a section named by it.

/** A moment of the session ("T+1d 00:15") never breaks across two lines. */
const isTime = (text: string) => /^T[+-]\d/.test(text);

const toneClass = (cell: Cell) => {
  const tone = cellTone(cell);
  return [tone ? `tone-${tone}` : '', cellBold(cell) ? 'bold' : '', isTime(cellText(cell)) ? 'time' : ''].filter(Boolean).join(' ') || undefined;
};

/** A short table as a table; a long one (the timeline) as rows drawn as they scroll into view, still a table to assistive technology. */
function Table({ columns, rows, definition, empty, labelledBy }: { columns: Column[]; rows: Cell[][]; definition?: string; empty?: string; labelledBy?: string }) {
  const describedBy = useId();
  const box = useRef<HTMLDivElement>(null);
  const align = (column: Column) => (column.align === 'right' ? 'num' : undefined);
  const note = definition ? <p id={describedBy} className="definition">{definition}</p> : null;
  if (rows.length === 0) return <>{note}<p className="empty">{empty ?? 'Nothing to show.'}</p></>;
  if (rows.length < VIRTUALIZE_FROM) {
    return (
      <>
        {note}
        <table aria-labelledby={labelledBy} aria-describedby={definition ? describedBy : undefined}>
          <thead><tr>{columns.map((column) => <th key={column.header} scope="col" className={align(column)}>{column.header}</th>)}</tr></thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>{row.map((cell, at) => <td key={at} className={[align(columns[at]!), toneClass(cell)].filter(Boolean).join(' ') || undefined}>{cellText(cell)}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </>
    );
  }
  const template = columns.map((column) => `${column.width}fr`).join(' ');
  const rowCells = (row: Cell[], index: number) => (
    <div role="row" aria-rowindex={index + 2} className="grid-row" style={{ gridTemplateColumns: template }}>
      {row.map((cell, at) => <span key={at} role="cell" className={[align(columns[at]!), toneClass(cell)].filter(Boolean).join(' ') || undefined}>{cellText(cell)}</span>)}
    </div>
  );
  return (
    <>
      {note}
      {/* Its own scrolling box (focusable, so the keyboard scrolls it), with the header row kept in view. */}
      <div className="virtual-box" ref={box} tabIndex={0} role="region" aria-label="Scrolling table">
        <ScrollParent.Provider value={box}>
          <div role="table" className="grid-table" aria-labelledby={labelledBy} aria-rowcount={rows.length + 1} aria-describedby={definition ? describedBy : undefined}>
            <div role="rowgroup" className="grid-head-group">
              <div role="row" aria-rowindex={1} className="grid-row grid-head" style={{ gridTemplateColumns: template }}>
                {columns.map((column) => <span key={column.header} role="columnheader" className={align(column)}>{column.header}</span>)}
              </div>
            </div>
            <div role="rowgroup">
              <VirtualList className="grid-rows" role="presentation" items={rows.map((row, index) => ({ row, index }))} itemKey={(item) => item.index} estimate={34}
                renderItem={(item) => rowCells(item.row, item.index)} />
            </div>
          </div>
        </ScrollParent.Provider>
      </div>
    </>
  );
}

function BlockView({ block, labelledBy }: { block: Block; labelledBy?: string }): ReactNode {
  switch (block.type) {
    case 'heading':
      return null;
    case 'paragraph':
      return <p className={block.style === 'note' ? 'hint' : block.style === 'lead' ? 'lead' : undefined}>{block.text}</p>;
    case 'facts':
      return (
        <dl className="report-facts">
          {block.items.map((item) => <div key={item.label}><dt>{item.label}</dt><dd>{item.value}</dd></div>)}
        </dl>
      );
    case 'figures':
      return (
        <ul className="headline" aria-label="Headline figures">
          {block.figures.map((figure) => (
            <li key={figure.id} className={`figure ${figure.met === false ? 'missed' : figure.met ? 'met' : ''}`} aria-labelledby={`figure-${figure.id}`}>
              <span id={`figure-${figure.id}`} className="figure-title">{figure.title}</span>
              <strong className="figure-value" data-figure={figure.id}>{figure.value}</strong>
              {figure.target && <span className="target">target {figure.target}{figure.met === null ? '' : figure.met ? ' · met' : ' · missed'}</span>}
              <small className="definition">{figure.definition}</small>
            </li>
          ))}
        </ul>
      );
    case 'table':
      return <Table columns={block.columns} rows={block.rows} definition={block.definition} empty={block.empty} labelledBy={labelledBy} />;
    case 'bullets':
      return <ul className="report-bullets">{block.items.map((item, index) => <li key={index} className={toneClass(item)}>{cellText(item)}</li>)}</ul>;
    case 'chart':
      return <figure className="report-figure"><ReportChart option={block.option} label={block.caption} /><figcaption className="hint">{block.caption}</figcaption></figure>;
    case 'page-break':
      return null;
  }
}

/** A run of blocks under one heading (or before the first). */
interface Part {
  heading: Extract<Block, { type: 'heading' }> | null;
  blocks: Block[];
}

function parts(blocks: readonly Block[]): Part[] {
  const result: Part[] = [{ heading: null, blocks: [] }];
  for (const block of blocks) {
    if (block.type === 'heading') result.push({ heading: block, blocks: [] });
    else result.at(-1)!.blocks.push(block);
  }
  return result.filter((part) => part.heading || part.blocks.length > 0);
}

function PartView({ part, idPrefix, index }: { part: Part; idPrefix: string; index: number }) {
  if (!part.heading) return <>{part.blocks.map((block, at) => <BlockView key={at} block={block} />)}</>;
  const id = `${idPrefix}-${index}`;
  // The document's levels start at its own top (1 or 2); on the page they sit under the screen's h1.
  const Heading = part.heading.level === 3 ? 'h3' : 'h2';
  return (
    <section className="report-part" aria-labelledby={id}>
      <Heading id={id}>{part.heading.text}</Heading>
      {part.blocks.map((block, at) => <BlockView key={at} block={block} labelledBy={id} />)}
    </section>
  );
}

/** The blocks of a report document as a page. */
export function ReportDocumentView({ blocks }: { blocks: readonly Block[] }) {
  const idPrefix = useId();
  return <div className="report-document">{parts(blocks).map((part, index) => <PartView key={index} part={part} idPrefix={idPrefix} index={index} />)}</div>;
}
