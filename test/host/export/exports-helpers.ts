// Shared set-up of the export tests: journals played from the bundled scenarios' response
// scripts, written to a temporary folder as the app writes them, the CLI run in-process, and
// readers that open the exported files with libraries other than the ones that wrote them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { playScript } from '../../../engine/session/play-script.js';
import { serializeEntry } from '../../../engine/session/journal.js';
import { scoreSession } from '../../../engine/scoring/score.js';
import type { Scorecard } from '../../../engine/scoring/scorecard.js';
import { main } from '../../../host/cli/main.js';
import { bundledLibrary, loadableBundledWorlds } from '../../helpers/world.js';

export interface PlayedJournal {
  scenarioId: string;
  script: string;
  path: string;
  card: Scorecard;
}

/** Every bundled scenario that has the script, played and written as a journal file (JSON Lines). */
export function playBundledScripts(folder: string, scripts: readonly string[] = ['exemplary', 'flawed']): PlayedJournal[] {
  mkdirSync(folder, { recursive: true });
  const library = bundledLibrary();
  return loadableBundledWorlds().flatMap((world) =>
    scripts.flatMap((name) => {
      const script = library.scripts.get(world.id)?.get(name)?.script;
      if (!script) return [];
      const session = playScript(world.plan, world.scenario, script);
      const path = join(folder, `${world.id}.${name}.jsonl`);
      writeJournal(path, session.journal);
      return [{ scenarioId: world.id, script: name, path, card: scoreSession(session) }];
    }));
}

export function writeJournal(path: string, entries: readonly Parameters<typeof serializeEntry>[0][]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, entries.map((e) => `${serializeEntry(e)}\n`).join(''));
}

/** The command line, in-process, with the environment given (never the real data folder). */
export async function cli(argv: string[], env: Record<string, string | undefined> = {}, cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd, env });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A failed command: exit 1, one line on stderr, no stack trace, nothing on stdout. */
export function oneLineError(result: { code: number; stdout: string; stderr: string }): string {
  if (result.code !== 1) throw new Error(`expected exit code 1, got ${result.code}: ${result.stderr}`);
  if (result.stdout !== '') throw new Error(`expected nothing on stdout, got ${result.stdout}`);
  if (result.stderr.includes('    at ')) throw new Error(`a stack trace on stderr: ${result.stderr}`);
  const lines = result.stderr.trimEnd().split('\n');
  if (lines.length !== 1 || !result.stderr.endsWith('\n')) throw new Error(`expected one line on stderr, got: ${result.stderr}`);
  return lines[0]!;
}

const STANDARD_FONTS = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts/')).pathname;

/** A PDF read back with pdf.js: each page's text (items joined, spaces collapsed) and size in points. */
export async function readPdf(bytes: Uint8Array): Promise<{ pages: string[]; text: string; sizes: { width: number; height: number }[] }> {
  const doc = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: STANDARD_FONTS, isEvalSupported: false }).promise;
  const pages: string[] = [];
  const sizes: { width: number; height: number }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1 });
    sizes.push({ width: Math.round(viewport.width), height: Math.round(viewport.height) });
    const content = await page.getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
  }
  await doc.destroy();
  return { pages, text: pages.join(' '), sizes };
}

/** src, href or url() that would load something from outside the file. */
export const EXTERNAL_REFERENCE = /(?:\b(?:src|href|xlink:href|action|srcset)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|\/\/))|url\(\s*["']?\s*(?:https?:|\/\/)|@import/i;
