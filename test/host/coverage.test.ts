import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadBundledLibrary } from '../../host/library/load.js';
import { COVERAGE_CSV_COLUMNS } from '../../host/coverage/coverage-export.js';
import { cli, playBundledScripts } from './export/exports-helpers.js';

// firedrill coverage over a real data folder: the bundled library and the ended drills in it,
// as JSON, as an ATT&CK Navigator layer (format 4.5) and as CSV.

const tmp = mkdtempSync(join(tmpdir(), 'firedrill-coverage-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const root = join(tmp, 'data');
const bundledIds = new Set([...loadBundledLibrary().scenarios.values()].flatMap(({ scenario }) => [...scenario.attack, ...scenario.injects.flatMap((i) => (i.attack ? [i.attack] : []))]));

beforeAll(() => {
  mkdirSync(join(root, 'sessions'), { recursive: true });
  const played = playBundledScripts(join(tmp, 'played'), ['exemplary']).filter((p) => p.scenarioId === 'ransomware-production-db' || p.scenarioId === 'public-test-bucket');
  for (const p of played) copyFileSync(p.path, join(root, 'sessions', `${p.card.sessionId}.jsonl`));
});

/** The required fields of an ATT&CK Navigator layer, format 4.5 (mitre-attack/attack-navigator layers/spec/v4.5/layerformat.md). */
function layerProblems(layer: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => void (ok || problems.push(what));
  const isString = (v: unknown) => typeof v === 'string' && v.length > 0;
  need(isString(layer.name), 'name is a string');
  need(['enterprise-attack', 'mobile-attack', 'ics-attack'].includes(layer.domain as string), 'domain is a valid domain');
  const versions = layer.versions as Record<string, unknown> | undefined;
  if (versions !== undefined) {
    need(versions.layer === '4.5', 'versions.layer is "4.5"');
    const [major = 0, minor = 0] = String(versions.navigator).split('.').map(Number);
    need(major > 4 || (major === 4 && minor >= 9), 'versions.navigator is at least 4.9.0');
  }
  for (const t of (layer.techniques ?? []) as Record<string, unknown>[]) {
    need(typeof t.techniqueID === 'string' && /^T\d{4}(\.\d{3})?$/.test(t.techniqueID), `techniqueID ${String(t.techniqueID)} is T#### or T####.###`);
    if (t.score !== undefined) need(typeof t.score === 'number', 'a score is a number');
    for (const m of (t.metadata ?? []) as Record<string, unknown>[]) need(m.divider === true || (isString(m.name) && typeof m.value === 'string'), 'technique metadata has name and value');
  }
  const gradient = layer.gradient as { colors?: unknown[]; minValue?: number; maxValue?: number } | undefined;
  if (gradient) {
    need(Array.isArray(gradient.colors) && gradient.colors.length >= 2, 'gradient has two colours or more');
    need(typeof gradient.minValue === 'number' && typeof gradient.maxValue === 'number' && gradient.maxValue > gradient.minValue, 'gradient maxValue > minValue');
  }
  for (const item of (layer.legendItems ?? []) as Record<string, unknown>[]) need(isString(item.label) && isString(item.color), 'legend items have label and color');
  for (const m of (layer.metadata ?? []) as Record<string, unknown>[]) need(m.divider === true || (isString(m.name) && typeof m.value === 'string'), 'layer metadata has name and value');
  return problems;
}

describe('firedrill coverage', () => {
  it('writes an ATT&CK Navigator layer with the format\'s required fields, listing every ATT&CK id of the bundled scenarios', async () => {
    const out = join(tmp, 'layer.json');
    const result = await cli(['coverage', '--data-dir', root, '--format', 'navigator', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/wrote .*layer\.json \(navigator,/);
    const layer = JSON.parse((await import('node:fs')).readFileSync(out, 'utf8')) as Record<string, unknown>;
    expect(layerProblems(layer)).toEqual([]);
    expect(layer).toMatchObject({ domain: 'enterprise-attack', versions: { layer: '4.5' } });
    const techniques = layer.techniques as { techniqueID: string; score: number; comment: string }[];
    expect(new Set(techniques.map((t) => t.techniqueID))).toEqual(bundledIds);
    expect(techniques.find((t) => t.techniqueID === 'T1486')).toMatchObject({ score: 1, comment: expect.stringMatching(/exercised in 1 drill, last \d{4}-\d{2}-\d{2}/) });
    expect(techniques.find((t) => t.techniqueID === 'T1195.002')).toMatchObject({ score: 0, comment: expect.stringMatching(/never drilled/) });
  });

  it('gives the whole map as JSON, with the drills of the data folder', async () => {
    const result = await cli(['coverage', '--data-dir', root]);
    expect(result.code).toBe(0);
    const coverage = JSON.parse(result.stdout);
    expect(coverage).toMatchObject({ coverageVersion: 1, scenarios: 10, drills: 2 });
    expect(coverage.plans[0].functions.map((f: { id: string }) => f.id)).toEqual(['govern', 'identify', 'protect', 'detect', 'respond', 'recover']);
  });

  it('gives one CSV row per technique, action, role, duty and function', async () => {
    const result = await cli(['coverage', '--data-dir', root, '--format', 'csv']);
    expect(result.code).toBe(0);
    const rows = parse(result.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...COVERAGE_CSV_COLUMNS]);
    expect(new Set(rows.filter((r) => r.area === 'technique').map((r) => r.id))).toEqual(bundledIds);
    expect(new Set(rows.map((r) => r.area))).toEqual(new Set(['technique', 'action', 'role', 'duty', 'function']));
  });

  it('keeps user-written titles from running as spreadsheet formulas (=, +, -, @ first)', async () => {
    const folder = join(tmp, 'with-formula-titles');
    mkdirSync(join(folder, 'library'), { recursive: true });
    const plan = (await import('node:fs')).readFileSync(join(import.meta.dirname, '../../scenarios/plans/cloud-cirp.plan.yaml'), 'utf8')
      .replace(/^id: cloud-cirp$/m, 'id: formula-plan')
      .replace('title: Incident Commander', 'title: "=HYPERLINK(\\"http://example.invalid\\",\\"x\\")"')
      .replace('title: Cloud Security Analyst', 'title: "+1+1"')
      .replace('title: Legal & Compliance Officer', 'title: "-2+3"')
      .replace('title: Communications Lead', 'title: "@SUM(1,2)"');
    writeFileSync(join(folder, 'library', 'formula.plan.yaml'), plan);
    const result = await cli(['coverage', '--data-dir', folder, '--format', 'csv']);
    expect(result.code).toBe(0);
    const roles = (parse(result.stdout, { columns: true }) as Record<string, string>[]).filter((r) => r.area === 'role' && r.plan_id === 'formula-plan').map((r) => r.title);
    expect(roles).toEqual(expect.arrayContaining(['\'=HYPERLINK("http://example.invalid","x")', "'+1+1", "'-2+3", "'@SUM(1,2)"]));
  });

  it('refuses an unknown format in one line', async () => {
    const result = await cli(['coverage', '--data-dir', root, '--format', 'xlsx']);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe('firedrill coverage: unknown format "xlsx": use json, navigator or csv\n');
  });

  it('says which of the user\'s library files it left out, one line a file, and still maps the rest', async () => {
    const folder = join(tmp, 'with-broken-library');
    mkdirSync(join(folder, 'library'), { recursive: true });
    const broken = join(folder, 'library', 'broken.scenario.yaml');
    writeFileSync(broken, 'format: firedrill-scenario/1\nid: broken\n');
    const result = await cli(['coverage', '--data-dir', folder]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ scenarios: 10 });
    expect(result.stderr).toMatch(new RegExp(`^firedrill coverage: left out of the library: ${broken.replace(/[.\\/]/g, '\\$&')}:1:1 \\w+: .* \\(and \\d+ more errors in that file: firedrill validate .* lists them\\)\\n$`));
  });

  it('refuses a --data-dir that is not there, rather than mapping a folder of no drills', async () => {
    const missing = join(tmp, 'no-such-data');
    expect(await cli(['coverage', '--data-dir', missing])).toEqual({ code: 1, stdout: '', stderr: `firedrill coverage: no data folder at ${missing}\n` });
    expect(await cli(['history', '--data-dir', missing])).toEqual({ code: 1, stdout: '', stderr: `firedrill history: no data folder at ${missing}\n` });
  });
});
