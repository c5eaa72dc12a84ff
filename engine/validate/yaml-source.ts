import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { FieldPath, LocatedError } from './located-error.js';
import { formatPath } from './located-error.js';

/** A parsed YAML file that can say where any field path sits in the text. */
export interface YamlSource {
  file: string;
  document: Document.Parsed;
  value: unknown;
  /** Line and column (1-based) of the field at this path, or of its nearest present parent. */
  locate(path: FieldPath): { line: number; column: number };
  /** An error located at a field path. */
  error(path: FieldPath, message: string): LocatedError;
}

export type ParsedSource = { ok: true; source: YamlSource } | { ok: false; errors: LocatedError[] };

/** The largest document accepted: far above any real scenario, small enough to parse at once. */
export const MAX_SOURCE_CHARS = 2_000_000;

/** Parses YAML keeping positions; syntax errors come back located, never thrown. */
export function parseYamlSource(file: string, text: string): ParsedSource {
  const at = (line: number, column: number, message: string): LocatedError => ({ file, line, column, path: '', message });
  if (text.length > MAX_SOURCE_CHARS) {
    return { ok: false, errors: [at(1, 1, `the file is ${(text.length / 1e6).toFixed(1)} MB; a plan, scenario or script is at most ${MAX_SOURCE_CHARS / 1e6} MB`)] };
  }
  if (text.includes('\u0000')) return { ok: false, errors: [at(1, 1, 'this is a binary file, not YAML text')] };
  if (text.trim() === '') return { ok: false, errors: [at(1, 1, 'the file is empty')] };

  const lineCounter = new LineCounter();
  let document: Document.Parsed;
  try {
    document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    // The yaml parser reports problems in document.errors; a throw here is an input it could not handle at all.
    return { ok: false, errors: [at(1, 1, `not readable as YAML: ${(error as Error).message}`)] };
  }
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line, column: col };
  };
  if (document.errors.length > 0) {
    return {
      ok: false,
      errors: document.errors.map((e) => {
        const { line, column } = position(e.pos[0]);
        return at(line, column, `YAML syntax: ${firstLine(e.message)}`);
      }),
    };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, errors: [at(1, 1, `not readable as YAML: ${firstLine((error as Error).message)}`)] };
  }
  if (value === null || value === undefined) return { ok: false, errors: [at(1, 1, 'the file holds no YAML document (only comments or blank lines)')] };

  const locate = (path: FieldPath) => {
    let node: unknown = document.contents;
    let offset = rangeStart(node) ?? 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        // Point at the key of a field ("field:"), the place a person reads as the field.
        offset = rangeStart(pair.key) ?? offset;
        node = pair.value;
        const valueStart = rangeStart(node);
        if (valueStart !== undefined && segment === path[path.length - 1]) offset = valueStart;
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
    error: (path, message) => ({ file, ...locate(path), path: formatPath(path), message }),
  };
  return { ok: true, source };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null)?.range;
  return range ? range[0] : undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
