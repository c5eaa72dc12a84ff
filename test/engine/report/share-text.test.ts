import { describe, expect, it } from 'vitest';
import { shareText } from '../../../engine/report/figures.js';
import { simulationDocument } from '../../../engine/report/simulation-document.js';
import { documentToMarkdown } from '../../../engine/report/document-markdown.js';
import { simulateHere } from '../../../engine/simulate/simulate.js';
import { bundledWorld } from '../../helpers/simulation.js';

// A stress test's shares to one decimal: a deadline missed in 1 drill of 3,000 is not "0%", nor
// one met in all but one "100%".

describe('a share in words', () => {
  it('is never rounded to 0% or 100% when it is neither', () => {
    expect(shareText(1 / 3000)).toBe('<0.1%');
    expect(shareText(2999 / 3000)).toBe('>99.9%');
    expect(shareText(0)).toBe('0%');
    expect(shareText(1)).toBe('100%');
    expect(shareText(0.1234)).toBe('12.3%');
    expect(shareText(0.0005)).toBe('0.1%');
    expect(shareText(null)).toBe('—');
  });

  it('says a deadline missed once in 3,000 runs as less than 0.1% in the exported report', () => {
    const report = simulateHere({ ...bundledWorld('public-test-bucket'), runs: 20, seed: 1 });
    const breaches = report.breaches.map((b, i) => ({ ...b, probability: i === 0 ? 1 / 3000 : 0 }));
    const markdown = documentToMarkdown(simulationDocument({ ...report, breaches }));
    // Markdown writes "<" escaped.
    expect(markdown).toContain(`| ${breaches[0]!.title} | \\<0.1% |`);
  });
});
