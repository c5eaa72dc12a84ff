import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { SimulationReport } from '../../engine/simulate/report.js';

// The name a saved stress test report is offered under. Two runs of one scenario with the same
// drills and seed but other knobs (one more analyst, a channel off) are two reports: the name
// says the model in words and carries a short hash of the model sent, so they never share a name.

/** The longest the model's words get in a file name; the hash tells apart what they leave out. */
const MAX_WORDS = 48;

/** A title in lower-case words joined by hyphens, fit for a file name on every system. */
const slug = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, MAX_WORDS).replace(/-+$/, '');

/** The first 8 hex digits of the SHA-256 of the model's text: the same knobs give the same digits. */
export const modelDigest = (model: string) => bytesToHex(sha256(utf8ToBytes(model))).slice(0, 8);

/**
 * firedrill-stress-test-<scenario>-<model>-<runs>-runs-seed-<seed>.<ext>, where <model> is
 * "default-model" for a run with no model, else its title in words and the digest of its text.
 */
export function stressReportFileName(report: SimulationReport, model: string | undefined, extension: string): string {
  const modelPart = model === undefined ? 'default-model' : [slug(report.model.title), modelDigest(model)].filter(Boolean).join('-');
  return `firedrill-stress-test-${report.scenarioId}-${modelPart}-${report.runs}-runs-seed-${report.seed}.${extension}`;
}
