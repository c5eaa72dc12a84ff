import { Lexer } from 'yaml';

// The yaml parser and composer recurse once per level of nesting: about 800 levels of "[" or of
// indentation overflow the stack ("Maximum call stack size exceeded"), and deep inputs are slow
// to parse even below that (500,000 "- " on one line took 2.6 s). So the nesting is measured
// first, from the lexer's tokens, which it produces without recursion, in one linear pass.

/** yaml's lexer marks: the start of a document, of a scalar's source, of a flow error. */
const CONTROL = new Set(['\u0002', '\u001f', '\u0018']);

/**
 * Whether the text nests deeper than `limit` levels (block collections by their indentation,
 * plus flow collections by their brackets): if so, the offset where it first went deeper than
 * `reportAt` levels. An estimate that may count a level more than the document holds here and there.
 */
export function tooDeep(text: string, limit: number, reportAt: number): number | undefined {
  let firstOver: number | undefined;
  const deeper = (depth: number, start: number) => {
    if (depth > reportAt) firstOver ??= start;
    return depth > limit;
  };
  /** Columns at which the open block collections start, innermost last. */
  const blocks: number[] = [];
  let flow = 0;
  let offset = 0;
  let lineStart = 0;
  let fresh = true; // nothing but spaces yet on this line
  let afterIndicator = false; // the last token was "- " or "? ": a node starts on the same line
  let scalarSource = false; // the token after a scalar mark is the scalar's own text
  let blockScalarNext = false; // the scalar after a "|" or ">" header is that block scalar's text
  for (const token of new Lexer().lex(text)) {
    if (CONTROL.has(token)) {
      scalarSource = token === '\u001f';
      continue;
    }
    const start = offset;
    offset += token.length;
    const isScalar = scalarSource || token[0] === '"' || token[0] === "'";
    scalarSource = false;
    const column = start - lineStart;
    const lastBreak = token.lastIndexOf('\n');
    if (lastBreak >= 0) lineStart = start + lastBreak + 1;
    if (token === '\n' || token === '\r\n') {
      fresh = true;
      afterIndicator = false;
      continue;
    }
    if (!isScalar && (/^[ \t]+$/.test(token) || token[0] === '#')) continue;
    if (isScalar && blockScalarNext) {
      // A block scalar's lines are text, whatever their indentation; it ends with its line.
      blockScalarNext = false;
      fresh = token === '' || token.endsWith('\n');
      continue;
    }
    if (flow === 0 && (fresh || afterIndicator)) {
      // A block node starts here: it closes the blocks at or right of its column.
      while (blocks.length > 0 && blocks[blocks.length - 1]! >= column) blocks.pop();
      blocks.push(column);
      if (deeper(blocks.length, start)) return firstOver;
    }
    fresh = false;
    afterIndicator = !isScalar && (token === '-' || token === '?');
    blockScalarNext = !isScalar && (token[0] === '|' || token[0] === '>');
    if (!isScalar && (token === '[' || token === '{')) {
      flow++;
      if (deeper(blocks.length + flow, start)) return firstOver;
    } else if (!isScalar && (token === ']' || token === '}')) {
      flow = Math.max(0, flow - 1);
    }
  }
  return undefined;
}
