// The worst inputs of the adversarial review (issue 11), made from the bundled public-test-bucket
// scenario: shared by the blocked-server test and `npm run bench`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { bundledScenariosDir } from '../../host/library/bundled.js';
import { COUNT_LIMITS, TEXT_LIMITS } from '../../engine/format/limits.js';

const BASE = join(bundledScenariosDir(), 'public-test-bucket', 'public-test-bucket.scenario.yaml');
const base = () => parse(readFileSync(BASE, 'utf8')) as Record<string, unknown> & { injects: Record<string, unknown>[] };

/**
 * A valid scenario with `count` more injects, each `when` the next one fires, the last one at
 * 1m: the trigger chain whose reachability check was quadratic (97 s for 20,000). Written one
 * inject per line, so that as many as possible fit in an import.
 */
export function chainScenario(count: number, id = 'trigger-chain'): { fileName: string; text: string } {
  const { injects, ...scenario } = base();
  const head = stringify({ ...scenario, id, title: `A chain of ${count} triggered injects` }, { lineWidth: 0 });
  const links = Array.from({ length: count }, (_, i) =>
    `- {id: C${i}, title: L${i}, ${i === count - 1 ? 'at: 1m' : `when: {inject: C${i + 1}}`}, to: [incident-commander], channel: chat, body: x}\n`);
  return { fileName: `${id}.scenario.yaml`, text: `${head}injects:\n${stringify(injects, { lineWidth: 0 })}${links.join('')}` };
}

/** The longest trigger chain, up to `most` injects, whose file fits in `maxChars` (the import limit). */
export function longestChain(most: number, maxChars: number): { fileName: string; text: string; injects: number } {
  let low = 1;
  let high = most;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (chainScenario(middle).text.length <= maxChars) low = middle;
    else high = middle - 1;
  }
  return { ...chainScenario(low), injects: low };
}

/**
 * The PDF writer's worst case that validation still accepts: the title and every inject's title
 * one word at the title limit, every inject's body one word at the body limit.
 */
export function unbrokenWordsScenario(id = 'long-words'): { fileName: string; text: string } {
  const scenario = base();
  scenario.id = id;
  scenario.title = 'A'.repeat(TEXT_LIMITS.title);
  for (const inject of scenario.injects) {
    inject.title = 'T'.repeat(TEXT_LIMITS.title);
    inject.body = 'B'.repeat(TEXT_LIMITS.body);
  }
  return { fileName: `${id}.scenario.yaml`, text: stringify(scenario, { lineWidth: 0 }) };
}

/** The injects the chain may add to the base scenario's own and stay under the inject limit. */
export const chainRoom = () => COUNT_LIMITS.injects - base().injects.length;
