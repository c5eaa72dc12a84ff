import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { DrillLabel } from '../../engine/protocol/results.js';
import { writeFileAtomic } from './atomic-file.js';
import { dataPaths } from './data-dir.js';
import { StorageError } from './storage-error.js';

// The history's labels of drills ("test run", "aborted") and the drills left out of its
// figures: one small JSON file in the data folder, written atomically. Kept apart from the
// journals, which record what happened in a drill; a label is the programme's view of it and
// may change.

export const DRILL_LABELS_FORMAT = 'firedrill-drill-labels/1';

const entrySchema = z.strictObject({ label: z.string().nullable(), excluded: z.boolean() });
const fileSchema = z.strictObject({ format: z.literal(DRILL_LABELS_FORMAT), drills: z.record(z.string(), entrySchema) });

export type DrillLabels = ReadonlyMap<string, DrillLabel>;

export class DrillLabelStore {
  private readonly path: string;

  constructor(root: string) {
    this.path = dataPaths(root).drillLabels;
  }

  /** Every labelled or excluded drill, by session id. */
  read(): DrillLabels {
    if (!existsSync(this.path)) return new Map();
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch {
      throw new StorageError('corrupt', `the history's drill labels are damaged (${this.path} is not JSON): move the file away to start again`);
    }
    const checked = fileSchema.safeParse(data);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      throw new StorageError('corrupt', `the history's drill labels are damaged (${this.path}: ${issue.path.join('.')}: ${issue.message}): move the file away to start again`);
    }
    return new Map(Object.entries(checked.data.drills).map(([sessionId, entry]) => [sessionId, { sessionId, ...entry }]));
  }

  /** Changes one drill's label and/or exclusion (what is left out stays as it was); returns the drill's entry. */
  change(sessionId: string, change: { label?: string | null; excluded?: boolean }): DrillLabel {
    const drills = new Map(this.read());
    const before = drills.get(sessionId) ?? { sessionId, label: null, excluded: false };
    const after: DrillLabel = { sessionId, label: change.label === undefined ? before.label : change.label, excluded: change.excluded ?? before.excluded };
    if (after.label === null && !after.excluded) drills.delete(sessionId);
    else drills.set(sessionId, after);
    const sorted = [...drills.values()].sort((a, b) => a.sessionId.localeCompare(b.sessionId));
    writeFileAtomic(this.path, `${JSON.stringify({ format: DRILL_LABELS_FORMAT, drills: Object.fromEntries(sorted.map(({ sessionId: id, label, excluded }) => [id, { label, excluded }])) }, null, 2)}\n`);
    return after;
  }
}
