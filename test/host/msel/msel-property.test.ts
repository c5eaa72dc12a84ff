import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { importMsel } from '../../../engine/msel/import-msel.js';
import { COLUMN_SETS } from '../../../engine/msel/columns.js';
import type { Cell, Sheet } from '../../../engine/msel/sheet.js';
import { loadLibrary } from '../../../engine/validate/index.js';
import { importMselToFile } from '../../../host/msel/import-file.js';
import { loadMini, MINI_PLAN_FILE } from '../../helpers/world.js';

// Generated spreadsheets, most of them broken in some way (any header set, any cell kind, times,
// roles, channels and triggers right and wrong): the importer never throws, every error it gives
// is located in the file, and it writes a draft only when it has no error at all (never a
// half-import), which then validates. Fixed seeds: the same sheets on every run.

const plan = () => loadMini().plan;
const HEADERS = [...new Set(Object.values(COLUMN_SETS).flatMap((set) => set.headers))];

const text = (values: string[]) => fc.oneof(fc.constantFrom(...values), fc.string({ maxLength: 30 }));
const VALUES = {
  time: ['T+00:00', 'T+01:30', 'T-00:05', 'D+1 H+2 M+30', 'M-5', '90', '1h30m', '09:30', '2:15 pm', '2026-03-14 09:00', '2026-03-14T09:00+08:00', '6/10/2026 09:30', 'soon', 'T+1:75', '46095.375', ''],
  to: ['Incident Commander', 'cloud-security-analyst', 'Legal & Compliance Officer; Incident Commander', 'All', 'SOC', 'incident-commander, nobody', ''],
  channel: ['Email', 'SIEM', 'Phone', 'Verbal', 'Carrier pigeon', 'chat', ''],
  trigger: ['{ action: triage-alert }', 'after Triage the alert in the SIEM', 'after 1', '{ decision: DEC-9 }', '{ action:', 'contained', 'after nothing at all', ''],
  type: ['Inject', 'Expected Action', 'Contingency Inject', 'Information', ''],
  expected: ['Triage the alert in the SIEM', 'Revoke the IAM access key; call someone', 'whatever', ''],
  id: ['1', '1.1', 'INJ-01', 'a b', '#', ''],
};

const cell: fc.Arbitrary<Cell | null> = fc.oneof(
  { weight: 6, arbitrary: text([...VALUES.time, ...VALUES.to, ...VALUES.channel, ...VALUES.trigger, ...VALUES.type, ...VALUES.expected, ...VALUES.id]).map((t): Cell => ({ kind: 'text', text: t })) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.double({ min: -100, max: 60_000, noNaN: true }).map((value): Cell => ({ kind: 'number', value })) },
  { weight: 1, arbitrary: fc.constantFrom('1899-12-30T09:30:00', '2026-03-14T09:00:00', '2026-02-30T09:00:00', '2026-03-14T25:00:00').map((local): Cell => ({ kind: 'date', local })) },
  { weight: 1, arbitrary: fc.constantFrom<Cell>({ kind: 'formula', formula: '=A1' }, { kind: 'error', text: '#REF!' }, { kind: 'merged', master: 'A1' }, { kind: 'boolean', value: true }) },
);

const sheet: fc.Arbitrary<Sheet> = fc
  .record({
    headers: fc.uniqueArray(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...HEADERS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), { minLength: 0, maxLength: 12 }),
    above: fc.nat({ max: 2 }),
    rows: fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 8 }),
  })
  .map(({ headers, above, rows }) => ({
    name: 'MSEL',
    rows: [...Array.from({ length: above }, () => []), headers.map((h): Cell => ({ kind: 'text', text: h })), ...rows],
  }));

/** A sheet that is mostly right (the HSEEP columns, good values), with now and then a wrong cell. */
const good = (values: string[]) => fc.constantFrom(...values).map((t): Cell => ({ kind: 'text', text: t }));
const plausible: fc.Arbitrary<Sheet> = fc
  .array(
    fc.tuple(
      good(['T+00:00', 'T+00:30', 'D+0 H+1 M+0', '90', '1h30m', 'M+45']),
      good(['Email', 'SIEM', 'Phone', 'Chat', 'News']),
      good(['Incident Commander', 'cloud-security-analyst', 'Legal & Compliance Officer; Incident Commander', 'All']),
      fc.string({ minLength: 1, maxLength: 40 }).filter((t) => t.trim() !== '' && !/^['=+\-@\t\r]/.test(t) && !t.includes('"')).map((t): Cell => ({ kind: 'text', text: t })),
      good(['Triage the alert in the SIEM', 'Revoke the IAM access key', 'call the press office', '']),
      fc.option(cell, { freq: 8 }),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((rows) => ({
    name: 'MSEL',
    rows: [
      ['Event #', 'Scenario Time', 'Inject Mode', 'To', 'Message', 'Expected Participant Response'].map((h): Cell => ({ kind: 'text', text: h })),
      ...rows.map(([time, channel, to, message, expected, wrong], index) => {
        const row: (Cell | null)[] = [{ kind: 'text', text: String(index + 1) }, time, channel, to, message, expected];
        if (wrong !== null) row[index % 6] = wrong;
        return row;
      }),
    ],
  }));

/** The sheet as a CSV file's bytes: what a text cell becomes when the file is saved. */
const csvBytes = (model: Sheet) => Buffer.from(stringify(model.rows.map((row) => row.map((c) => (c === null ? '' : c.kind === 'text' ? c.text : c.kind === 'number' ? String(c.value) : c.kind === 'date' ? c.local.replace('T', ' ') : c.kind === 'formula' ? c.formula : c.kind === 'error' ? c.text : '')))));

let out: string;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'firedrill-msel-property-'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The checks every import must pass, whatever the sheet. */
function checkResult(result: ReturnType<typeof importMsel>, file: string, draftPath?: string): void {
  for (const error of result.errors) {
    expect(error.file).toBe(file);
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.column).toBeGreaterThanOrEqual(1);
    expect(error.message).not.toMatch(/\n| {4}at /);
  }
  if (result.errors.length > 0) {
    expect(result.draft).toBeUndefined();
    if (draftPath) expect(existsSync(draftPath)).toBe(false);
  } else if (result.draft) {
    const checked = loadLibrary([{ file: MINI_PLAN_FILE, text: readFileSync(MINI_PLAN_FILE, 'utf8') }, { file: result.draft.file, text: result.draft.yaml }]);
    expect(checked.reports.flatMap((r) => r.errors)).toEqual([]);
    if (draftPath) expect(readFileSync(draftPath, 'utf8')).toBe(result.draft.yaml);
  }
}

describe('1,000 generated spreadsheets', () => {
  it('never crash the importer, and never write a draft with an error in it (CSV files through the host, and the sheets themselves)', async () => {
    let written = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 3, arbitrary: sheet }, { weight: 1, arbitrary: plausible }), async (model) => {
        checkResult(importMsel({ file: 'generated.xlsx', format: 'xlsx', sheets: [model] }, { plan: plan() }), 'generated.xlsx');
        const draftPath = join(out, 'draft.scenario.yaml');
        rmSync(draftPath, { force: true });
        const result = await importMselToFile({ file: 'generated.csv', bytes: csvBytes(model), plan: plan() }, draftPath);
        checkResult(result, 'generated.csv', draftPath);
        if (result.errors.length > 0) refused++;
        else written++;
      }),
      { seed: 1313, numRuns: 1000 },
    );
    // Most generated sheets are broken; some are right and give a draft; no temporary file is ever left behind.
    expect(refused).toBeGreaterThan(written);
    expect(written).toBeGreaterThan(0);
    expect(readdirSync(out).filter((name) => name !== 'draft.scenario.yaml')).toEqual([]);
  }, 600_000);

  it('as XLSX workbooks: read by exceljs, the same guarantees', async () => {
    await fc.assert(
      fc.asyncProperty(sheet, async (model) => {
        const book = new ExcelJS.Workbook();
        const worksheet = book.addWorksheet('MSEL');
        model.rows.forEach((row, r) => row.forEach((c, column) => {
          if (!c) return;
          const target = worksheet.getCell(r + 1, column + 1);
          if (c.kind === 'text') target.value = c.text;
          else if (c.kind === 'number') target.value = c.value;
          else if (c.kind === 'boolean') target.value = c.value;
          else if (c.kind === 'formula') target.value = { formula: c.formula.slice(1), result: 1 } as ExcelJS.CellFormulaValue;
          else if (c.kind === 'error') target.value = { error: '#REF!' } as ExcelJS.CellErrorValue;
        }));
        const draftPath = join(out, 'draft-xlsx.scenario.yaml');
        rmSync(draftPath, { force: true });
        const bytes = new Uint8Array(await book.xlsx.writeBuffer());
        checkResult(await importMselToFile({ file: 'generated.xlsx', bytes, plan: plan() }, draftPath), 'generated.xlsx', draftPath);
      }),
      { seed: 1314, numRuns: 100 },
    );
  }, 600_000);
});
