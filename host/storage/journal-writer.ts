import { open, type FileHandle } from 'node:fs/promises';
import { serializeEntry, type JournalEntry } from '../../engine/session/journal.js';
import { fileProblem, StorageError } from './storage-error.js';

interface Pending {
  line: string;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Appends journal entries to a session's file. `append` resolves only once the entry's line
 * is written and fsynced, so the caller may acknowledge it then and never lose it. Entries
 * are written in the order appended; those that arrive while an fsync is under way are
 * written together and share the next fsync (group commit).
 */
export class JournalWriter {
  private queue: Pending[] = [];
  private running = false;
  private draining: Promise<void> = Promise.resolve();
  private failure: StorageError | undefined;
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
  ) {}

  static async open(path: string): Promise<JournalWriter> {
    return new JournalWriter(path, await open(path, 'a'));
  }

  append(entry: JournalEntry): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new StorageError('storage', `the journal ${this.path} is closed`));
    const line = `${serializeEntry(entry)}\n`;
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ line, resolve, reject });
      if (!this.running) {
        this.running = true;
        this.draining = this.drain();
      }
    });
  }

  /** Waits for every append under way, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.running) await this.draining;
    await this.handle.close();
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        try {
          const bytes = Buffer.from(batch.map((p) => p.line).join(''), 'utf8');
          for (let offset = 0; offset < bytes.length; ) offset += (await this.handle.write(bytes, offset)).bytesWritten;
          await this.handle.sync();
        } catch (error) {
          // Nothing after a failed write may be acknowledged: the file may end torn.
          this.failure = new StorageError('storage', `the journal could not be written (${fileProblem(error)}); nothing since the last acknowledged entry was saved`);
          for (const pending of [...batch, ...this.queue]) pending.reject(this.failure);
          this.queue = [];
          return;
        }
        for (const pending of batch) pending.resolve();
      }
    } finally {
      // Set synchronously after the last check of the queue: an append cannot slip between.
      this.running = false;
    }
  }
}
