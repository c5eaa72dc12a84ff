import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { MAX_SOURCE_CHARS, type LocatedError, type SourceText } from '../../engine/validate/index.js';

const YAML_FILE = /\.ya?ml$/i;
const MODEL_FILE = /\.model\.ya?ml$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface ReadResult {
  sources: SourceText[];
  /** Files that could not be read as text at all: binary, too large, missing. */
  unreadable: LocatedError[];
}

/**
 * Collects the YAML files under the given files and folders. A file is named as the user
 * would type it (relative to cwd where it can be) so errors point where they look.
 */
export function readSources(paths: readonly string[], cwd: string): ReadResult {
  const result: ReadResult = { sources: [], unreadable: [] };
  const seen = new Set<string>();
  const seenFolders = new Set<string>();
  const display = (absolute: string) => {
    const rel = relative(cwd, absolute);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolute;
  };
  const fail = (absolute: string, message: string) => result.unreadable.push({ file: display(absolute), line: 1, column: 1, path: '', message });

  const visit = (absolute: string, named: boolean) => {
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      fail(absolute, 'no such file or folder');
      return;
    }
    if (stats.isDirectory()) {
      // A folder reached twice (through a symbolic link back up the tree) is read once.
      const real = realpathSync(absolute);
      if (seenFolders.has(real)) return;
      seenFolders.add(real);
      let entries: string[];
      try {
        entries = readdirSync(absolute).sort();
      } catch (error) {
        fail(absolute, `this folder cannot be read (${reason(error)})`);
        return;
      }
      for (const entry of entries) {
        if (entry.startsWith('.') || entry === 'node_modules') continue;
        visit(join(absolute, entry), false);
      }
      return;
    }
    // Inside folders only YAML files count, but response models (read with the scenario they
    // play, by simulate --model), which may sit beside a team's scenarios; a file named on the
    // command line is always read.
    if (!named && (!YAML_FILE.test(absolute) || MODEL_FILE.test(absolute))) return;
    const real = realpathSync(absolute);
    if (seen.has(real)) return;
    seen.add(real);
    if (!stats.isFile()) {
      fail(absolute, 'this is not a regular file (a device, socket or pipe), so it is not read');
      return;
    }
    if (stats.size > MAX_SOURCE_CHARS * 4) {
      fail(absolute, `the file is ${(stats.size / 1e6).toFixed(1)} MB; a plan, scenario or script is at most ${MAX_SOURCE_CHARS / 1e6} MB`);
      return;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(absolute);
    } catch (error) {
      fail(absolute, `this file cannot be read (${reason(error)})`);
      return;
    }
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      fail(absolute, 'this is a binary file (not UTF-8 text), not YAML');
      return;
    }
    result.sources.push({ file: display(absolute), text: text.replace(/^\uFEFF/, '') });
  };
  for (const path of paths) visit(resolve(cwd, path), true);
  return result;
}

/** The system's reason, without the stack or the path (the error names the file already). */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? (error instanceof Error ? error.message.split('\n')[0]! : String(error));
}
