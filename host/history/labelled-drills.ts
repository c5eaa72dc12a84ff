import type { Drill } from '../../engine/report/drill-history.js';
import type { Scorecard } from '../../engine/scoring/scorecard.js';
import { DrillLabelStore } from '../storage/drill-labels.js';

/**
 * The drills of a data folder with their history labels (drill-labels.json), split into those
 * the figures count (with their scorecards, in the same order) and those excluded in the
 * History: one rule for the app's history and coverage and for the CLI's.
 */
export function labelledDrills(root: string, collected: { drills: readonly Drill[]; cards: readonly Scorecard[] }): { drills: Drill[]; cards: Scorecard[]; excluded: Drill[] } {
  const labels = new DrillLabelStore(root).read();
  const result: { drills: Drill[]; cards: Scorecard[]; excluded: Drill[] } = { drills: [], cards: [], excluded: [] };
  collected.drills.forEach((drill, i) => {
    const entry = labels.get(drill.sessionId);
    const withLabel = entry?.label ? { ...drill, label: entry.label } : drill;
    if (entry?.excluded) return void result.excluded.push(withLabel);
    result.drills.push(withLabel);
    result.cards.push(collected.cards[i]!);
  });
  return result;
}
