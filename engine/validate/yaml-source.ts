import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node, type YAMLError } from 'yaml';
import type { FieldPath, LocatedError } from './located-error.js';
import { formatPath, oneLine, quote } from './located-error.js';
import { tooDeep } from './yaml-nesting.js';

/** A parsed YAML file that can say where any field path sits in the text. */
export interface YamlSource {
  file: string;
  document: Document.Parsed;
  value: unknown;
  /**
   * Line and column (1-based) of the field at this path (its value; its key with atKey), or of
   * its nearest present parent when the field is absent.
   */
  locate(path: FieldPath, options?: { atKey?: boolean }): { line: number; column: number };
  /** An error located at a field path. */
  error(path: FieldPath, message: string, options?: { atKey?: boolean }): LocatedError;
}

export type ParsedSource = { ok: true; source: YamlSource } | { ok: false; errors: LocatedError[] };

/** The largest document accepted: far above any real scenario, small enough to parse at once. */
export const MAX_SOURCE_CHARS = 2_000_000;

/** The deepest nesting accepted: real documents stay under 15 levels; deeper is a mistake or an attack. */
export const MAX_NESTING = 64;
/** Copies aliases may make of anchored nodes (yaml's maxAliasCount): a plan repeats a block a few times, a bomb billions. */
export const MAX_ALIAS_COUNT = 100;
/** Aliases a file may hold in all: yaml resolves each by a scan of the anchors and aliases before it, so their number squares. */
export const MAX_ALIASES = 1_000;

/**
 * The nesting the parser is given at all: twice MAX_NESTING, since the estimate before parsing
 * may count a level more here and there; the document's exact depth is then checked at MAX_NESTING.
 */
const PARSER_NESTING = 2 * MAX_NESTING;

/** Parses YAML keeping positions; syntax errors come back located, never thrown. */
export function parseYamlSource(file: string, text: string): ParsedSource {
  const at = (line: number, column: number, message: string): LocatedError => ({ file, line, column, path: '', message: oneLine(message) });
  if (text.length > MAX_SOURCE_CHARS) {
    return { ok: false, errors: [at(1, 1, `the file is ${(text.length / 1e6).toFixed(1)} MB; a plan, scenario or script is at most ${MAX_SOURCE_CHARS / 1e6} MB`)] };
  }
  if (text.includes('\u0000')) return { ok: false, errors: [at(1, 1, 'this is a binary file, not YAML text')] };
  if (text.trim() === '') return { ok: false, errors: [at(1, 1, 'the file is empty')] };

  // The parser's own LineCounter only knows the lines its lexer reached: after a syntax error it
  // may lack the error's line, and an offset there came out as a column past the end of an earlier
  // line. So the lines are counted from the text itself, once, for every position.
  const lineStarts = startsOfLines(text);
  const position = (offset: number) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= at) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: at - lineStarts[low]! + 1 };
  };
  // YAML breaks lines at LF or CRLF; the parser reads a file saved with CR alone (classic Mac OS)
  // as one line, and reported a confusing syntax error or "no YAML document".
  const loneCr = /\r(?!\n)/.exec(text);
  if (loneCr) {
    const { line, column } = position(loneCr.index);
    return { ok: false, errors: [at(line, column, 'a line ends here in a carriage return (CR) alone: save the file with LF or CRLF line endings')] };
  }
  // Measured before parsing: the parser recurses once per level and overflows the stack deep down.
  const deep = tooDeep(text, PARSER_NESTING, MAX_NESTING);
  if (deep !== undefined) {
    const { line, column } = position(deep);
    return { ok: false, errors: [at(line, column, `the YAML is nested more than ${MAX_NESTING} levels deep here`)] };
  }
  let document: Document.Parsed;
  try {
    document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    // The yaml parser reports problems in document.errors; a throw here is an input it could not handle at all.
    return { ok: false, errors: [at(1, 1, unreadable(error))] };
  }
  if (document.errors.length > 0) {
    // The first syntax error is the one to fix: the ones after it usually follow from it.
    const [first, ...rest] = document.errors as [YAMLError, ...YAMLError[]];
    const { offset, message } = explained(first, document, text);
    const { line, column } = position(offset);
    const more = rest.length > 0 ? ` (${rest.length} more YAML error${rest.length === 1 ? '' : 's'} after it may follow from this one)` : '';
    return { ok: false, errors: [at(line, column, `YAML syntax: ${message}${more}`)] };
  }
  const structural = structureProblem(document);
  if (structural) {
    const { line, column } = position(structural.offset);
    return { ok: false, errors: [at(line, column, structural.message)] };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // An alias bomb ("billion laughs"): the parser stops it after a bounded count; say where it starts.
    const bomb = /alias count/i.test(error instanceof Error ? error.message : '') ? aliasOfAliases(document) : undefined;
    if (bomb) {
      const { line, column } = position(bomb.offset);
      return { ok: false, errors: [at(line, column, `the alias "*${bomb.name}" repeats an anchor that holds aliases itself, which would expand past ${MAX_ALIAS_COUNT} copies: aliases of aliases (a "billion laughs" alias bomb) are refused; write the content out`)] };
    }
    return { ok: false, errors: [at(1, 1, unreadable(error))] };
  }
  if (value === null || value === undefined) return { ok: false, errors: [at(1, 1, 'the file holds no YAML document (only comments or blank lines)')] };

  const locate = (path: FieldPath, options?: { atKey?: boolean }) => {
    let node: unknown = document.contents;
    let offset = rangeStart(node) ?? 0;
    for (const [index, segment] of path.entries()) {
      const last = index === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        // Point at the key of a field ("field:"), the place a person reads as the field;
        // at the last segment, at its value (the thing that is wrong), unless asked for the key.
        offset = rangeStart(pair.key) ?? offset;
        node = pair.value;
        const valueStart = rangeStart(node);
        if (last && !options?.atKey && valueStart !== undefined && !isEmptyScalar(node)) offset = valueStart;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) break;
        node = item;
        offset = rangeStart(node) ?? offset;
      } else {
        break;
      }
    }
    return position(offset);
  };
  const source: YamlSource = {
    file,
    document,
    value,
    locate,
    error: (path, message, options) => ({ file, ...locate(path, options), path: formatPath(path), message: oneLine(message) }),
  };
  return { ok: true, source };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null)?.range;
  return range ? range[0] : undefined;
}

/** "key:" with nothing after it: its value has no text of its own, so point at the key. */
function isEmptyScalar(node: unknown): boolean {
  const range = isScalar(node) ? node.range : undefined;
  return isScalar(node) && node.value === null && !!range && range[0] === range[1];
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/** The first alias (in the file's order) whose anchored node holds aliases itself: where expansion multiplies. */
function aliasOfAliases(document: Document.Parsed): { name: string; offset: number } | undefined {
  let found: { name: string; offset: number } | undefined;
  visit(document, {
    Alias(_key, alias) {
      const target = alias.resolve(document);
      let nested = false;
      if (target && isCollection(target)) visit(target, { Alias: () => { nested = true; return visit.BREAK; } });
      if (!nested) return undefined;
      found = { name: alias.source, offset: alias.range?.[0] ?? 0 };
      return visit.BREAK;
    },
  });
  return found;
}

function unreadable(error: unknown): string {
  const message = firstLine(error instanceof Error ? error.message : String(error));
  if (/call stack|too much recursion/i.test(message)) return `the YAML is nested too deeply to read (at most ${MAX_NESTING} levels)`;
  return `not readable as YAML: ${message}`;
}

/** explainSyntaxError, or the parser's own words if explaining fails (a document too deep to walk). */
function explained(error: YAMLError, document: Document.Parsed, text: string): { offset: number; message: string } {
  try {
    return explainSyntaxError(error, document, text);
  } catch {
    return { offset: error.pos[0], message: firstLine(error.message) };
  }
}

/** A plainer message, and a better place, for the syntax errors people make most. */
function explainSyntaxError(error: YAMLError, document: Document.Parsed, text: string): { offset: number; message: string } {
  let offset = error.pos[0];
  const raw = firstLine(error.message);
  // Errors reported at the start of an indented line are about what the line holds.
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^[ ]*/.exec(text.slice(lineStart))![0].length;
  if (error.code !== 'TAB_AS_INDENT' && offset >= lineStart && offset < lineStart + indent && text[lineStart + indent] !== '\n') offset = lineStart + indent;

  switch (error.code) {
    case 'TAB_AS_INDENT':
      return { offset, message: 'a tab is used for indentation; indent with spaces only' };
    case 'DUPLICATE_KEY': {
      const written = /^("[^"\n]*"|'[^'\n]*'|[^:#\n]*?)[ \t]*:/.exec(text.slice(offset, offset + 200))?.[1]?.trim();
      const key = written && /^["']/.test(written) ? written.slice(1, -1) : written;
      return { offset, message: key ? `the key ${quote(key)} appears twice in the same mapping` : 'a key appears twice in the same mapping' };
    }
    case 'MULTIPLE_DOCS':
      return { offset, message: 'a file holds one document: remove the second "---" and what follows it, or move it to its own file' };
    case 'MISSING_CHAR': {
      const mark = /closing (["'])quote/.exec(raw)?.[1];
      if (mark) {
        const opened = innermost(document, (node) => isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && endsAt(node, offset, error.pos[0]));
        return { offset: opened ?? offset, message: `this quoted text is never closed: add the closing ${mark}` };
      }
      if (/without - indicator/.test(raw)) return { offset, message: `${raw}: check the indentation of this line` };
      return { offset, message: raw };
    }
    case 'BAD_INDENT': {
      const flow = /^Flow (map|sequence)/.exec(raw)?.[1];
      if (flow) {
        const close = flow === 'map' ? '}' : ']';
        const opened = innermost(
          document,
          (node) => isCollection(node) && node.flow === true && (flow === 'map' ? isMap(node) : isSeq(node)) && endsAt(node, offset, error.pos[0]) && text[node.range![1] - 1] !== close,
        );
        if (opened !== undefined) return { offset: opened, message: `the "${flow === 'map' ? '{' : '['}" opened here is never closed with "${close}"` };
      }
      return { offset, message: `${raw}: check the indentation` };
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
      return { offset, message: `${raw}: a value cannot hold "key: value" on the same line; quote the value, or put the mapping on its own indented lines` };
    case 'MULTILINE_IMPLICIT_KEY':
      return { offset, message: `${raw}: check the indentation, and the colon after each key` };
    case 'BAD_DQ_ESCAPE':
      return { offset, message: `${raw}: inside "double quotes" a backslash starts an escape; write \\\\ for a backslash, or use 'single quotes'` };
    case 'UNEXPECTED_TOKEN':
      return { offset, message: `${raw}: check for text after a closing quote or bracket, or a missing colon` };
    default:
      return { offset, message: raw };
  }
}

function endsAt(node: Node, ...offsets: number[]): boolean {
  const range = node.range;
  return range !== undefined && range !== null && offsets.some((o) => range[1] === o || range[2] === o);
}

/** The start of the innermost node that passes the test, if any. */
function innermost(document: Document.Parsed, test: (node: Node) => boolean): number | undefined {
  let found: number | undefined;
  visit(document, (_key, node) => {
    const start = (node as Node | null)?.range?.[0];
    if (start !== undefined && test(node as Node) && (found === undefined || start > found)) found = start;
  });
  return found;
}

/**
 * Aliases that name no anchor, an anchor repeated by more aliases than MAX_ALIAS_COUNT (or a file
 * of more than MAX_ALIASES), and nesting too deep to check safely: found in one pass in the
 * file's order, without recursion. yaml's own alias.resolve walks the whole document for each
 * alias: called per alias, 50,000 aliases of one small anchor took minutes.
 */
function structureProblem(document: Document.Parsed): { offset: number; message: string } | undefined {
  /** The aliases of each anchor defined so far (a redefined anchor starts again, as yaml resolves the last one). */
  const aliasesOf = new Map<string, number>();
  let aliases = 0;
  const stack: { node: unknown; depth: number }[] = [{ node: document.contents, depth: 1 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (isAlias(node)) {
      const offset = node.range?.[0] ?? 0;
      const count = aliasesOf.get(node.source);
      if (count === undefined) return { offset, message: `the alias "*${node.source}" names no anchor "&${node.source}" defined before it` };
      // yaml counts the anchored node as one of its MAX_ALIAS_COUNT copies.
      if (count >= MAX_ALIAS_COUNT - 1) return { offset, message: `the anchor "&${node.source}" is repeated by more than ${MAX_ALIAS_COUNT - 1} aliases ("*${node.source}"): write the content out where it is needed more often` };
      if (++aliases > MAX_ALIASES) return { offset, message: `the file has more than ${MAX_ALIASES} aliases (*name): write the content out` };
      aliasesOf.set(node.source, count + 1);
      continue;
    }
    const anchor = (node as Node | null)?.anchor;
    if (anchor) aliasesOf.set(anchor, 0);
    if (!isCollection(node)) continue;
    if (depth > MAX_NESTING) return { offset: node.range?.[0] ?? 0, message: `the YAML is nested more than ${MAX_NESTING} levels deep here` };
    // Pushed last first, so that the items come off the stack in the file's order (an anchor before its aliases).
    for (let index = node.items.length - 1; index >= 0; index--) {
      const item = node.items[index];
      if (isPair(item)) {
        stack.push({ node: item.value, depth: depth + 1 });
        stack.push({ node: item.key, depth: depth + 1 });
      } else {
        stack.push({ node: item, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

/** The offset at which each line of the text starts ("\n" ends a line, as the YAML parser counts). */
function startsOfLines(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}
