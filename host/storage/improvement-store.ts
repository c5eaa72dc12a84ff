import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { improvementPlanSchema, type ImprovementEdit } from '../../engine/report/improvement-plan.js';
import { moveFile, writeFileAtomic } from './atomic-file.js';
import { dataPaths } from './data-dir.js';
import { StorageError } from './storage-error.js';

// The facilitator's edited improvement plans: one small JSON file per session in
// improvements/, written atomically. Kept apart from the journal, which records the drill
// itself; the plan is edited after the drill and may be edited again.

export const IMPROVEMENTS_FORMAT = 'firedrill-improvements/1';

const fileSchema = z.strictObject({ format: z.literal(IMPROVEMENTS_FORMAT), sessionId: z.string(), items: improvementPlanSchema });

export class ImprovementStore {
  private readonly dir: string;
  private readonly trash: string;

  constructor(root: string) {
    const paths = dataPaths(root);
    this.dir = paths.improvements;
    this.trash = paths.trash;
  }

  private path(sessionId: string): string {
    return join(this.dir, `${sessionId}.json`);
  }

  /** The edited plan of a session, or null when it has none. */
  read(sessionId: string): ImprovementEdit[] | null {
    const path = this.path(sessionId);
    if (!existsSync(path)) return null;
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      throw new StorageError('corrupt', `the improvement plan of session ${sessionId} is damaged (${path} is not JSON): save the plan again to replace it`);
    }
    const checked = fileSchema.safeParse(data);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      throw new StorageError('corrupt', `the improvement plan of session ${sessionId} is damaged (${path}: ${issue.path.join('.')}: ${issue.message}): save the plan again to replace it`);
    }
    return checked.data.items;
  }

  /** Saves the edited plan; null removes it so the generated plan applies again. */
  write(sessionId: string, items: readonly ImprovementEdit[] | null): void {
    const path = this.path(sessionId);
    if (items === null) {
      // Back to the generated plan: the edited one goes to the trash folder, as deleted files do.
      if (existsSync(path)) {
        mkdirSync(this.trash, { recursive: true });
        moveFile(path, trashName(this.trash, sessionId));
      }
      return;
    }
    mkdirSync(this.dir, { recursive: true });
    writeFileAtomic(path, `${JSON.stringify({ format: IMPROVEMENTS_FORMAT, sessionId, items }, null, 2)}\n`);
  }
}

/** A name in the trash folder not taken yet: an earlier plan set aside is never overwritten. */
function trashName(trash: string, sessionId: string): string {
  for (let n = 1; ; n++) {
    const path = join(trash, `${sessionId}${n === 1 ? '' : `.${n}`}.improvements.json`);
    if (!existsSync(path)) return path;
  }
}
