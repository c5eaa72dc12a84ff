import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../../host/cli/schema.js';

// The JSON Schemas in scenarios/schema are what editors complete against; they are generated
// from the zod formats by `npm run schema` and committed. These tests keep them from drifting.
const SCHEMA_DIR = 'scenarios/schema';
const generated = jsonSchemas();

describe('the committed JSON Schemas', () => {
  it('are exactly the ones jsonSchemas() generates (run `npm run schema` after changing a format)', () => {
    expect(readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json')).sort()).toEqual(Object.keys(generated).sort());
    for (const [name, schema] of Object.entries(generated)) {
      expect(readFileSync(join(SCHEMA_DIR, name), 'utf8'), name).toBe(JSON.stringify(schema, null, 2) + '\n');
    }
  });

  it('describe closed documents with a format field, as editors need', () => {
    for (const [name, schema] of Object.entries(generated) as [string, { type?: string; additionalProperties?: unknown; required?: string[]; title?: string }][]) {
      expect(schema.type, name).toBe('object');
      expect(schema.additionalProperties, name).toBe(false);
      expect(schema.required, name).toContain('format');
      expect(schema.title, name).toMatch(/^Firedrill /);
    }
  });
});

// Checking the mini fixtures against the schemas needs a JSON Schema validator. The project has
// no dependency on one; ajv is usually present (ESLint uses it), so use it when it is there.
type Validate = ((data: unknown) => boolean) & { errors?: unknown };
type AjvLike = new (options: Record<string, unknown>) => { compile: (schema: unknown) => Validate };
const ajvModule = 'ajv';
const Ajv = await import(/* @vite-ignore */ ajvModule).then((m: { default: AjvLike }) => m.default, () => undefined);

describe.skipIf(!Ajv)('the mini fixtures against the JSON Schemas (with ajv, when installed)', () => {
  const compile = (name: string) => {
    const ajv = new Ajv!({ allErrors: true, unknownFormats: 'ignore', logger: false, strict: false });
    // Draft 2020-12 as used here reads the same in ajv's default draft; drop the meta-schema id.
    const { $schema: _ignored, ...schema } = generated[name] as Record<string, unknown>;
    return ajv.compile(schema);
  };

  it.each(['plan', 'scenario', 'script'])('mini.%s.yaml is valid against its JSON Schema', (kind) => {
    const validate = compile(`${kind}.schema.json`);
    const data = parse(readFileSync(`test/fixtures/valid/mini.${kind}.yaml`, 'utf8'));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects an unknown field and a bad GuardDuty finding type', () => {
    expect(compile('plan.schema.json')(parse(readFileSync('test/fixtures/broken/plan-unknown-field.plan.yaml', 'utf8')))).toBe(false);
    expect(compile('scenario.schema.json')(parse(readFileSync('test/fixtures/broken/scenario-bad-guardduty-type.scenario.yaml', 'utf8')))).toBe(false);
  });
});
