import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { planSchema, scenarioSchema, scriptSchema } from '../../engine/format/index.js';
import { modelSchema } from '../../engine/format/model.js';
import type { CliIo } from './io.js';

/** The JSON Schemas editors use for completion and checking, generated from the zod schemas. */
export function jsonSchemas(): Record<string, unknown> {
  const generate = (schema: z.ZodType, title: string) => ({
    ...z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }),
    title,
  });
  return {
    'plan.schema.json': generate(planSchema, 'Firedrill incident response plan'),
    'scenario.schema.json': generate(scenarioSchema, 'Firedrill scenario'),
    'script.schema.json': generate(scriptSchema, 'Firedrill response script'),
    'model.schema.json': generate(modelSchema, 'Firedrill response model'),
  };
}

export function schemaCommand(folder: string, io: CliIo): number {
  const target = resolve(io.cwd, folder);
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    try {
      mkdirSync(target, { recursive: true });
      writeFileSync(join(target, name), JSON.stringify(schema, null, 2) + '\n');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.stderr(`firedrill: cannot write ${join(folder, name)}${code ? ` (${code})` : ''}\n`);
      return 1;
    }
    io.stdout(`wrote ${join(folder, name)}\n`);
  }
  return 0;
}
