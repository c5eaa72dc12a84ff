import { sessionMetrics } from '../metrics.js';
import type { ScoringFacts } from '../facts.js';
import { scoredFinding, type ScoredFinding } from '../findings.js';
import { weightedCredit } from '../rules.js';
import type { Metric } from '../scorecard.js';

export interface TimelinessScore {
  metrics: Metric[];
  findings: ScoredFinding[];
  /** Mean credit of the three times: within the target 1, within twice the target ½, else 0. */
  fraction: number | null;
}

const credit = (m: Metric) => (m.minutes === null ? 0 : m.minutes <= m.targetMinutes ? 1 : m.minutes <= 2 * m.targetMinutes ? 0.5 : 0);

/** Time to detect, contain and recover against the plan's targets for the scenario's severity. */
export function scoreTimeliness(facts: ScoringFacts): TimelinessScore {
  const { index, context, takes } = facts;
  const metrics = sessionMetrics(context.milestones, index.scenario.groundTruth.compromiseAt, index.expectedLevel);
  const detectedAt = context.milestones.detected;
  const detectionSeq = detectedAt === undefined ? null : takes.find((t) => t.completesAt === detectedAt)?.seq ?? null;
  const findings = metrics.map((metric): ScoredFinding => {
    const subject = { kind: 'metric', id: metric.milestone } as const;
    const figures = { minutes: metric.minutes, targetMinutes: metric.targetMinutes };
    if (metric.minutes === null) {
      return metric.milestone === 'detected'
        ? scoredFinding('not-detected', 'improvement', subject, [], null, figures)
        : scoredFinding('target-missed', 'improvement', subject, [], null, figures);
    }
    if (!metric.met) {
      return metric.milestone === 'detected'
        ? scoredFinding('late-detection', 'improvement', subject, [detectionSeq], null, figures)
        : scoredFinding('target-missed', 'improvement', subject, [], null, figures);
    }
    return scoredFinding('target-met', 'strength', subject, [], null, figures);
  });
  return { metrics, findings, fraction: weightedCredit(metrics.map((m) => ({ credit: credit(m), weight: 1 }))) };
}
