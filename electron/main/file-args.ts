import { basename, isAbsolute, resolve } from 'node:path';
import { MAX_IMPORT_BYTES } from '../../engine/protocol/limits.js';
import { fileKind, type OpenedFile } from '../ipc/contract.js';

/**
 * The Firedrill files named on a command line (the first launch's process.argv, or the argv a
 * second launch hands to the running one): absolute paths, in order, without duplicates.
 * Switches (--flag), Electron's own arguments, the executable and the app folder are skipped:
 * only names with a Firedrill file extension count.
 */
export function filesFromArgv(argv: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') || fileKind(arg) === null) continue;
    const path = isAbsolute(arg) ? arg : resolve(cwd, arg);
    if (!files.includes(path)) files.push(path);
  }
  return files;
}

/** The largest file the app reads when it is opened (a journal of a long drill fits easily). */
/** The most the shell reads of an opened file: what the page imports at most (the protocol's limit). */
export const MAX_OPENED_FILE_BYTES = MAX_IMPORT_BYTES;

/** The OpenedFile event for a path and its text, or null when it is no Firedrill file. */
export function openedFile(path: string, text: string): OpenedFile | null {
  const fileName = basename(path);
  const kind = fileKind(fileName);
  return kind ? { kind, fileName, text } : null;
}

/** The files the Open dialog offers. */
export const OPEN_DIALOG_FILTERS = [{ name: 'Firedrill scenarios, plans and journals', extensions: ['yaml', 'yml', 'jsonl'] }];
