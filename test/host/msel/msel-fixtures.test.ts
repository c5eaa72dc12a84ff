import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importMselFile } from '../../../host/msel/import-file.js';
import { formatLocatedError } from '../../../engine/validate/index.js';
import { importMselForStudio } from '../../../host/studio/studio-files.js';
import { bundledLibrary, loadMini } from '../../helpers/world.js';

// The MSEL import on the committed fixtures (test/fixtures/msel, made by make-fixtures.mjs):
// one sheet of each column set people use (HSEEP, Crucible Blueprint, OpenAEV) gives a draft
// scenario that validates; each broken file gives its problems located at the very cell.

const DIR = 'test/fixtures/msel';
const plan = () => loadMini().plan;
const read = (path: string) => readFileSync(join(DIR, path));
const importFixture = (path: string, more: Partial<Parameters<typeof importMselFile>[0]> = {}) =>
  importMselFile({ file: path.split('/').at(-1)!, bytes: read(path), plan: plan(), ...more });
const injectsOf = (result: Awaited<ReturnType<typeof importFixture>>) =>
  result.draft!.scenario.injects.map(({ id, at, to, channel, title, expects, unless }) => ({ id, at, to, channel, title, expects, ...(unless ? { unless } : {}) }));
const MIN = 60_000;

describe('an MSEL of each column set', () => {
  it('HSEEP (CSV and XLSX): event numbers, T+ and D/H/M times, roles by title and id, expected actions and a contingency', async () => {
    for (const file of ['hseep.csv', 'hseep.xlsx']) {
      const result = await importFixture(file);
      expect(result.errors.map(formatLocatedError)).toEqual([]);
      expect(result.read).toMatchObject({ columnSet: 'hseep', headerRow: file.endsWith('.csv') ? 1 : 3, injects: 4 });
      expect(injectsOf(result)).toEqual([
        { id: '1', at: 0, to: ['cloud-security-analyst'], channel: 'siem-alert', title: 'GuardDuty reports API calls from a Tor exit node with the ci-deploy access key.', expects: ['triage-alert'] },
        { id: '2', at: 20 * MIN, to: ['incident-commander', 'legal-compliance'], channel: 'email', title: 'The key read three secrets from Secrets Manager in the last hour.', expects: ['revoke-iam-access-key'] },
        { id: '3', at: 60 * MIN, to: ['incident-commander'], channel: 'phone-call', title: 'The attacker is still reading secrets: the key was never revoked.', expects: ['revoke-iam-access-key'], unless: { action: 'revoke-iam-access-key' } },
        { id: '4', at: 90 * MIN, to: ['incident-commander', 'cloud-security-analyst', 'legal-compliance'], channel: 'chat', title: 'The regulator calls: has personal data been exposed?', expects: ['notify-regulator'] },
      ]);
      const yaml = result.draft!.yaml;
      // Free text kept for the facilitator; the guesses commented.
      expect(result.draft!.scenario.injects[1]!.facilitatorNotes).toBe('Expected response: Call the cloud provider\'s support line');
      expect(result.draft!.scenario.injects[0]!.facilitatorNotes).toContain('Expected action (row');
      expect(yaml).toContain('channel: chat # guessed: "Verbal" has no channel of its own: read as chat');
      expect(yaml).toContain('# guessed from the expected response: the contingency is skipped once the team has done it');
      expect(result.draft!.scenario.objectives.map((o) => o.title)).toEqual(['Contain the stolen key quickly', 'Meet the regulator duty']);
    }
    expect((await importFixture('hseep.xlsx')).draft!.scenario.title).toBe('Leaked key tabletop: master scenario events list');
  });

  it('Crucible Blueprint (XLSX date cells, CSV date-times): the earliest time is T+0; Move and Group kept as notes', async () => {
    for (const file of ['blueprint.xlsx', 'blueprint.csv']) {
      const result = await importFixture(file);
      expect(result.errors.map(formatLocatedError)).toEqual([]);
      expect(result.read?.columnSet).toBe('blueprint');
      expect(injectsOf(result).map(({ id, at, to, channel, title }) => ({ id, at, to, channel, title }))).toEqual([
        { id: 'CN-001', at: 0, to: ['cloud-security-analyst'], channel: 'cloud-finding', title: 'GuardDuty finding' },
        { id: 'CN-002', at: 20 * MIN, to: ['incident-commander', 'cloud-security-analyst'], channel: 'email', title: 'Secrets read' },
        { id: 'CN-003', at: 65 * MIN, to: ['incident-commander'], channel: 'phone-call', title: 'Press call' },
      ]);
      expect(result.draft!.scenario.startsAt).toBe('2026-03-14T09:00:00Z');
      expect(result.draft!.scenario.injects[2]!.facilitatorNotes).toBe('Move: 2\nGroup: 1');
      expect(result.warnings).toContain('columns "Move", "Group" kept in the facilitator notes (Firedrill has no field for them)');
    }
  });

  it('OpenAEV\'s sample sheet, with a mapping file: teams to roles, clock times and M-5 from the start in its zone', async () => {
    const mapping = { file: 'openaev.mapping.json', text: read('openaev.mapping.json').toString('utf8') };
    const result = await importFixture('openaev.xlsx', { mapping });
    expect(result.errors.map(formatLocatedError)).toEqual([]);
    expect(result.read).toMatchObject({ columnSet: 'openaev', headerRow: 1, injects: 4 });
    expect(injectsOf(result).map(({ id, at, to, title }) => ({ id, at, to, title }))).toEqual([
      { id: 'INJ-01', at: 0, to: ['incident-commander'], title: 'Exercise starting' },
      { id: 'INJ-02', at: 10 * MIN, to: ['cloud-security-analyst'], title: 'GuardDuty finding' },
      { id: 'INJ-03', at: 125 * MIN, to: ['cloud-security-analyst', 'incident-commander'], title: 'Secrets read' },
      { id: 'INJ-04', at: 215 * MIN, to: ['legal-compliance'], title: 'Regulator question' },
    ]);
    // M-5 comes before the 09:00 start: the start moves five minutes earlier, in Hong Kong time.
    expect(result.draft!.scenario.startsAt).toBe('2026-03-14T08:55:00+08:00');
    expect(result.draft!.yaml).toContain('moved 5m earlier');
    expect(result.draft!.yaml).toContain('# Facilitator / Run the exercise');
    // Without the mapping file, the team names are not roles of the plan: each cell says so.
    const unmapped = await importFixture('openaev.xlsx');
    expect(unmapped.errors.map((e) => `${e.file}:${e.line}:${e.column}`)).toEqual(expect.arrayContaining(['openaev.xlsx:2:4', 'openaev.xlsx:4:3', 'openaev.xlsx:4:4']));
  });
});

describe('a sheet with headers of its own', () => {
  it('offers its first row as the header, each column to be said what it holds; read again on that row with the choices, it imports', async () => {
    const csv = 'When,Who,What\nT+00:00,Incident Commander,The alert fires\nT+00:10,Cloud Security Analyst,A second look\n';
    const bytes = new TextEncoder().encode(csv);
    const first = await importMselFile({ file: 'own.csv', bytes, plan: plan() });
    expect(first.errors.map(formatLocatedError)).toEqual([expect.stringMatching(/^own\.csv:1:1 A1: no header row found: .*; say which column holds what \(the Read as choices in the app, or "columns" in a mapping file, --map\)$/)]);
    expect(first.read).toEqual({ sheet: 'own.csv', headerRow: 1, columnSet: 'custom', rows: 0, injects: 0, columns: [{ column: 'A', header: 'When', field: 'trigger' }, { column: 'B', header: 'Who', field: 'extra' }, { column: 'C', header: 'What', field: 'extra' }] });
    const mapping = { file: 'app', text: JSON.stringify({ columns: { time: 'A', to: 'B', body: 'C' }, headerRow: 1 }) };
    const again = await importMselFile({ file: 'own.csv', bytes, plan: plan(), mapping });
    expect(again.errors.map(formatLocatedError)).toEqual([]);
    expect(injectsOf(again).map(({ at, to }) => ({ at, to }))).toEqual([{ at: 0, to: ['incident-commander'] }, { at: 10 * MIN, to: ['cloud-security-analyst'] }]);
  });
});

describe('recipients the plan has no role called, in the studio', () => {
  it('are listed with the plan\'s roles, each once, so the app asks which role each is; read again with the choices, the sheet imports', async () => {
    const root = mkdtempSync(join(tmpdir(), 'firedrill-msel-'));
    try {
      const request = { fileName: 'openaev.xlsx', bytes: read('openaev.xlsx'), planId: 'cloud-cirp' };
      const first = await importMselForStudio(root, bundledLibrary(), { ...request, mapping: { start: '2026-03-14T09:00', timeZone: 'Asia/Hong_Kong' } });
      expect(first.recipients?.unknown).toEqual(['Crisis cell', 'SOC', 'Legal']);
      expect(first.recipients?.roles.map((role) => role.id)).toEqual(['incident-commander', 'cloud-security-analyst', 'legal-compliance-officer', 'communications-lead', 'it-operations']);
      expect(first.errors.map(formatLocatedError)).toContain('openaev.xlsx:2:4 Timeline!D2 "Teams": "Crisis cell" is not a role of plan "cloud-cirp": its roles are Incident Commander, Cloud Security Analyst, Legal & Compliance Officer, Communications Lead, IT Operations; write a role\'s title or id, or map the name to a role (its Recipients choice in the app, or "roles": { "Crisis cell": "<role id>" } in a mapping file)');
      const roles = { 'Crisis cell': 'incident-commander', SOC: 'cloud-security-analyst', Legal: 'legal-compliance-officer' };
      const again = await importMselForStudio(root, bundledLibrary(), { ...request, mapping: { start: '2026-03-14T09:00', timeZone: 'Asia/Hong_Kong', roles } });
      expect(again.errors.map(formatLocatedError)).toEqual([]);
      expect(again.recipients?.unknown).toEqual([]);
      expect(again.draft?.yaml).toContain('to: [legal-compliance-officer]');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

/** Each broken fixture, and where its problems are: file:row:column, and what the message says. */
const BROKEN: [file: string, errors: [location: string, message: RegExp][]][] = [
  ['bad-time.csv', [['bad-time.csv:3:2', /^B3 "Scenario Time": "soon" is not a time: write T\+01:30, D\+1 H\+2 M\+30/]]],
  ['bad-time-minutes.csv', [['bad-time-minutes.csv:3:2', /"T\+1:75": the minutes and seconds of T\+hh:mm:ss are below 60/]]],
  ['unknown-role.csv', [['unknown-role.csv:3:4', /^D3 "To": "SOC Manager" is not a role of plan "mini": its roles are Incident Commander, Cloud Security Analyst, Legal & Compliance Officer/]]],
  ['unknown-role.xlsx', [['unknown-role.xlsx:3:4', /^Injects!D3 "To": "Chief Everything Officer" is not a role of plan "mini"/]]],
  ['unknown-channel.csv', [['unknown-channel.csv:3:3', /^C3 "Inject Mode": "Carrier pigeon" is not an inject mode Firedrill knows/]]],
  ['merged-cells.xlsx', [['merged-cells.xlsx:4:4', /^MSEL!D4 "To": this cell is merged with D3: .*unmerge the cells and fill each row$/]]],
  ['empty-sheet.xlsx', [['empty-sheet.xlsx:1:1', /every sheet is empty/]]],
  ['empty.csv', [['empty.csv:1:1', /the file is empty/]]],
  ['formula.csv', [['formula.csv:3:5', /^E3 "Message": a formula \("=HYPERLINK.*paste it as values$/]]],
  ['formula.xlsx', [['formula.xlsx:3:5', /^MSEL!E3 "Message": a formula \("=CONCATENATE/]]],
  ['excel-serial.xlsx', [['excel-serial.xlsx:3:2', /^MSEL!B3 "Scenario Time": 46095.375 looks like an Excel date serial number \(2026-03-14 09:00\): format the cell as a date and time/]]],
  ['excel-serial.csv', [['excel-serial.csv:3:2', /46095.375 looks like an Excel date serial number/]]],
  ['second-sheet.xlsx', [['second-sheet.xlsx:2:1', /^Day 2!A2: a second sheet of injects: the workbook has 2 \("Day 1", "Day 2"\); say which to read \(the Sheet choice in the app, --sheet/]]],
  ['error-cell.xlsx', [['error-cell.xlsx:3:4', /^MSEL!D3 "To": the cell shows the error #REF!/]]],
  ['no-header.csv', [['no-header.csv:1:1', /^A1: no header row found/]]],
  // How to name the column, in the app as on the command line.
  ['no-to-column.csv', [['no-to-column.csv:1:1', /^A1: no column holds who receives it \(To, To Org, Teams\): if one has another header, say so \(its "Read as" choice in the app, or "columns" in a mapping file, --map\)$/]]],
  ['missing-message.csv', [['missing-message.csv:3:5', /^E3 "Message": no message: write what the inject says$/]]],
  ['duplicate-id.csv', [['duplicate-id.csv:4:1', /^A4 "Event #": event number "2" is already used by row 3/]]],
  ['clock-without-start.csv', [['clock-without-start.csv:3:2', /reads as a clock time among times counted from the start \(T\+\.\.\.\): say when the exercise starts \(--start/]]],
  ['ambiguous-date.csv', [['ambiguous-date.csv:3:2', /"6\/10\/2026 09:30" could be the 6\/10 either way round.*"dateOrder"/]]],
  ['too-late.csv', [['too-late.csv:3:2', /T\+900:00 is 37 days after the start: an exercise runs for at most 30 days/]]],
  ['date-without-time.csv', [['date-without-time.csv:3:2', /"2026-03-14" is a date without a time of day/]]],
  ['bad-attack.csv', [['bad-attack.csv:2:6', /^F2 "ATT&CK": "T12" is not a MITRE ATT&CK technique id/]]],
  ['unknown-action-trigger.csv', [['unknown-action-trigger.csv:3:6', /^F3 "Trigger": "Reboot the mainframe" names no plan action, inject or milestone/]]],
  ['unknown-decision-trigger.csv', [['unknown-decision-trigger.csv:3:6', /^F3 "Trigger": injects\[1\]\.when\.decision: unknown decision "DEC-9" .*--into <scenario file>\)$/]]],
  ['time-and-trigger.csv', [['time-and-trigger.csv:3:6', /both a scenario time and a trigger/]]],
  ['delay-without-trigger.csv', [['delay-without-trigger.csv:3:6', /^F3 "Delay": a delay counts from a trigger: this row has none$/]]],
  ['contingency-without-condition.csv', [['contingency-without-condition.csv:3:6', /^F3 "Event Type": a contingency inject says when it is not needed/]]],
  ['binary.csv', [['binary.csv:1:1', /this is a binary file, not CSV text/]]],
  ['unclosed-quote.csv', [['unclosed-quote.csv:2:5', /a quoted cell is not closed/]]],
  ['not-a-workbook.xlsx', [['not-a-workbook.xlsx:1:1', /this is not an .xlsx workbook/]]],
  ['old-excel.xls', [['old-excel.xls:1:1', /an Excel 97-2003 workbook \(\.xls\): save it as \.xlsx or \.csv/]]],
  ['password-protected.xlsx', [['password-protected.xlsx:1:1', /^this workbook is password-protected \(encrypted\), or an Excel 97-2003 workbook named \.xlsx: remove its password \(File > Info > Protect Workbook\) or save it as \.xlsx or \.csv, then import that$/]]],
];

describe('a broken MSEL', () => {
  it('has at least 20 broken fixtures', () => {
    expect(BROKEN.length).toBeGreaterThanOrEqual(20);
  });

  it.each(BROKEN)('%s: every problem located at its cell, and no draft', async (file, expected) => {
    const result = await importFixture(`broken/${file}`);
    expect(result.draft).toBeUndefined();
    expect(result.errors.map((e) => `${e.file}:${e.line}:${e.column}`)).toEqual(expected.map(([location]) => location));
    result.errors.forEach((error, index) => expect(`${error.path ? `${error.path}: ` : ''}${error.message}`).toMatch(expected[index]![1]));
  });

  it('a CSV saved on Windows: line breaks inside a cell (CR LF) read as line breaks, as an .xlsx gives them', async () => {
    const csv = 'Event #,Scenario Time,Inject Mode,To,Message\r\n1,T+00:00,Email,Incident Commander,"Line one\r\nLine two: café Zoë"\r\n';
    const result = await importMselFile({ file: 'windows.csv', bytes: new TextEncoder().encode(csv), plan: plan() });
    expect(result.errors).toEqual([]);
    expect(result.draft!.scenario.injects[0]!.body).toBe('Line one\nLine two: café Zoë');
    expect(result.draft!.yaml).not.toContain('\\r');
  });

  it('Excel\'s "Unicode Text" (UTF-16 with its byte order mark, tab-separated, .txt) reads as the CSV it is, not as a binary file', async () => {
    const text = '\uFEFFEvent #\tScenario Time\tInject Mode\tTo\tMessage\r\n1\tT+00:00\tEmail\tIncident Commander\tCafé Zoë: 顧客資料\r\n';
    const little = await importMselFile({ file: 'unicode.txt', bytes: new Uint8Array(Buffer.from(text, 'utf16le')), plan: plan() });
    expect(little.errors).toEqual([]);
    expect(little.draft!.scenario.injects[0]!.body).toBe('Café Zoë: 顧客資料');
    const big = Buffer.from(text, 'utf16le').swap16();
    expect((await importMselFile({ file: 'unicode.csv', bytes: new Uint8Array(big), plan: plan() })).draft!.scenario.injects[0]!.body).toBe('Café Zoë: 顧客資料');
  });

  it('a time zone or a start it cannot read is named as the app and the command line ask for it', async () => {
    const zone = await importFixture('hseep.csv', { timeZone: 'Hong Kong' });
    expect(zone.errors.map(formatLocatedError)).toEqual(['hseep.csv:1:1 the time zone ("Time zone" in the app, --tz on the command line): "Hong Kong" is not a time zone this computer knows: write it like Asia/Hong_Kong or Europe/London']);
    const start = await importFixture('hseep.csv', { start: 'tomorrow' });
    expect(start.errors.map(formatLocatedError)).toEqual([expect.stringMatching(/^hseep\.csv:1:1 the exercise start \("Exercise starts" in the app, --start on the command line\): "tomorrow" is not a start/)]);
  });

  it('a workbook of two sheets of injects names its sheets, for a choice, and reads the one chosen', async () => {
    const both = await importFixture('broken/second-sheet.xlsx');
    expect(both.sheets).toEqual(['Day 1', 'Day 2']);
    const chosen = await importFixture('broken/second-sheet.xlsx', { sheet: 'Day 2' });
    expect(chosen.sheets).toEqual(['Day 1', 'Day 2']);
    expect(chosen.read?.sheet).toBe('Day 2');
  });

  it('a mapping file with mistakes: located in the mapping file, line and field', async () => {
    const result = await importFixture('hseep.csv', { mapping: { file: 'bad.mapping.json', text: read('broken/bad.mapping.json').toString('utf8') } });
    expect(result.errors.map(formatLocatedError)).toEqual([
      'bad.mapping.json:2:3 colums: unknown field "colums" (did you mean "columns"?)',
      'bad.mapping.json:3:15 timeZone: not a time zone this computer knows (write it like Asia/Hong_Kong or Europe/London)',
    ]);
  });
});
