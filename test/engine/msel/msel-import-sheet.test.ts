import { describe, expect, it } from 'vitest';
import { importMsel } from '../../../engine/msel/import-msel.js';
import type { Cell, Sheet, Workbook } from '../../../engine/msel/sheet.js';
import { formatLocatedError } from '../../../engine/validate/index.js';
import { bundledLibrary, loadMini } from '../../helpers/world.js';

// A whole sheet through the import, as a planner's workbook has it: sheets built here cell by
// cell (the host's reading of real files is tested in test/host/msel).

const text = (value: string): Cell => ({ kind: 'text', text: value });
const HEADER = ['Event #', 'Scenario Time', 'To', 'Message', 'Objective'].map(text);
const sheetOf = (rows: (Cell | null)[][], name = 'MSEL'): Sheet => ({ name, rows: [HEADER, ...rows] });
const workbookOf = (...sheets: Sheet[]): Workbook => ({ file: 'msel.xlsx', format: 'xlsx', sheets });
const importSheet = (sheet: Sheet) => importMsel(workbookOf(sheet), { plan: loadMini().plan });
const row = (n: number, objective = 'Detect the leak'): Cell[] => [text(`E-${n}`), text(`T+00:${String(n % 60).padStart(2, '0')}`), text('Incident Commander'), text(`Inject ${n}`), text(objective)];

describe('a sheet larger than a scenario', () => {
  it('is refused at the row past the limit, saying to split it, not as a draft that fails to validate', () => {
    const result = importSheet(sheetOf(Array.from({ length: 2_050 }, (_, index) => row(index + 1))));
    expect(result.draft).toBeUndefined();
    expect(result.errors.map(formatLocatedError)).toEqual([
      'msel.xlsx:2002:1 MSEL!A2002 "Event #": a scenario has at most 2,000 injects and this sheet has 2,050, the 2,001st on this row: split the sheet (by day or by phase) and import each part as its own scenario',
    ]);
  });

  it('says the same of objectives, at the row of the first one past the limit', () => {
    const result = importSheet(sheetOf(Array.from({ length: 120 }, (_, index) => row(index + 1, `Objective ${index + 1}`))));
    expect(result.errors.map(formatLocatedError)).toEqual([
      'msel.xlsx:102:5 MSEL!E102 "Objective": a scenario has at most 100 objectives and this sheet has 120, the 101st on this row: split the sheet (by day or by phase) and import each part as its own scenario',
    ]);
  });

  it('locates an objective the scenario cannot hold at its cell', () => {
    const long = 'Objective '.repeat(30);
    const result = importSheet(sheetOf([row(1), row(2, long)]));
    expect(result.errors.map(formatLocatedError)).toEqual([
      expect.stringMatching(/^msel\.xlsx:3:5 MSEL!E3 "Objective": objectives\[1\]\.title: is too long: 299 characters, at most 200 here$/),
    ]);
  });
});

describe('what the draft guesses and says', () => {
  const HSEEP = ['Event #', 'Scenario Time', 'To', 'Message', 'Expected Participant Response'].map(text);
  const bank = (title: string) => workbookOf({
    name: 'MSEL',
    rows: [
      [text(title)],
      [],
      HSEEP,
      [text('1'), text('T+00:00'), text('Incident Commander'), text('The branch cannot open its shared drive.'), text('Open the incident bridge and war-room channel')],
      [text('2'), text('T+00:30'), text('IT Operations'), text('The ATMs are down.'), text('Isolate')],
    ],
  });
  const plan = () => bundledLibrary().plans.get('cloud-cirp')!.plan;

  it('takes the threat from the sheet\'s own heading too', () => {
    const result = importMsel(bank('Ransomware at the Central branch'), { plan: plan() });
    expect(result.errors).toEqual([]);
    expect(result.draft!.scenario.threat).toBe('ransomware');
  });

  it('says which expected responses name no plan action, and so are not scored', () => {
    const result = importMsel(bank('Bank TTX'), { plan: plan() });
    expect(result.warnings).toContain('1 row expects a response that names no action of plan "cloud-cirp", kept in the facilitator notes and not scored: "Isolate" (row 5); pick each inject\'s Expected actions in the draft, or write the action\'s title as the plan has it (or map it with "actions" in a mapping file)');
  });
});
