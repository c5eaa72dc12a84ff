import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { exportMsel } from '../../../host/msel/write-msel.js';
import { importMselFile } from '../../../host/msel/import-file.js';
import { MSEL_EXPORT_COLUMNS } from '../../../engine/msel/export-msel.js';
import { forEachConditionLeaf, type Condition } from '../../../engine/format/condition.js';
import type { Inject, Scenario } from '../../../engine/format/scenario.js';
import { contentHash } from '../../../engine/session/hash.js';
import { formatLocatedError } from '../../../engine/validate/index.js';
import { bundledLibrary, loadableBundledWorlds, tinyWorld } from '../../helpers/world.js';
import { readPdf } from '../export/exports-helpers.js';
import { scenarioSource } from '../../../engine/format/document-source.js';
import { stringify } from 'yaml';

// The controllers' MSEL round trip: every bundled scenario exported to CSV and to XLSX and
// imported again gives the same injects (ids, times and triggers, recipients, channels, bodies,
// titles, senders, expected actions, notes). Imported into the scenario it came from, the whole
// scenario is the same (the same content hash); imported as a new draft, the injects are the same
// wherever their triggers need nothing but injects and plan actions.

const FORMATS = ['csv', 'xlsx'] as const;
const sheetFields = ({ id, at, when, delay, unless, to, channel, body, title, from, expects, facilitatorNotes, attack }: Inject) =>
  ({ id, at, when, delay, unless, to, channel, body, title, from, expects, facilitatorNotes, attack });

/** Whether the scenario's triggers name only injects, plan actions and milestones (what a sheet alone can carry). */
const selfContained = (scenario: Scenario) =>
  scenario.injects.every((inject) => [inject.when, inject.unless].every((condition) => {
    let alone = true;
    if (condition) forEachConditionLeaf(condition as Condition, (leaf) => { if ('decision' in leaf || 'var' in leaf) alone = false; });
    return alone;
  }));

describe('the MSEL round trip of every bundled scenario', () => {
  const worlds = loadableBundledWorlds();

  it('covers the ten bundled scenarios', () => {
    expect(worlds).toHaveLength(10);
  });

  it.each(worlds.map((world) => [world.id, world] as const))('%s: CSV and XLSX give the same injects back, and the same scenario', async (_id, world) => {
    const file = bundledLibrary().scenarios.get(world.id)!.file;
    for (const format of FORMATS) {
      const bytes = await exportMsel(world.scenario, world.plan, format);
      const into = await importMselFile({ file: `${world.id}.${format}`, bytes, plan: world.plan, base: { file, text: readFileSync(file, 'utf8') } });
      expect(into.errors.map(formatLocatedError)).toEqual([]);
      expect(into.read?.columnSet).toBe('firedrill');
      expect(into.draft!.scenario.injects.map(sheetFields)).toEqual(world.scenario.injects.map(sheetFields));
      expect(contentHash(into.draft!.scenario)).toBe(contentHash(world.scenario));

      // As a new draft (no scenario to update): the same injects wherever the sheet alone can say them.
      const alone = await importMselFile({ file: `${world.id}.${format}`, bytes, plan: world.plan });
      if (selfContained(world.scenario)) {
        expect(alone.errors.map(formatLocatedError)).toEqual([]);
        const core = ({ id, at, when, delay, unless, to, channel, body, title, from, expects }: Inject) => ({ id, at, when, delay, unless, to, channel, body, title, from, expects });
        expect(alone.draft!.scenario.injects.map(core)).toEqual(world.scenario.injects.map(core));
      } else {
        // Triggers on decisions or state: each such cell is located, and the message says to import into the scenario.
        expect(alone.draft).toBeUndefined();
        expect(alone.errors.length).toBeGreaterThan(0);
        for (const error of alone.errors) expect(error.message).toMatch(/--into <scenario file>/);
      }
    }
  });

  it('two scenarios at least import as a new draft with no scenario to update', () => {
    expect(worlds.filter((world) => selfContained(world.scenario)).length).toBeGreaterThanOrEqual(2);
  });
});

describe('the MSEL export', () => {
  const world = loadableBundledWorlds().find((w) => w.id === 'public-test-bucket')!;

  it('as XLSX: one sheet with a frozen header row, bold headers, the column widths, wrapped text and a filter', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await exportMsel(world.scenario, world.plan, 'xlsx') as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    expect(book.worksheets.map((s) => s.name)).toEqual(['MSEL']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).values).toEqual([undefined, ...MSEL_EXPORT_COLUMNS.map((c) => c.header)]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(MSEL_EXPORT_COLUMNS.map((_, i) => sheet.getColumn(i + 1).width)).toEqual(MSEL_EXPORT_COLUMNS.map((c) => c.width));
    expect(sheet.getColumn(11).alignment?.wrapText).toBe(true);
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.rowCount).toBe(world.scenario.injects.length + 1);
    expect(sheet.getCell('B2').value).toBe('T+00:00');
  });

  it('as CSV: UTF-8 with a byte order mark, and no cell a spreadsheet would run as a formula; read back exactly', async () => {
    const risky = tinyWorld({
      injects: [
        { id: 'INJ-15', title: '=cmd|\' /C calc\'!A0', at: '15m', to: ['cloud-security-analyst'], channel: 'siem-alert', body: '+1 555 0100 called', from: '@attacker' },
        { id: 'INJ-40', title: '-5 minutes', at: '40m', to: ['incident-commander'], channel: 'email', body: '\'=already quoted', facilitatorNotes: '=1+1 in the notes' },
        { id: 'INJ-90', title: 'Ordinary', at: '1h30m', to: ['incident-commander'], channel: 'news', body: 'Plain text, "quoted", and a line\nbreak.' },
      ],
    });
    const bytes = await exportMsel(risky.scenario, risky.plan, 'csv');
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const cells = (parse(text.slice(1)) as string[][]).flat();
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(cells).toEqual(expect.arrayContaining(['\'=cmd|\' /C calc\'!A0', '\'+1 555 0100 called', '\'@attacker', '\'-5 minutes', '\'\'=already quoted', '\'=1+1 in the notes']));
    const back = await importMselFile({ file: 'risky.csv', bytes, plan: risky.plan, base: { file: 'tiny.scenario.yaml', text: stringify(scenarioSource(risky.scenario)) } });
    expect(back.errors.map(formatLocatedError)).toEqual([]);
    expect(back.draft!.scenario.injects.map(sheetFields)).toEqual(risky.scenario.injects.map(sheetFields));
  });

  it('as a PDF handout: every inject, its time or trigger, recipients and what it says, for controllers', async () => {
    const pdf = await readPdf(await exportMsel(world.scenario, world.plan, 'pdf'));
    expect(pdf.text).toContain('MASTER SCENARIO EVENTS LIST (MSEL)');
    expect(pdf.text).toContain('for controllers only');
    for (const inject of world.scenario.injects) expect(pdf.text).toContain(inject.id);
    expect(pdf.text).toContain('T+00:45');
    expect(pdf.text).toMatch(/when "Query CloudTrail/);
    expect(pdf.sizes[0]).toEqual({ width: 595, height: 842 });
  });
});
