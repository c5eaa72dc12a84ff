import { describe, expect, it } from 'vitest';
import { MAX_ALIAS_COUNT, MAX_ALIASES, MAX_NESTING, MAX_SOURCE_CHARS, parseYamlSource, type YamlSource } from '../../../engine/validate/index.js';

function source(text: string): YamlSource {
  const result = parseYamlSource('doc.yaml', text);
  if (!result.ok) throw new Error(`expected valid YAML: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.source;
}

function syntaxErrors(text: string) {
  const result = parseYamlSource('doc.yaml', text);
  if (result.ok) throw new Error('expected a syntax error');
  return result.errors.map(({ line, column, path, message }) => ({ line, column, path, message }));
}

const TEXT = `# a comment first
format: firedrill-scenario/1
title: A leaked key
injects:
  - id: INJ-01
    to: [cloud-security-analyst, incident-commander]
    when:
      all:
        - { inject: INJ-00 }
        - action: triage-alert
  - id: INJ-02
    body: >
      folded text
      on two lines
    empty:
milestones:
  detected: { when: { action: triage-alert } }
`;

describe('parseYamlSource: locate', () => {
  const doc = source(TEXT);

  it('finds the root at the first key, past leading comments', () => {
    expect(doc.locate([])).toEqual({ line: 2, column: 1 });
  });

  it('points at the value of the field a path names', () => {
    expect(doc.locate(['format'])).toEqual({ line: 2, column: 9 });
    expect(doc.locate(['title'])).toEqual({ line: 3, column: 8 });
    expect(doc.locate(['injects', 1, 'body'])).toEqual({ line: 12, column: 11 });
  });

  it('follows nested block and flow collections', () => {
    expect(doc.locate(['injects'])).toEqual({ line: 5, column: 3 });
    expect(doc.locate(['injects', 0])).toEqual({ line: 5, column: 5 });
    expect(doc.locate(['injects', 0, 'to', 1])).toEqual({ line: 6, column: 34 });
    expect(doc.locate(['injects', 0, 'when', 'all', 0, 'inject'])).toEqual({ line: 9, column: 21 });
    expect(doc.locate(['injects', 0, 'when', 'all', 1, 'action'])).toEqual({ line: 10, column: 19 });
    expect(doc.locate(['milestones', 'detected', 'when', 'action'])).toEqual({ line: 17, column: 31 });
  });

  it('points at the key when asked (an unknown field is its key)', () => {
    expect(doc.locate(['injects', 1, 'body'], { atKey: true })).toEqual({ line: 12, column: 5 });
    expect(doc.locate(['title'], { atKey: true })).toEqual({ line: 3, column: 1 });
  });

  it('points at the key of a field written with no value', () => {
    expect(doc.locate(['injects', 1, 'empty'])).toEqual({ line: 15, column: 5 });
  });

  it('points a missing field at its nearest present parent', () => {
    // A missing field of a list item: the item.
    expect(doc.locate(['injects', 1, 'channel'])).toEqual({ line: 11, column: 5 });
    // A missing field of a mapping: the mapping's key.
    expect(doc.locate(['milestones', 'contained', 'when'])).toEqual({ line: 16, column: 1 });
    expect(doc.locate(['injects', 0, 'when', 'any'])).toEqual({ line: 7, column: 5 });
    // A missing top-level field: the document.
    expect(doc.locate(['end'])).toEqual({ line: 2, column: 1 });
    // An index past the end of a list: the list's key.
    expect(doc.locate(['injects', 9, 'id'])).toEqual({ line: 4, column: 1 });
  });

  it('stops at a scalar when the path goes below it', () => {
    expect(doc.locate(['title', 'deeper', 0])).toEqual({ line: 3, column: 1 });
  });

  it('makes located errors with the formatted path', () => {
    expect(doc.error(['injects', 0, 'when', 'all', 0, 'inject'], 'unknown inject "INJ-00"')).toEqual({
      file: 'doc.yaml',
      line: 9,
      column: 21,
      path: 'injects[0].when.all[0].inject',
      message: 'unknown inject "INJ-00"',
    });
  });

  it('keeps messages on one line', () => {
    expect(doc.error([], 'two\nlines').message).toBe('two lines');
  });

  it('counts columns the same with CRLF line ends', () => {
    const crlf = source(TEXT.replace(/\n/g, '\r\n'));
    expect(crlf.locate(['injects', 0, 'when', 'all', 0, 'inject'])).toEqual({ line: 9, column: 21 });
  });

  it('reads numeric-looking keys by their text', () => {
    const numbers = source('state:\n  1: one\n  "2": two\n');
    expect(numbers.locate(['state', '1'])).toEqual({ line: 2, column: 6 });
    expect(numbers.locate(['state', 2])).toEqual({ line: 3, column: 8 });
  });
});

describe('parseYamlSource: what is not a document', () => {
  it('refuses an empty file and one of blank lines', () => {
    for (const text of ['', '   \n\n  \t\n']) expect(syntaxErrors(text)).toEqual([{ line: 1, column: 1, path: '', message: 'the file is empty' }]);
  });

  it('refuses a file of comments only', () => {
    expect(syntaxErrors('# nothing yet\n# format: firedrill-plan/1\n')[0]!.message).toContain('only comments');
  });

  // A file saved with CR line endings (classic Mac OS) read as one line: a comment first made it
  // "holds no YAML document", a key first a puzzling syntax error. Now: where, and what to do.
  const loneCr = 'a line ends here in a carriage return (CR) alone: save the file with LF or CRLF line endings';
  it.each([
    ['a comment first', '# the plan\rformat: firedrill-plan/1\rid: mini\r', 1, 11],
    ['a key first', 'format: firedrill-plan/1\rid: mini\r', 1, 25],
    ['one stray CR in a file of LF lines', 'format: firedrill-plan/1\nid: mini\r\ntitle: x\r\ntext: y\rz\n', 4, 8],
  ])('refuses CR-only line endings (%s) where the first one is', (_name, text, line, column) => {
    expect(syntaxErrors(text)).toEqual([{ line, column, path: '', message: loneCr }]);
  });

  it('refuses text with NUL bytes as binary', () => {
    expect(syntaxErrors('format: x\u0000\u0000')[0]).toEqual({ line: 1, column: 1, path: '', message: 'this is a binary file, not YAML text' });
  });

  it('refuses a file over the size limit before parsing it', () => {
    const [error] = syntaxErrors('a: b\n'.repeat(MAX_SOURCE_CHARS / 5 + 1));
    expect(error!.message).toMatch(/^the file is 2\.0 MB; a plan, scenario or script is at most 2 MB$/);
  });

  it('refuses nesting deeper than the limit, where it gets too deep', () => {
    const deep = `a: ${'['.repeat(MAX_NESTING + 5)}${']'.repeat(MAX_NESTING + 5)}\n`;
    const [error] = syntaxErrors(deep);
    expect(error).toMatchObject({ line: 1, column: 3 + MAX_NESTING });
    expect(error!.message).toBe(`the YAML is nested more than ${MAX_NESTING} levels deep here`);
    expect(parseYamlSource('ok.yaml', `a: ${'['.repeat(MAX_NESTING - 2)}${']'.repeat(MAX_NESTING - 2)}\n`).ok).toBe(true);
  });

  // Deep enough to overflow the parser's stack: each is refused before it is parsed, with the
  // same located message as a document just over the limit (it was "YAML syntax: Maximum call
  // stack size exceeded", or no message at all for long compact sequences).
  const tooDeep = `the YAML is nested more than ${MAX_NESTING} levels deep here`;
  it.each([
    ['100,000 open brackets', `a: ${'['.repeat(100_000)}`, 1, 3 + MAX_NESTING],
    ['20,000 nested flow mappings', `a: ${'{b: '.repeat(20_000)}1${'}'.repeat(20_000)}\n`, 1, 4 + 4 * (MAX_NESTING - 1)],
    ['1,500 levels of indentation', `${Array.from({ length: 1_500 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`, MAX_NESTING + 1, MAX_NESTING + 1],
    ['1,500 nested block sequences', `${Array.from({ length: 1_500 }, (_, i) => `${' '.repeat(i)}-`).join('\n')} 1\n`, MAX_NESTING + 1, MAX_NESTING + 1],
    ['500,000 compact sequence items', `${'- '.repeat(500_000)}1\n`, 1, 2 * MAX_NESTING + 1],
  ])('answers %s with a located message, not a stack overflow', (_name, text, line, column) => {
    expect(syntaxErrors(text)).toEqual([{ line, column, path: '', message: tooDeep }]);
  });

  it('keeps deep block scalars and flow text inside quotes out of the count', () => {
    const indentedText = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i + 2)}line ${i}`).join('\n');
    expect(parseYamlSource('ok.yaml', `body: |\n${indentedText}\nnext: "${'['.repeat(500)}"\nlast: '${'{'.repeat(500)}'\n`).ok).toBe(true);
  });

  it('locates an alias that names no anchor', () => {
    expect(syntaxErrors('a: 1\nb: *nowhere\n')).toEqual([{ line: 2, column: 4, path: '', message: 'the alias "*nowhere" names no anchor "&nowhere" defined before it' }]);
  });

  it('refuses a billion laughs', () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) laughs.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(10).fill(`*${'abcdefghi'[i - 1]}`).join(', ')}]`);
    const result = parseYamlSource('laughs.yaml', laughs.join('\n') + '\n');
    expect(result.ok).toBe(false);
  });
});

describe('parseYamlSource: syntax errors', () => {
  it('reports the first, where it is, and how many follow', () => {
    const errors = syntaxErrors('a:\n\tb: 1\n\tc: 2\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 2, column: 1, path: '' });
    expect(errors[0]!.message).toMatch(/^YAML syntax: a tab is used for indentation; indent with spaces only/);
  });

  it('locates an error on a line the parser stopped before, within that line (found by the mutation test)', () => {
    const text = '{}">format: firedrill-scenario/1\n{}">format: firedrill-scenario/1\nid: x\n';
    const [error] = syntaxErrors(text);
    const lines = text.split('\n');
    expect(error!.column).toBeLessThanOrEqual(lines[error!.line - 1]!.length + 1);
    expect(error).toMatchObject({ line: 2, column: 13 });
  });

  it('names a duplicated key at its second place', () => {
    expect(syntaxErrors('a: 1\nb:\n  c: 1\n  c: 2\n')).toEqual([{ line: 4, column: 3, path: '', message: 'YAML syntax: the key "c" appears twice in the same mapping' }]);
    expect(syntaxErrors('"a b": 1\n"a b": 2\n')[0]!.message).toBe('YAML syntax: the key "a b" appears twice in the same mapping');
  });

  it('points an unclosed quote at where it opens', () => {
    expect(syntaxErrors('a: 1\nb: "open\nc: 3\nd: 4\n')[0]).toEqual({ line: 2, column: 4, path: '', message: 'YAML syntax: this quoted text is never closed: add the closing "' });
    expect(syntaxErrors("a: 'open\n")[0]).toMatchObject({ line: 1, column: 4, message: "YAML syntax: this quoted text is never closed: add the closing '" });
  });

  it('points an unclosed flow collection at where it opens', () => {
    expect(syntaxErrors('steps:\n  - { at: 1m, by: x }\n  - { at: 2m, by: cl')[0]).toEqual({ line: 3, column: 5, path: '', message: 'YAML syntax: the "{" opened here is never closed with "}"' });
    expect(syntaxErrors('a: [1, 2\nb: 1\n')[0]).toMatchObject({ line: 1, column: 4, message: 'YAML syntax: the "[" opened here is never closed with "]"' });
  });

  it('points bad indentation at the text of the line, not its leading spaces', () => {
    const [error] = syntaxErrors('roles:\n  - id: a\n    title: A\n   extra: 1\n');
    expect(error).toMatchObject({ line: 4, column: 4 });
    expect(error!.message).toContain('indentation');
  });

  it('says a file holds one document', () => {
    expect(syntaxErrors('a: 1\n---\nb: 2\n')[0]).toMatchObject({ line: 2, column: 1, message: expect.stringContaining('a file holds one document') });
  });

  it('never returns a position outside the text', () => {
    for (const text of ['a: "', 'a: [', '{', '- [a, {b: ', 'a: |\n  x\n b', '? ', ': x', 'a: !tag', '&a a: *a']) {
      const result = parseYamlSource('doc.yaml', text);
      if (result.ok) continue;
      const lines = text.split('\n');
      for (const error of result.errors) {
        expect(error.line).toBeGreaterThanOrEqual(1);
        expect(error.line).toBeLessThanOrEqual(lines.length);
        expect(error.column).toBeGreaterThanOrEqual(1);
        expect(error.column).toBeLessThanOrEqual(lines[error.line - 1]!.length + 1);
      }
    }
  });

  describe('an alias bomb ("billion laughs")', () => {
    /** `levels` anchors, each a list of nine aliases of the one before: 9^levels strings once expanded. */
    const bomb = (levels: number) => {
      const lines = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let level = 1; level < levels; level++) lines.push(`l${level}: &l${level} [${Array.from({ length: 9 }, () => `*l${level - 1}`).join(', ')}]`);
      return `${lines.join('\n')}\n`;
    };

    it('is refused with the place its expansion multiplies, in bounded time and memory', () => {
      const heapBefore = process.memoryUsage().heapUsed;
      // Nine levels would be 387 million strings; 20 levels more than the universe holds.
      for (const levels of [9, 20]) {
        expect(syntaxErrors(bomb(levels))).toEqual([{ line: 3, column: 10, path: '', message: expect.stringMatching(new RegExp(`^the alias "\\*l1" repeats an anchor that holds aliases itself, which would expand past ${MAX_ALIAS_COUNT} copies`)) }]);
      }
      // A guard, far above what refusing it takes: expanded, it would need gigabytes.
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(200 * 1024 * 1024);
    }, 20_000);

    it('an anchor repeated by many aliases is refused at the first alias past the limit, in bounded time (50,000 took minutes)', () => {
      const list = (n: number) => `providers: &p [aws]\nx: [${Array.from({ length: n }, () => '*p').join(', ')}]\n`;
      const most = MAX_ALIAS_COUNT - 1; // yaml counts the anchored list as one of the copies
      expect(source(list(most)).value).toMatchObject({ x: Array.from({ length: most }, () => ['aws']) });
      for (const n of [most + 1, 50_000]) {
        expect(syntaxErrors(list(n))).toEqual([{ line: 2, column: 5 + 4 * most, path: '', message: `the anchor "&p" is repeated by more than ${most} aliases ("*p"): write the content out where it is needed more often` }]);
      }
    }, 20_000);

    it('a file of many anchors, each repeated a few times, is refused past its number of aliases in all', () => {
      const lines = Array.from({ length: 600 }, (_, i) => `a${i}: &a${i} ${i}\nb${i}: [*a${i}, *a${i}]`);
      expect(syntaxErrors(`${lines.join('\n')}\n`)).toEqual([{ line: 2 * (MAX_ALIASES / 2) + 2, column: 8, path: '', message: `the file has more than ${MAX_ALIASES} aliases (*name): write the content out` }]);
    }, 20_000);

    it('still reads a plan that repeats an anchored block a few times', () => {
      expect(source('base: &base { a: 1, b: [x, y] }\nfirst: *base\nsecond: *base\nlist: [*base, *base]\n').value).toEqual({
        base: { a: 1, b: ['x', 'y'] }, first: { a: 1, b: ['x', 'y'] }, second: { a: 1, b: ['x', 'y'] }, list: [{ a: 1, b: ['x', 'y'] }, { a: 1, b: ['x', 'y'] }],
      });
    });
  });
});
