import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadLibrary, type Library, type LocatedError } from '../../../engine/validate/index.js';
import { loadBundledLibrary } from '../../../host/library/load.js';
import { MINI, readText } from './helpers.js';

// Whatever a person (or a bad disk, or a fuzzer) makes of a valid document, the validator must
// answer: never throw, never hang, and locate every error inside the file it read.

interface Base {
  file: string;
  text: string;
  /** The document as data, parsed once; mutations work on a copy. */
  data: unknown;
  /** What it refers to (its plan, its scenario), so only the mutated file is parsed per case. */
  references: Library;
}

const emptyLibrary: Library = { plans: new Map(), scenarios: new Map(), scripts: new Map(), reports: [] };
const miniLibrary = loadLibrary([MINI.plan, MINI.scenario, MINI.script].map((file) => ({ file, text: readText(file) })));
const base = (file: string, text: string, references: Library): Base => ({ file, text, data: parse(text), references });

const MINI_BASES = [
  base(MINI.scenario, readText(MINI.scenario), miniLibrary),
  base(MINI.plan, readText(MINI.plan), emptyLibrary),
  base(MINI.script, readText(MINI.script), miniLibrary),
];
// The bundled scenarios are being written alongside this test: every one present is fuzzed too.
const bundled = loadBundledLibrary();
const BUNDLED_BASES = [...bundled.scenarios.values()].map(({ file }) => base(file, readText(file), bundled));

// ---- mutations of the document as data ---------------------------------------------------

type Path = (string | number)[];

/** Every place in the data, breadth first (capped: big documents still give plenty). */
function pathsOf(data: unknown, limit = 3000): Path[] {
  const paths: Path[] = [];
  const queue: { value: unknown; path: Path }[] = [{ value: data, path: [] }];
  while (queue.length > 0 && paths.length < limit) {
    const { value, path } = queue.shift()!;
    if (path.length > 0) paths.push(path);
    if (Array.isArray(value)) value.forEach((v, i) => queue.push({ value: v, path: [...path, i] }));
    else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) queue.push({ value: v, path: [...path, k] });
  }
  return paths;
}

function parentOf(data: unknown, path: Path): { parent: Record<string | number, unknown>; key: string | number } | undefined {
  let node = data;
  for (const segment of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  if (node === null || typeof node !== 'object') return undefined;
  return { parent: node as Record<string | number, unknown>, key: path[path.length - 1]! };
}

const nested = (depth: number, list: boolean): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = list ? [value] : { a: value };
  return value;
};

const strangeText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.constantFrom('', ' ', 'INJ-01', 'DEC-01', 'detected', 'facilitator', 'mini', '~', 'null', 'true', '0x1F', '1e999', '*alias', '&anchor', '!!binary', '- item', 'a: b', '"', "'", '#', '\n', '\t', '${x}', '__proto__', 'constructor'),
);
const replacement = fc.oneof(
  strangeText,
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER * 1000, Infinity, -Infinity, NaN, [], {}, [null], { '': null }),
  fc.integer({ min: 1, max: 120 }).chain((depth) => fc.boolean().map((list) => nested(depth, list))),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 4 })), { maxLength: 4 }),
);

type DataMutation =
  | { kind: 'delete'; pick: number }
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'retype'; pick: number; to: 'number' | 'text' | 'list' | 'map' | 'bool' }
  | { kind: 'duplicate'; pick: number };

const dataMutation: fc.Arbitrary<DataMutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: replacement }),
  fc.record({ kind: fc.constant('retype' as const), pick: fc.nat(), to: fc.constantFrom('number' as const, 'text' as const, 'list' as const, 'map' as const, 'bool' as const) }),
  fc.record({ kind: fc.constant('duplicate' as const), pick: fc.nat() }),
);

function retyped(value: unknown, to: 'number' | 'text' | 'list' | 'map' | 'bool'): unknown {
  switch (to) {
    case 'number':
      return typeof value === 'string' ? value.length : 42;
    case 'text':
      return typeof value === 'object' ? JSON.stringify(value)?.slice(0, 30) ?? 'x' : String(value);
    case 'list':
      return [value];
    case 'map':
      return { value };
    case 'bool':
      return true;
  }
}

function applyData(data: unknown, mutation: DataMutation): unknown {
  if (mutation.kind === 'replace' && data !== null && typeof data !== 'object') return mutation.value;
  const paths = pathsOf(data);
  if (paths.length === 0) return data;
  const path = paths[mutation.pick % paths.length]!;
  if (mutation.kind === 'duplicate') {
    // Duplicate an item of the nearest list at or above the chosen place.
    for (let end = path.length; end > 0; end--) {
      const at = parentOf(data, path.slice(0, end));
      if (at && Array.isArray(at.parent) && typeof at.key === 'number') {
        at.parent.splice(at.key, 0, structuredClone(at.parent[at.key]));
        return data;
      }
    }
    return data;
  }
  const at = parentOf(data, path);
  if (!at) return data;
  if (mutation.kind === 'delete') {
    if (Array.isArray(at.parent)) at.parent.splice(Number(at.key), 1);
    else delete at.parent[at.key];
  } else if (mutation.kind === 'replace') {
    at.parent[at.key] = structuredClone(mutation.value);
  } else {
    at.parent[at.key] = retyped(at.parent[at.key], mutation.to);
  }
  return data;
}

// ---- mutations of the text ----------------------------------------------------------------

type TextMutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'delete-line'; a: number }
  | { kind: 'duplicate-line'; a: number }
  | { kind: 'indent'; a: number; by: number };

const yamlish = fc.string({
  unit: fc.constantFrom(':', '-', ' ', ' ', '\n', '\t', '\r', '{', '}', '[', ']', '"', "'", '#', '&', '*', '!', '|', '>', '%', '@', '`', ',', '?', 'a', 'Z', '0', '9', '.', '\\', 'é', '😀', '\u2028', '\ufeff'),
  maxLength: 8,
});
const fraction = fc.double({ min: 0, max: 1, noNaN: true });

const textMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
  fc.record({ kind: fc.constant('insert' as const), at: fraction, text: fc.oneof(yamlish, fc.string({ unit: 'binary', maxLength: 4 })) }),
  fc.record({ kind: fc.constant('swap' as const), a: fraction, b: fraction }),
  fc.record({ kind: fc.constant('delete-line' as const), a: fraction }),
  fc.record({ kind: fc.constant('duplicate-line' as const), a: fraction }),
  fc.record({ kind: fc.constant('indent' as const), a: fraction, by: fc.integer({ min: -4, max: 4 }) }),
);

function applyText(text: string, mutation: TextMutation): string {
  const lines = text.split('\n');
  const line = (f: number) => Math.min(lines.length - 1, Math.floor(f * lines.length));
  switch (mutation.kind) {
    case 'truncate':
      return text.slice(0, Math.floor(mutation.at * text.length));
    case 'insert': {
      const at = Math.floor(mutation.at * text.length);
      return text.slice(0, at) + mutation.text + text.slice(at);
    }
    case 'swap': {
      const a = line(mutation.a);
      const b = line(mutation.b);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'delete-line':
      lines.splice(line(mutation.a), 1);
      return lines.join('\n');
    case 'duplicate-line': {
      const a = line(mutation.a);
      lines.splice(a, 0, lines[a]!);
      return lines.join('\n');
    }
    case 'indent': {
      const a = line(mutation.a);
      lines[a] = mutation.by >= 0 ? ' '.repeat(mutation.by) + lines[a] : lines[a]!.replace(new RegExp(`^ {0,${-mutation.by}}`), '');
      return lines.join('\n');
    }
  }
}

// ---- the property ---------------------------------------------------------------------------

const MINI_SHARE = 90; // percent of cases on the mini fixtures; the rest on the bundled scenarios

interface Case {
  pick: number;
  which: number;
  data: DataMutation[];
  text: TextMutation[];
}

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    pick: fc.nat({ max: 99 }),
    which: fc.nat(),
    data: fc.array(dataMutation, { maxLength: 2 }),
    text: fc.array(textMutation, { maxLength: 2 }),
  })
  .filter((c) => c.data.length + c.text.length > 0);

function mutate(c: Case): { base: Base; text: string } {
  const bases = c.pick < MINI_SHARE || BUNDLED_BASES.length === 0 ? MINI_BASES : BUNDLED_BASES;
  // Mostly the mini scenario; the mini plan and script now and then.
  const base = bases === MINI_BASES ? MINI_BASES[c.which % 10 < 6 ? 0 : c.which % 10 < 8 ? 1 : 2]! : bases[c.which % bases.length]!;
  let text = base.text;
  if (c.data.length > 0) {
    let data = structuredClone(base.data);
    for (const m of c.data) data = applyData(data, m);
    text = stringify(data, { aliasDuplicateObjects: false });
  }
  for (const m of c.text) text = applyText(text, m);
  return { base, text };
}

/** The seed of the 1,000 cases `npm test` runs (any fixed value: the point is that every run is the same). */
const FUZZ_SEED = 20261128;

function expectLocatedInside(errors: readonly LocatedError[], file: string, text: string) {
  // Lines as the YAML parser counts them: a line break is "\n" (or "\r\n").
  const lines = text.split('\n');
  for (const error of errors) {
    const where = `${error.file}:${error.line}:${error.column} ${error.path}: ${error.message}`;
    expect(error.file, where).toBe(file);
    expect(Number.isInteger(error.line) && error.line >= 1 && error.line <= lines.length, `line within the file's ${lines.length} lines: ${where}`).toBe(true);
    expect(Number.isInteger(error.column) && error.column >= 1 && error.column <= lines[error.line - 1]!.length + 1, `column within its line: ${where}`).toBe(true);
    expect(error.message.trim().length, `a message: ${where}`).toBeGreaterThan(0);
    expect(error.message, `one line: ${where}`).not.toMatch(/[\n\r]/);
    expect(typeof error.path).toBe('string');
  }
}

describe('validating mutated documents', () => {
  it('has documents to mutate', () => {
    expect(MINI_BASES).toHaveLength(3);
    for (const { file, text, references } of [...MINI_BASES, ...BUNDLED_BASES]) {
      expect(loadLibrary([{ file, text }], references).reports[0]!.errors, file).toEqual([]);
    }
  });

  it('never throws, never hangs, and locates every error inside the file (1,000 cases)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { base, text } = mutate(c);
        const library = loadLibrary([{ file: base.file, text }], base.references);
        expect(library.reports).toHaveLength(1);
        const [report] = library.reports;
        expect(report!.file).toBe(base.file);
        expectLocatedInside(report!.errors, base.file, text);
      }),
      // A fixed seed keeps the test deterministic; FIREDRILL_FUZZ_SEED=<n> and FIREDRILL_FUZZ_RUNS=20000
      // dig elsewhere and deeper when the validator changes (fast-check prints the seed of a failure).
      { numRuns: Number(process.env.FIREDRILL_FUZZ_RUNS ?? 1000), seed: Number(process.env.FIREDRILL_FUZZ_SEED ?? FUZZ_SEED), ...(process.env.FIREDRILL_FUZZ_PATH ? { path: process.env.FIREDRILL_FUZZ_PATH } : {}) },
    );
    // "Never hangs" is the test's own time-out: no assertion on wall-clock time here.
  });
});
