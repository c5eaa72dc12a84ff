import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { stringify } from 'yaml';
import { planSource, scenarioSource } from '../../engine/format/document-source.js';
import type { Plan } from '../../engine/format/plan.js';
import type { Scenario } from '../../engine/format/scenario.js';
import { MANIFEST, PACK_FORMAT, type PackKind, type PackManifest } from '../../engine/pack/manifest.js';
import type { SessionStarted } from '../../engine/session/journal.js';
import { parseJournal } from '../../engine/session/journal-reader.js';
import { contentHash } from '../../engine/session/hash.js';
import type { Library } from '../../engine/validate/index.js';
import { sessionFiles } from '../history/collect-drills.js';
import { bundledScenariosDir } from '../library/bundled.js';
import { loadCombinedLibrary } from '../library/user-library.js';
import { dataPaths } from '../storage/data-dir.js';
import { VersionStore } from '../storage/version-store.js';

// Writing a pack: the files, then a manifest of their SHA-256 hashes and sizes, zipped with a
// fixed date so that the same content always makes the same bytes.

/** A file of a pack: its path in the pack and its bytes. */
export interface PackFile {
  path: string;
  bytes: Uint8Array;
}

const FIXED_DATE = new Date(Date.UTC(2020, 0, 1));
const utf8 = (text: string) => new TextEncoder().encode(text);

export const hexSha256 = (bytes: Uint8Array) => bytesToHex(sha256(bytes));

/** The pack's bytes: its manifest first, then its files in path order. */
export function buildPack(kind: PackKind, title: string, files: PackFile[], createdBy = 'Firedrill'): { bytes: Uint8Array; manifest: PackManifest } {
  const sorted = [...new Map(files.map((file) => [file.path, file])).values()].sort((a, b) => a.path.localeCompare(b.path));
  const manifest: PackManifest = {
    format: PACK_FORMAT,
    kind,
    title,
    createdBy,
    entries: sorted.map((file) => ({ path: file.path, sha256: hexSha256(file.bytes), bytes: file.bytes.length })),
  };
  const zipped = zipSync(
    Object.fromEntries([[MANIFEST, utf8(`${JSON.stringify(manifest, null, 2)}\n`)], ...sorted.map((file) => [file.path, file.bytes] as const)]),
    { level: 6, mtime: FIXED_DATE },
  );
  return { bytes: zipped, manifest };
}

/** A document of the library with the text of its file. */
export interface DocumentText {
  id: string;
  text: string;
}

export interface LibraryPackContent {
  plans: DocumentText[];
  scenarios: DocumentText[];
  /** Scripts by scenario id and name. */
  scripts: (DocumentText & { scenario: string })[];
}

/** The files of a library pack: plans, scenarios and response scripts. */
export function libraryPackFiles(content: LibraryPackContent): PackFile[] {
  return [
    ...content.plans.map((plan) => ({ path: `plans/${plan.id}.plan.yaml`, bytes: utf8(plan.text) })),
    ...content.scenarios.map((scenario) => ({ path: `scenarios/${scenario.id}.scenario.yaml`, bytes: utf8(scenario.text) })),
    ...content.scripts.map((script) => ({ path: `scripts/${script.scenario}/${script.id}.script.yaml`, bytes: utf8(script.text) })),
  ];
}

/** A kept version as a file of its own kind (its durations as text again): validating it gives the same hash. */
export function versionFile(kind: 'plan' | 'scenario', document: Plan | Scenario): PackFile {
  const hash = contentHash(document).slice('sha256:'.length);
  const source = kind === 'plan' ? planSource(document as Plan) : scenarioSource(document as Scenario);
  const header = `# ${kind} "${document.id}" as a session used it (version sha256:${hash}); written by Firedrill from the kept version.\n`;
  return { path: `versions/${hash}.${kind}.yaml`, bytes: utf8(header + stringify(source, { lineWidth: 0, aliasDuplicateObjects: false })) };
}

/** Where the file of a library document is: the bundled folder, the user's library folder, or as named. */
function fileText(root: string, file: string): string {
  for (const path of [join(bundledScenariosDir(), file), join(dataPaths(root).library, file), file]) {
    if (existsSync(path)) return readFileSync(path, 'utf8');
  }
  throw new Error(`the file ${file} of the library cannot be found`);
}

export interface ExercisePack {
  bytes: Uint8Array;
  manifest: PackManifest;
  sessions: string[];
  /** Sessions left out, and why. */
  skipped: { sessionId: string; reason: string }[];
}

/**
 * A whole exercise: the scenario and its plan as they are now, its response scripts, every
 * session of it in the data folder (active and archived) with its edited improvement plan, and
 * the versions of the scenario and plan the sessions were recorded with, when they differ from now.
 */
export function exportExercisePack(root: string, bundled: Library, scenarioId: string): ExercisePack {
  const combined = loadCombinedLibrary(root, bundled);
  const scenario = combined.library.scenarios.get(scenarioId);
  if (!scenario) throw new PackExportProblem(`there is no scenario "${scenarioId}" in the library`);
  const plan = combined.library.plans.get(scenario.scenario.plan)!;
  const origin = (kind: string, id: string) => combined.origins.get(`${kind}:${id}`)!.file;
  const files: PackFile[] = [
    { path: `plans/${plan.plan.id}.plan.yaml`, bytes: utf8(fileText(root, origin('plan', plan.plan.id))) },
    { path: `scenarios/${scenarioId}.scenario.yaml`, bytes: utf8(fileText(root, origin('scenario', scenarioId))) },
  ];
  for (const script of combined.library.scripts.get(scenarioId)?.values() ?? []) {
    files.push({ path: `scripts/${scenarioId}/${script.script.name}.script.yaml`, bytes: utf8(readFileSync(scriptPath(root, script.file), 'utf8')) });
  }
  const versions = new VersionStore(root);
  const current = new Set([contentHash(plan.plan), contentHash(scenario.scenario)]);
  const sessions: string[] = [];
  const skipped: ExercisePack['skipped'] = [];
  for (const file of sessionFiles(root)) {
    const text = readFileSync(file.path, 'utf8');
    const { entries, errors } = parseJournal(text);
    const started = entries[0] as SessionStarted | undefined;
    if (!started || started.scenarioId !== scenarioId) continue;
    if (errors.length > 0) {
      skipped.push({ sessionId: started.sessionId, reason: `its journal is damaged (line ${errors[0]!.line}: ${errors[0]!.message})` });
      continue;
    }
    const needed: PackFile[] = [];
    let missing: string | undefined;
    for (const [kind, hash] of [['plan', started.planHash], ['scenario', started.scenarioHash]] as const) {
      if (current.has(hash)) continue;
      const kept = versions.get(hash);
      if (!kept) missing = `the ${kind} version it was recorded with (${hash.slice(0, 19)}) is not kept in this data folder`;
      else needed.push(versionFile(kind, kept.document));
    }
    if (missing) {
      skipped.push({ sessionId: started.sessionId, reason: missing });
      continue;
    }
    files.push(...needed, { path: `sessions/${started.sessionId}.jsonl`, bytes: utf8(text) });
    const improvements = join(dataPaths(root).improvements, `${started.sessionId}.json`);
    if (existsSync(improvements)) files.push({ path: `improvements/${started.sessionId}.json`, bytes: readFileSync(improvements) });
    sessions.push(started.sessionId);
  }
  const { bytes, manifest } = buildPack('exercise', `Exercise: ${scenario.scenario.title}`, files);
  return { bytes, manifest, sessions, skipped };
}

/** A script of the combined library: bundled scripts are named relative to the bundled folder, the user's relative to theirs. */
function scriptPath(root: string, file: string): string {
  for (const path of [join(bundledScenariosDir(), file), join(dataPaths(root).library, file), file]) if (existsSync(path)) return path;
  return file;
}

export class PackExportProblem extends Error {
  override name = 'PackExportProblem';
}
