// Files handed to the app (the command line, a second launch, the Finder, the Open dialog): read
// here, within the size the page may import, and sent to the main window's page.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { fileKind, type OpenedFile } from '../ipc/contract.js';
import { MAX_OPENED_FILE_BYTES, openedFile } from './file-args.js';

/** The file as an OpenedFile event, or null when it is no Firedrill file; throws when it cannot be read. */
export async function readOpenedFile(path: string): Promise<OpenedFile | null> {
  if (fileKind(path) === null) return null;
  const info = await stat(path);
  if (!info.isFile() || info.size > MAX_OPENED_FILE_BYTES) throw new Error(`${basename(path)}: not a file Firedrill can open (a file of at most ${MAX_OPENED_FILE_BYTES / (1024 * 1024)} MB)`);
  return openedFile(path, await readFile(path, 'utf8'));
}

/**
 * Files waiting for the main window, then delivered to it one by one; a file that cannot be
 * read is reported (a dialog in main.ts) and the others still go.
 */
export class FileDelivery {
  private readonly pending: string[] = [];

  constructor(private readonly deliver: { send(file: OpenedFile): void; failed(path: string, error: Error): void }) {}

  /** Queues files until `flush` (the main window is not there yet). */
  queue(paths: readonly string[]): void {
    this.pending.push(...paths);
  }

  /** Delivers the queued files and these. */
  async flush(paths: readonly string[] = []): Promise<void> {
    for (const path of [...this.pending.splice(0), ...paths]) {
      try {
        const file = await readOpenedFile(path);
        if (file) this.deliver.send(file);
      } catch (error) {
        this.deliver.failed(path, error as Error);
      }
    }
  }
}
