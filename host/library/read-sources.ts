import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { MAX_SOURCE_CHARS, type LocatedError, type SourceText } from '../../engine/validate/index.js';

const YAML_FILE = /\.ya?ml$/i;
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
      for (const entry of readdirSync(absolute).sort()) {
        if (entry.startsWith('.') || entry === 'node_modules') continue;
        visit(join(absolute, entry), false);
      }
      return;
    }
    // Inside folders only YAML files count; a file named on the command line is always read.
    if (!named && !YAML_FILE.test(absolute)) return;
    if (seen.has(absolute)) return;
    seen.add(absolute);
    if (stats.size > MAX_SOURCE_CHARS * 4) {
      fail(absolute, `the file is ${(stats.size / 1e6).toFixed(1)} MB; a plan, scenario or script is at most ${MAX_SOURCE_CHARS / 1e6} MB`);
      return;
    }
    const bytes = readFileSync(absolute);
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
