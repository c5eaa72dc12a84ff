// The worst inputs of the adversarial review (issue 11), made from the bundled public-test-bucket
// scenario: shared by the blocked-server test and `npm run bench`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { bundledScenariosDir } from '../../host/library/bundled.js';

const BASE = join(bundledScenariosDir(), 'public-test-bucket', 'public-test-bucket.scenario.yaml');
const base = () => parse(readFileSync(BASE, 'utf8')) as Record<string, unknown> & { injects: Record<string, unknown>[] };

/**
 * A valid scenario with `count` more injects, each `when` the next one fires, the last one at
 * 1m: the trigger chain whose reachability check was quadratic (97 s for 20,000).
 */
export function chainScenario(count: number, id = 'trigger-chain'): { fileName: string; text: string } {
  const scenario = base();
  scenario.id = id;
  scenario.title = `A chain of ${count} triggered injects`;
  const chain = Array.from({ length: count }, (_, i) => ({
    id: `CHAIN-${i}`,
    title: `Link ${i} of the chain`,
    ...(i === count - 1 ? { at: '1m' } : { when: { inject: `CHAIN-${i + 1}` } }),
    to: ['cloud-security-analyst'],
    channel: 'email',
    body: 'The next link fired.',
  }));
  scenario.injects = [...scenario.injects, ...chain];
  return { fileName: `${id}.scenario.yaml`, text: stringify(scenario, { lineWidth: 0 }) };
}

/** A valid scenario whose title is one word of `length` characters: the PDF writer's worst case. */
export function longTitleScenario(length: number, id = 'long-title'): { fileName: string; text: string } {
  const scenario = base();
  scenario.id = id;
  scenario.title = 'A'.repeat(length);
  return { fileName: `${id}.scenario.yaml`, text: stringify(scenario, { lineWidth: 0 }) };
}
