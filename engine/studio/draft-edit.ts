import { isCollection, isMap, isScalar, isSeq, parseDocument, Scalar, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { FieldPath } from '../validate/located-error.js';

// The studio's forms edit a draft's YAML through the `yaml` Document API, never by writing a
// plain object out again: the comments, the order of the fields and the quoting an author chose
// stay where they were. A change to one value on one line (a title, a duration, an id) is spliced
// into the text at that value, so the rest of the file is byte for byte as it was; any other
// change (a list item added, a block of text) goes through the Document and its printer.

export type DraftEdit =
  /** Sets a field (creating the mappings on its path); undefined removes it. */
  | { op: 'set'; path: FieldPath; value: unknown }
  /** Removes a field, or an item of a list. */
  | { op: 'delete'; path: FieldPath }
  /** Inserts an item into the list at `path` (created when absent), at `index` or at its end. */
  | { op: 'insert'; path: FieldPath; value: unknown; index?: number }
  /** Moves an item of the list at `path`. */
  | { op: 'move'; path: FieldPath; from: number; to: number };

/** How a draft is printed when it has to be printed whole: the bundled files' width, lists without padding. */
export const DRAFT_PRINT = { lineWidth: 100, flowCollectionPadding: false } as const;

const parse = (text: string) => parseDocument(text, { keepSourceTokens: false, uniqueKeys: false });

/**
 * The last texts read, kept read-only: a form edit reads the draft it is given, and the text it
 * made is what the next edit is given, so each keystroke parses the (large) draft once.
 */
const recent: { text: string; document: Document.Parsed }[] = [];
function parseOnce(text: string): Document.Parsed {
  const known = recent.find((entry) => entry.text === text);
  if (known) return known.document;
  const document = parse(text);
  recent.unshift({ text, document });
  recent.length = Math.min(recent.length, 2);
  return document;
}

/** A list of short words or ids on one line (`to: [a, b]`), as the bundled files write them. */
function shortList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string' && /^[^\s,[\]{}#]+$/.test(item)) && value.join(', ').length <= 80;
}

/** Short id lists of a whole new document on one line, as the bundled files write them. */
export function flowShortLists(document: Document): void {
  const visit = (node: unknown) => {
    if (isSeq(node)) {
      if (shortList(node.toJSON())) node.flow = true;
      else node.items.forEach(visit);
    } else if (isMap(node)) for (const pair of node.items) visit(pair.value);
  };
  visit(document.contents);
}

function createNode(document: Document, value: unknown): Node {
  const node = document.createNode(value, { aliasDuplicateObjects: false }) as Node;
  // Short id lists on one line, inside the new value too.
  const visit = (inner: unknown, raw: unknown) => {
    if (isSeq(inner)) {
      if (shortList(raw)) inner.flow = true;
      else inner.items.forEach((item, index) => visit(item, (raw as unknown[])[index]));
    } else if (isMap(inner) && typeof raw === 'object' && raw !== null) {
      for (const pair of inner.items) visit(pair.value, (raw as Record<string, unknown>)[String((pair.key as Scalar).value)]);
    }
  };
  visit(node, value);
  return node;
}

function listAt(document: Document, path: FieldPath): YAMLSeq | undefined {
  const node = path.length === 0 ? document.contents : document.getIn(path, true);
  return isSeq(node) ? node : undefined;
}

/** Applies one edit to a Document. */
export function applyToDocument(document: Document, edit: DraftEdit): void {
  switch (edit.op) {
    case 'set': {
      if (edit.value === undefined) {
        if (document.hasIn(edit.path)) document.deleteIn(edit.path);
        return;
      }
      const old = document.getIn(edit.path, true);
      if (isScalar(old) && (edit.value === null || typeof edit.value !== 'object')) {
        old.value = edit.value;
        return;
      }
      const node = createNode(document, edit.value);
      if (isSeq(old) && isSeq(node) && shortList(edit.value)) node.flow = old.flow || node.flow;
      if (isCollection(old) && isCollection(node)) node.commentBefore = old.commentBefore;
      document.setIn(edit.path, node);
      return;
    }
    case 'delete':
      if (document.hasIn(edit.path)) document.deleteIn(edit.path);
      return;
    case 'insert': {
      const list = listAt(document, edit.path);
      const node = createNode(document, edit.value);
      if (!list) {
        const created = createNode(document, []) as YAMLSeq;
        created.flow = false;
        created.items.push(node);
        document.setIn(edit.path, created);
        return;
      }
      const index = edit.index === undefined ? list.items.length : Math.max(0, Math.min(edit.index, list.items.length));
      // A list written on one line stays on one line only while it holds words.
      if (list.flow && typeof edit.value === 'object' && edit.value !== null) list.flow = false;
      list.items.splice(index, 0, node);
      return;
    }
    case 'move': {
      const list = listAt(document, edit.path);
      if (!list || edit.from < 0 || edit.from >= list.items.length) return;
      const [item] = list.items.splice(edit.from, 1);
      list.items.splice(Math.max(0, Math.min(edit.to, list.items.length)), 0, item);
      return;
    }
  }
}

/** How a scalar may be written in place of another on one line, most like the old one first. */
function inlineCandidates(old: Scalar, value: unknown): string[] {
  if (typeof value === 'number' && Number.isFinite(value)) return [String(value)];
  if (typeof value === 'boolean') return [String(value)];
  if (typeof value !== 'string' || /[\n\r\t]/.test(value) || value.length > 300) return [];
  const double = JSON.stringify(value);
  if (old.type === Scalar.QUOTE_DOUBLE) return [double];
  if (old.type === Scalar.QUOTE_SINGLE) return [`'${value.replace(/'/g, "''")}'`, double];
  if (old.type !== Scalar.PLAIN) return [];
  // Plain when YAML reads it back as the same string (the check after the splice decides), else quoted.
  return value === value.trim() && value !== '' ? [value, double] : [double];
}

/** The parent collection of the node at `path`: whether it is written on one line. */
function inFlowCollection(document: Document, path: FieldPath): boolean {
  const parent = path.length <= 1 ? document.contents : document.getIn(path.slice(0, -1), true);
  return isCollection(parent) && (parent as YAMLMap | YAMLSeq).flow === true;
}

/**
 * The text after an edit: spliced at the one value changed when it can be, else the edited
 * Document printed whole. Either way the result is checked: the spliced text must read back
 * with the new value, or the whole Document is printed instead.
 */
export function editDraftText(text: string, edit: DraftEdit): string {
  const read = parseOnce(text);
  if (read.errors.length > 0) throw new Error(`the YAML does not parse: ${read.errors[0]!.message.split('\n')[0]}`);
  if (edit.op === 'set' && edit.value !== undefined) {
    const old = read.getIn(edit.path, true);
    if (isScalar(old) && old.range) {
      const flow = inFlowCollection(read, edit.path);
      for (const replacement of inlineCandidates(old, edit.value)) {
        if (flow && /[,[\]{}]/.test(replacement) && !replacement.startsWith('"')) continue;
        const spliced = text.slice(0, old.range[0]) + replacement + text.slice(old.range[1]);
        const check = parseOnce(spliced);
        if (check.errors.length === 0 && check.getIn(edit.path) === edit.value) return spliced;
      }
    }
  }
  // The Document read is shared: the edit is made on a copy of it.
  const document = read.clone();
  applyToDocument(document, edit);
  return document.toString(DRAFT_PRINT);
}

/** The edits in order. */
export function editDraft(text: string, edits: readonly DraftEdit[]): string {
  return edits.reduce((current, edit) => editDraftText(current, edit), text);
}

/** The draft as data (durations as written), or undefined when its YAML does not parse. */
export function draftValue(text: string): unknown {
  const document = parseOnce(text);
  return document.errors.length > 0 ? undefined : document.toJS({ maxAliasCount: 100 });
}
