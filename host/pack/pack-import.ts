import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { entryOf, MANIFEST, manifestSchema, newerPackFormat, type EntryType, type PackManifest } from '../../engine/pack/manifest.js';
import type { Plan } from '../../engine/format/plan.js';
import type { Scenario } from '../../engine/format/scenario.js';
import { improvementPlanSchema, type ImprovementEdit } from '../../engine/report/improvement-plan.js';
import { contentHash } from '../../engine/session/hash.js';
import type { SessionStarted } from '../../engine/session/journal.js';
import { parseJournal } from '../../engine/session/journal-reader.js';
import { JournalMismatch, Session } from '../../engine/session/session.js';
import { checkSchema } from '../../engine/validate/schema-issues.js';
import { compareLocatedErrors, loadLibrary, parseYamlSource, type Library, type LoadedPlan, type LocatedError } from '../../engine/validate/index.js';
import { importLibraryFile, loadCombinedLibrary, userSources } from '../library/user-library.js';
import { writeFileAtomic } from '../storage/atomic-file.js';
import { dataPaths } from '../storage/data-dir.js';
import { IMPROVEMENTS_FORMAT, ImprovementStore } from '../storage/improvement-store.js';
import { SessionStore } from '../storage/session-store.js';
import { VersionStore } from '../storage/version-store.js';
import { hexSha256 } from './pack-export.js';
import { unzipChecked, ZipRefusal } from './safe-zip.js';

// Reading a pack: everything is checked before anything is written. The archive (bounded: no
// zip bomb, no path that leaves the pack), the manifest, every file's hash and size, every
// plan, scenario and script (validated like `firedrill validate`), every kept version (its
// hash again), every journal (replayed against the versions it names), every improvement plan;
// then what conflicts with the library and the sessions already here. Only then is it written:
// versions first, then the library, the improvement plans and the sessions.

/** The largest pack read. */
export const MAX_PACK_BYTES = 64 * 1024 * 1024;
const PACK_LIMITS = { entries: 5_001, entryBytes: 32 * 1024 * 1024, totalBytes: 256 * 1024 * 1024 };

/** A pack refused: every problem located (file!entry:line:column). */
export class PackRefusal extends Error {
  override name = 'PackRefusal';
  constructor(
    message: string,
    readonly errors: LocatedError[],
  ) {
    super(message);
  }
}

export interface PackImported {
  kind: PackManifest['kind'];
  title: string;
  /** What was written, by kind: ids (sessions by id); and what was there already, unchanged. */
  written: { plans: string[]; scenarios: string[]; scripts: string[]; versions: string[]; sessions: string[]; improvements: string[] };
  unchanged: string[];
  warnings: string[];
}

interface Checked {
  manifest: PackManifest;
  texts: Map<string, { type: EntryType; ids: string[]; text: string }>;
}

const fatal = new TextDecoder('utf-8', { fatal: true });

/** The archive and its manifest: hashes, sizes, paths; every file decoded as UTF-8 text. */
function openPack(name: string, bytes: Uint8Array): Checked {
  const at = (entry: string | undefined, message: string, line = 1, column = 1, path = ''): LocatedError => ({ file: entry === undefined ? name : `${name}!${entry}`, line, column, path, message });
  if (bytes.length > MAX_PACK_BYTES) throw new PackRefusal(`${name} is ${(bytes.length / 1e6).toFixed(1)} MB: a pack is at most ${MAX_PACK_BYTES / 1024 / 1024} MB`, [at(undefined, 'the pack is too large')]);
  let files: Map<string, Uint8Array>;
  try {
    files = unzipChecked(bytes, PACK_LIMITS);
  } catch (error) {
    if (!(error instanceof ZipRefusal)) throw error;
    throw new PackRefusal(`${name} is not a pack Firedrill can open: ${error.message}`, error.problems.map((p) => at(p.entry, p.message)));
  }
  const manifestBytes = files.get(MANIFEST);
  if (!manifestBytes) throw new PackRefusal(`${name} has no ${MANIFEST}: it is not a Firedrill pack`, [at(undefined, `no ${MANIFEST} in the archive`)]);
  let manifestText: string;
  try {
    manifestText = fatal.decode(manifestBytes);
  } catch {
    throw new PackRefusal(`${name}: ${MANIFEST} is not UTF-8 text`, [at(MANIFEST, 'not UTF-8 text')]);
  }
  const parsed = parseYamlSource(`${name}!${MANIFEST}`, manifestText);
  if (!parsed.ok) throw new PackRefusal(`${name}: ${MANIFEST} cannot be read`, parsed.errors);
  const newer = newerPackFormat(parsed.source.value);
  if (newer) throw new PackRefusal(`${name} was written by a newer Firedrill; nothing was imported`, [parsed.source.error(['format'], newer)]);
  const checked = checkSchema(manifestSchema, parsed.source.value);
  if (!checked.success) throw new PackRefusal(`${name}: ${MANIFEST} is not a pack manifest`, checked.issues.map((issue) => parsed.source.error(issue.path, issue.message, { atKey: issue.atKey })));
  const manifest = checked.data;
  const errors: LocatedError[] = [];
  const texts: Checked['texts'] = new Map();
  const listed = new Set<string>();
  manifest.entries.forEach((entry, index) => {
    const here = (message: string) => errors.push(parsed.source.error(['entries', index, 'path'], message));
    if (listed.has(entry.path)) return here(`${entry.path} is listed twice`);
    listed.add(entry.path);
    const kind = entryOf(entry.path);
    if (!kind) return here(`${JSON.stringify(entry.path.slice(0, 100))} is not a path a pack holds (plans/, scenarios/, scripts/, sessions/, improvements/, versions/)`);
    const content = files.get(entry.path);
    if (!content) return here(`${entry.path} is listed but not in the archive`);
    if (content.length !== entry.bytes || hexSha256(content) !== entry.sha256) {
      return errors.push(at(entry.path, `the content is not what the manifest says (${content.length} bytes, SHA-256 ${hexSha256(content).slice(0, 12)}...; the manifest says ${entry.bytes} bytes, ${entry.sha256.slice(0, 12)}...): the pack was changed or damaged`));
    }
    try {
      texts.set(entry.path, { ...kind, text: fatal.decode(content).replace(/^\uFEFF/, '') });
    } catch {
      errors.push(at(entry.path, 'not UTF-8 text'));
    }
  });
  for (const path of files.keys()) if (path !== MANIFEST && !listed.has(path)) errors.push(at(path, 'in the archive but not in the manifest: its hash cannot be checked'));
  if (errors.length > 0) throw new PackRefusal(`${name} fails its manifest (${errors.length} problem${errors.length === 1 ? '' : 's'}); nothing was imported`, errors.sort(compareLocatedErrors));
  return { manifest, texts };
}

const improvementsFileSchema = z.strictObject({ format: z.literal(IMPROVEMENTS_FORMAT), sessionId: z.string(), items: improvementPlanSchema });

interface Planned {
  library: { kind: 'plan' | 'scenario'; id: string; path: string; text: string }[];
  scripts: { scenario: string; name: string; text: string; target: string }[];
  versions: { kind: 'plan' | 'scenario'; document: Plan | Scenario }[];
  sessions: { sessionId: string; path: string; text: string }[];
  improvements: { sessionId: string; items: ImprovementEdit[] }[];
  unchanged: string[];
  warnings: string[];
  byHash: Map<string, Plan | Scenario>;
}

/**
 * Checks a pack against this data folder and says what importing it would write. Throws
 * PackRefusal with every problem, located; writes nothing.
 */
export function checkPack(root: string, bundled: Library, name: string, bytes: Uint8Array, options: { asNewVersion?: boolean } = {}): Planned & { manifest: PackManifest } {
  const { manifest, texts } = openPack(name, bytes);
  const file = (path: string) => `${name}!${path}`;
  const errors: LocatedError[] = [];
  const of = (type: EntryType) => [...texts.entries()].filter(([, entry]) => entry.type === type);
  /** An error at a field of a document of the pack (its id, its name), at the line that has it. */
  const atField = (path: string, field: string, message: string): LocatedError => {
    const parsed = parseYamlSource(file(path), texts.get(path)!.text);
    return parsed.ok ? parsed.source.error([field], message) : { file: file(path), line: 1, column: 1, path: field, message };
  };
  const asNewVersion = 'import the pack as new versions ("Replace mine as new versions" in the app, --as-new-version on the command line) to replace it';
  const combined = loadCombinedLibrary(root, bundled);
  const local = combined.library;
  const versions = new VersionStore(root);

  // Plans, scenarios and scripts: validated together, against the library here for what they reference.
  const documents = [...of('plan'), ...of('scenario'), ...of('script')];
  const checked = loadLibrary(documents.map(([path, entry]) => ({ file: file(path), text: entry.text })), local);
  for (const report of checked.reports) errors.push(...report.errors);
  const pathOf = new Map(documents.map(([path]) => [file(path), path]));
  for (const report of checked.reports) {
    const entry = texts.get(pathOf.get(report.file)!)!;
    const expected = entry.type === 'script' ? entry.ids[1] : entry.ids[0];
    if (report.errors.length === 0 && report.id !== expected) errors.push({ file: report.file, line: 1, column: 1, path: entry.type === 'script' ? 'name' : 'id', message: `the file is named for ${JSON.stringify(expected)} but holds ${JSON.stringify(report.id)}` });
  }
  for (const [, named] of checked.scripts) {
    for (const script of named.values()) {
      const entry = texts.get(pathOf.get(script.file)!)!;
      if (entry.ids[0] !== script.script.scenario) errors.push({ file: script.file, line: 1, column: 1, path: 'scenario', message: `the file sits under scripts/${entry.ids[0]}/ but plays scenario "${script.script.scenario}"` });
    }
  }

  // The documents the journals may name, by hash: the pack's own, its versions, then the ones here.
  const byHash = new Map<string, Plan | Scenario>();
  for (const loaded of checked.plans.values()) byHash.set(contentHash(loaded.plan), loaded.plan);
  for (const loaded of checked.scenarios.values()) byHash.set(contentHash(loaded.scenario), loaded.scenario);
  const journals = of('journal').map(([path, entry]) => ({ path, entry, parsed: parseJournal(entry.text) }));
  const startedOf = (journal: (typeof journals)[number]) => journal.parsed.entries[0] as SessionStarted | undefined;
  const planHashFor = new Map(journals.flatMap((journal) => (startedOf(journal) ? [[startedOf(journal)!.scenarioHash, startedOf(journal)!.planHash] as const] : [])));
  const findPlan = (hash: string | undefined, id: string): Plan | undefined =>
    (hash !== undefined ? ((byHash.get(hash) as Plan | undefined) ?? versions.plan(hash) ?? [...local.plans.values()].find((p) => contentHash(p.plan) === hash)?.plan) : undefined)
    ?? checked.plans.get(id)?.plan ?? local.plans.get(id)?.plan;
  const versionEntries: Planned['versions'] = [];
  // Plan versions first: scenario versions are validated against the plan they were used with.
  for (const type of ['plan-version', 'scenario-version'] as const) {
    for (const [path, entry] of of(type)) {
      const kind = type === 'plan-version' ? 'plan' : 'scenario';
      const hash = `sha256:${entry.ids[0]}`;
      const raw = parseYamlSource(file(path), entry.text);
      const planId = raw.ok ? String((raw.source.value as { plan?: unknown }).plan ?? '') : '';
      const plan = kind === 'scenario' ? findPlan(planHashFor.get(hash), planId) : undefined;
      const references: Library = { plans: new Map(plan ? [[plan.id, { kind: 'plan', file: `plan ${plan.id}`, plan } as unknown as LoadedPlan]] : []), scenarios: new Map(), scripts: new Map(), reports: [] };
      const version = loadLibrary([{ file: file(path), text: entry.text }], references);
      const report = version.reports[0]!;
      if (report.errors.length > 0) {
        errors.push(...report.errors);
        continue;
      }
      const document = kind === 'plan' ? [...version.plans.values()][0]?.plan : [...version.scenarios.values()][0]?.scenario;
      if (!document) {
        errors.push({ file: file(path), line: 1, column: 1, path: 'format', message: `a ${kind} version holds a ${kind}` });
        continue;
      }
      if (contentHash(document) !== hash) {
        errors.push({ file: file(path), line: 1, column: 1, path: '', message: `this ${kind} has the content hash ${contentHash(document).slice(0, 19)}..., not the one its name says` });
        continue;
      }
      byHash.set(hash, document);
      versionEntries.push({ kind, document });
    }
  }

  // Journals: each replayed against the very versions it names.
  const sessions: Planned['sessions'] = [];
  const sessionsUnchanged: string[] = [];
  const store = new SessionStore(root);
  const sessionIds = new Set<string>();
  for (const journal of journals) {
    const { path, entry, parsed } = journal;
    const here = (line: number, message: string, field = '') => errors.push({ file: file(path), line, column: 1, path: field, message });
    for (const problem of parsed.errors) here(problem.line, problem.message);
    if (parsed.torn !== undefined) here(entry.text.split('\n').length, 'the last line is cut off (the file ends in the middle of an entry)');
    const started = startedOf(journal);
    if (parsed.errors.length > 0 || parsed.torn !== undefined) continue;
    if (!started) {
      here(1, 'the journal is empty');
      continue;
    }
    if (started.sessionId !== entry.ids[0]) here(1, `the file is named for session ${entry.ids[0]} but holds session ${started.sessionId}`, 'sessionId');
    sessionIds.add(started.sessionId);
    const scenario = (byHash.get(started.scenarioHash) as Scenario | undefined) ?? versions.scenario(started.scenarioHash) ?? [...local.scenarios.values()].find((s) => contentHash(s.scenario) === started.scenarioHash)?.scenario;
    const plan = (byHash.get(started.planHash) as Plan | undefined) ?? versions.plan(started.planHash) ?? [...local.plans.values()].find((p) => contentHash(p.plan) === started.planHash)?.plan;
    if (!scenario || !plan) {
      here(1, `the session was recorded with ${!scenario ? `scenario "${started.scenarioId}" version ${started.scenarioHash.slice(0, 19)}` : `plan "${started.planId}" version ${started.planHash.slice(0, 19)}`}, which neither the pack nor this data folder has`, !scenario ? 'scenarioHash' : 'planHash');
      continue;
    }
    byHash.set(started.scenarioHash, scenario);
    byHash.set(started.planHash, plan);
    try {
      Session.replay(parsed.entries, plan, scenario);
    } catch (error) {
      if (!(error instanceof JournalMismatch)) throw error;
      const seq = /entry (\d+)/.exec(error.message)?.[1];
      here(seq ? Number(seq) : 1, `the journal does not replay: ${error.message}`);
      continue;
    }
    const existing = [store.journalPath(started.sessionId), join(dataPaths(root).archive, `${started.sessionId}.jsonl`)].find((p) => existsSync(p));
    if (existing) {
      // Imported before: the same journal (the import may have ended it with one more line).
      if (readFileSync(existing, 'utf8').startsWith(entry.text)) sessionsUnchanged.push(started.sessionId);
      else here(1, `a different session ${started.sessionId} already exists in this data folder; nothing was imported`, 'sessionId');
      continue;
    }
    sessions.push({ sessionId: started.sessionId, path, text: entry.text });
  }
  // Improvement plans: of a session of the pack or of this data folder.
  const improvements: Planned['improvements'] = [];
  for (const [path, entry] of of('improvements')) {
    const parsed = parseYamlSource(file(path), entry.text);
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      continue;
    }
    const plan = checkSchema(improvementsFileSchema, parsed.source.value);
    if (!plan.success) {
      errors.push(...plan.issues.map((issue) => parsed.source.error(issue.path, issue.message, { atKey: issue.atKey })));
      continue;
    }
    const sessionId = entry.ids[0]!;
    if (plan.data.sessionId !== sessionId) errors.push(parsed.source.error(['sessionId'], `the file is named for session ${sessionId} but is the plan of session ${plan.data.sessionId}`));
    else if (!sessionIds.has(sessionId) && !existsSync(store.journalPath(sessionId))) errors.push(parsed.source.error(['sessionId'], `session ${sessionId} is neither in the pack nor in this data folder`));
    else improvements.push({ sessionId, items: plan.data.items });
  }

  // What the library here already has: the same content is left alone; other content under the same id is a conflict.
  const unchanged: string[] = [];
  const warnings: string[] = [];
  const library: Planned['library'] = [];
  const usedByJournal = new Set(journals.flatMap((journal) => (startedOf(journal) ? [startedOf(journal)!.planHash, startedOf(journal)!.scenarioHash] : [])));
  for (const [kind, loadedDocs] of [['plan', checked.plans], ['scenario', checked.scenarios]] as const) {
    for (const loaded of loadedDocs.values()) {
      const document = kind === 'plan' ? (loaded as { plan: Plan }).plan : (loaded as { scenario: Scenario }).scenario;
      const path = pathOf.get(loaded.file)!;
      const here = local[kind === 'plan' ? 'plans' : 'scenarios'].get(document.id) as { plan?: Plan; scenario?: Scenario } | undefined;
      const mine = here ? (kind === 'plan' ? here.plan! : here.scenario!) : undefined;
      const origin = combined.origins.get(`${kind}:${document.id}`);
      if (mine && contentHash(mine) === contentHash(document)) {
        unchanged.push(`${kind} ${document.id}`);
        continue;
      }
      if (mine && origin?.source === 'bundled') {
        if (usedByJournal.has(contentHash(document))) {
          versionEntries.push({ kind, document });
          warnings.push(`${kind} "${document.id}" of the pack is another version of the bundled ${kind}: kept as the version its sessions used; the library keeps the bundled one`);
        } else {
          errors.push(atField(path, 'id', `${kind} id "${document.id}" is used by a bundled ${kind} with other content; give yours another id`));
        }
        continue;
      }
      if (mine && !options.asNewVersion) {
        errors.push(atField(path, 'id', `your library already has ${kind} "${document.id}" with other content (${origin?.file}); ${asNewVersion}: past drills keep the version they used`));
        continue;
      }
      library.push({ kind, id: document.id, path, text: texts.get(path)!.text });
    }
  }
  const scripts: Planned['scripts'] = [];
  for (const [scenarioId, named] of checked.scripts) {
    for (const script of named.values()) {
      const there = local.scripts.get(scenarioId)?.get(script.script.name);
      const target = `${scenarioId}.${script.script.name}.script.yaml`;
      if (there && contentHash(there.script) === contentHash(script.script)) {
        unchanged.push(`script ${scenarioId}/${script.script.name}`);
        continue;
      }
      const isUser = there && existsSync(join(dataPaths(root).library, there.file));
      if (there && (!isUser || !options.asNewVersion)) {
        errors.push(atField(pathOf.get(script.file)!, 'name', `scenario "${scenarioId}" already has a response script "${script.script.name}" with other content${isUser ? `; ${asNewVersion}` : ' (bundled); give yours another name'}`));
        continue;
      }
      scripts.push({ scenario: scenarioId, name: script.script.name, text: texts.get(pathOf.get(script.file)!)!.text, target: isUser ? there!.file : target });
    }
  }

  errors.push(...brokenByNewVersions(root, bundled, combined, library, atField));

  if (errors.length > 0) {
    throw new PackRefusal(`${name} cannot be imported (${errors.length} problem${errors.length === 1 ? '' : 's'}); nothing was imported`, errors.sort(compareLocatedErrors));
  }
  for (const sessionId of sessionsUnchanged) unchanged.push(`session ${sessionId}`);
  return { manifest, library, scripts, versions: versionEntries, sessions, improvements, unchanged, warnings, byHash };
}

/**
 * The user's files a pack's new versions would break (a plan's new version without an action a
 * scenario of theirs expects), each located at the pack's plan: found before anything is written,
 * as importing the plan would refuse it after the versions and the plans before it were written.
 */
function brokenByNewVersions(root: string, bundled: Library, combined: ReturnType<typeof loadCombinedLibrary>, library: Planned['library'], atField: (path: string, field: string, message: string) => LocatedError): LocatedError[] {
  const replaced = library.filter((document) => combined.origins.get(`${document.kind}:${document.id}`)?.source === 'user');
  if (replaced.length === 0) return [];
  const replacedFiles = new Set(replaced.map((document) => combined.origins.get(`${document.kind}:${document.id}`)!.file));
  const all = userSources(root).sources;
  const before = loadLibrary(all, bundled);
  const mine = all.filter((source) => !replacedFiles.has(source.file));
  const after = loadLibrary([...mine, ...library.map((document) => ({ file: `${document.id}.${document.kind}.yaml`, text: document.text }))], bundled);
  const errors: LocatedError[] = [];
  const mineFiles = new Set(mine.map((source) => source.file));
  for (const report of after.reports) {
    if (!mineFiles.has(report.file) || report.errors.length === 0 || before.reports.some((was) => was.file === report.file && was.errors.length > 0)) continue;
    const text = mine.find((source) => source.file === report.file)?.text ?? '';
    const plan = replaced.find((document) => document.id === namedIn(text, document.kind)) ?? replaced[0]!;
    errors.push(atField(plan.path, 'id', `this version of ${plan.kind} "${plan.id}" breaks your ${report.file}: ${report.errors[0]!.path ? `${report.errors[0]!.path}: ` : ''}${report.errors[0]!.message}${report.errors.length > 1 ? ` (and ${report.errors.length - 1} more)` : ''}`));
  }
  return errors;
}

/** The plan or scenario a user's file names (plan: ..., scenario: ...), read plainly: a file that no longer validates is not in the loaded library. */
function namedIn(text: string, kind: 'plan' | 'scenario'): string | undefined {
  return new RegExp(`^${kind}:\\s*["']?([A-Za-z0-9][A-Za-z0-9._-]*)`, 'm').exec(text)?.[1];
}

/** Checks a pack, then writes it: versions, the library, improvement plans, sessions. */
export function importPack(root: string, bundled: Library, name: string, bytes: Uint8Array, options: { asNewVersion?: boolean; wallTime: string }): PackImported {
  const planned = checkPack(root, bundled, name, bytes, options);
  const written: PackImported['written'] = { plans: [], scenarios: [], scripts: [], versions: [], sessions: [], improvements: [] };
  const versions = new VersionStore(root);
  for (const version of planned.versions) written.versions.push(versions.keep(version.kind, version.document));
  // The versions the journals use, whatever their source, so that the sessions replay whatever the library becomes.
  for (const session of planned.sessions) {
    const started = parseJournal(session.text).entries[0] as SessionStarted;
    versions.keep('plan', planned.byHash.get(started.planHash) as Plan);
    versions.keep('scenario', planned.byHash.get(started.scenarioHash) as Scenario);
  }
  for (const document of [...planned.library].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'plan' ? -1 : 1))) {
    importLibraryFile(root, bundled, { fileName: `${document.id}.${document.kind}.yaml`, text: document.text, asNewVersion: options.asNewVersion === true });
    written[document.kind === 'plan' ? 'plans' : 'scenarios'].push(document.id);
  }
  const folder = dataPaths(root).library;
  for (const script of planned.scripts) {
    mkdirSync(folder, { recursive: true });
    writeFileAtomic(join(folder, script.target), script.text);
    written.scripts.push(`${script.scenario}/${script.name}`);
  }
  const improvements = new ImprovementStore(root);
  for (const plan of planned.improvements) {
    improvements.write(plan.sessionId, plan.items);
    written.improvements.push(plan.sessionId);
  }
  const store = new SessionStore(root);
  const worlds = (started: SessionStarted) => ({ scenario: planned.byHash.get(started.scenarioHash) as Scenario, plan: planned.byHash.get(started.planHash) as Plan });
  for (const session of planned.sessions) {
    store.import(`${session.sessionId}.jsonl`, session.text, worlds, options.wallTime);
    written.sessions.push(session.sessionId);
  }
  return { kind: planned.manifest.kind, title: planned.manifest.title, written, unchanged: planned.unchanged, warnings: planned.warnings };
}
