import { isMap, isPair, isScalar, isSeq, parseDocument, visit, type Node } from 'yaml';
import type { FieldPath } from '../validate/located-error.js';

// Completion and hover help for the YAML pane, from the same JSON Schemas an editor gets
// (scenarios/schema/, generated from the formats): which fields a mapping may have, the values
// an enum allows, the description of a field. Where the cursor is in the YAML is found by
// parsing the text with a marker at the cursor, so the YAML library, not a guess from the
// indentation, says which mapping or list it is in.

/** The parts of a JSON Schema (2020-12, as zod writes it) this reads. */
export interface JsonSchema {
  description?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
}

export interface CursorContext {
  /** A field name being typed, or the value of a field (or of a list item). */
  mode: 'key' | 'value';
  /** The path of the mapping whose key is typed (key mode), or of the value typed (value mode). */
  path: FieldPath;
  /** What is typed so far, and where it starts in the text. */
  prefix: string;
  from: number;
  /** The fields the mapping has already (key mode). */
  present: string[];
}

const MARK = 'fdcursor7q';

/** The path of the node holding `target` in the document, or undefined. */
function pathOf(document: ReturnType<typeof parseDocument>, found: (node: unknown, key: unknown) => boolean): { path: FieldPath; parent?: Node } | undefined {
  let result: { path: FieldPath; parent?: Node } | undefined;
  visit(document, (key, node, ancestors) => {
    if (!found(node, key)) return undefined;
    const path: (string | number)[] = [];
    let parent: Node | undefined;
    const chain = [...ancestors, node];
    for (let index = 0; index < chain.length; index++) {
      const here = chain[index];
      const next = chain[index + 1];
      if (isSeq(here) && next !== undefined) path.push(here.items.indexOf(next as never));
      if (isPair(here) && isScalar(here.key)) path.push(String(here.key.value));
      if (isMap(here) && next !== undefined && isPair(next)) parent = here;
    }
    result = { path, ...(parent ? { parent } : {}) };
    return visit.BREAK;
  });
  return result;
}

/** Where the cursor is in a YAML text: typing a field name, or a value, and at which path. */
export function cursorContext(text: string, offset: number): CursorContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset);
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, lineEnd);
  if (after.trim() !== '' && !/^[\w.-]*\s*(#.*)?$/.test(after)) return undefined;
  const keyTyped = /^(\s*(?:-\s+)*)([A-Za-z_][\w.-]*)?$/.exec(before);
  const valueTyped = /^(\s*(?:-\s+)*)([A-Za-z_][\w.-]*):\s+([^\s#'"{[][^#]*)?$/.exec(before);
  const itemTyped = /^(\s*-\s+)([^\s#:'"{[][^#:]*)?$/.exec(before);
  const replaceLine = (line: string) => text.slice(0, lineStart) + line + text.slice(lineEnd);
  if (valueTyped) {
    const prefix = valueTyped[3] ?? '';
    const document = parseDocument(replaceLine(`${valueTyped[1]}${valueTyped[2]}: ${MARK}`));
    const found = pathOf(document, (node) => isScalar(node) && node.value === MARK);
    if (found) return { mode: 'value', path: found.path, prefix, from: offset - prefix.length, present: [] };
  }
  if (keyTyped) {
    const prefix = keyTyped[2] ?? '';
    const document = parseDocument(replaceLine(`${keyTyped[1]}${MARK}: null`));
    const found = pathOf(document, (node) => isPair(node) && isScalar(node.key) && node.key.value === MARK);
    if (found) {
      const present = found.parent && isMap(found.parent) ? found.parent.items.map((pair) => String((pair.key as { value?: unknown })?.value)).filter((key) => key !== MARK) : [];
      return { mode: 'key', path: found.path.slice(0, -1), prefix, from: offset - prefix.length, present };
    }
  }
  if (itemTyped) {
    const prefix = itemTyped[2] ?? '';
    const document = parseDocument(replaceLine(`${itemTyped[1]}${MARK}`));
    const found = pathOf(document, (node) => isScalar(node) && node.value === MARK);
    if (found) return { mode: 'value', path: found.path, prefix, from: offset - prefix.length, present: [] };
  }
  return undefined;
}

/** The schema a $ref names, within the root schema. */
function resolve(root: JsonSchema, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 10; hops++) {
    const name = /^#\/\$defs\/(.+)$/.exec(current.$ref)?.[1];
    const target = name ? root.$defs?.[name] : current.$ref === '#' ? root : undefined;
    if (!target) break;
    current = { ...target, ...(current.description ? { description: current.description } : {}) };
  }
  return current;
}

/** A schema and the alternatives it allows, each resolved. */
function alternatives(root: JsonSchema, schema: JsonSchema): JsonSchema[] {
  const resolved = resolve(root, schema);
  const options = resolved.anyOf ?? resolved.oneOf ?? resolved.allOf;
  if (!options) return [resolved];
  return options.flatMap((option) => alternatives(root, option)).map((option) => (resolved.description && !option.description ? { ...option, description: resolved.description } : option));
}

/** The schemas that may hold the value at `path` (several where the schema allows alternatives). */
export function schemasAt(root: JsonSchema, path: FieldPath): JsonSchema[] {
  let current = alternatives(root, root);
  for (const segment of path) {
    const next: JsonSchema[] = [];
    for (const schema of current) {
      if (typeof segment === 'number') {
        if (schema.items) next.push(...alternatives(root, schema.items));
      } else if (schema.properties?.[segment]) next.push(...alternatives(root, schema.properties[segment]));
      else if (typeof schema.additionalProperties === 'object') next.push(...alternatives(root, schema.additionalProperties));
    }
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

export interface Suggestion {
  label: string;
  /** The field's type or the value's kind, short. */
  detail?: string;
  info?: string;
  /** A required field of the mapping. */
  required?: boolean;
}

const typeOf = (schema: JsonSchema): string | undefined => {
  if (schema.enum) return 'one of a list';
  if (schema.const !== undefined) return String(schema.const);
  return Array.isArray(schema.type) ? schema.type.join(' | ') : schema.type === 'array' ? 'list' : schema.type === 'object' ? 'mapping' : schema.type;
};

/** Field names the mapping at `path` may have and does not have yet, required ones first. */
export function keySuggestions(root: JsonSchema, path: FieldPath, present: readonly string[]): Suggestion[] {
  const seen = new Map<string, Suggestion>();
  for (const schema of schemasAt(root, path)) {
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (present.includes(name) || seen.has(name)) continue;
      const resolved = resolve(root, property);
      seen.set(name, {
        label: name,
        ...(typeOf(resolved) ? { detail: typeOf(resolved)! } : {}),
        ...(property.description ?? resolved.description ? { info: property.description ?? resolved.description! } : {}),
        ...(schema.required?.includes(name) ? { required: true } : {}),
      });
    }
  }
  return [...seen.values()].sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false));
}

/** The values the schema allows at `path` when it names them (enums, constants, true and false). */
export function valueSuggestions(root: JsonSchema, path: FieldPath): Suggestion[] {
  const values = new Map<string, Suggestion>();
  for (const schema of schemasAt(root, path)) {
    for (const value of schema.enum ?? []) values.set(String(value), { label: String(value), ...(schema.description ? { info: schema.description } : {}) });
    if (schema.const !== undefined) values.set(String(schema.const), { label: String(schema.const) });
    if (schema.type === 'boolean') for (const value of ['true', 'false']) values.set(value, { label: value });
  }
  return [...values.values()];
}

/** What the schema says of the field at `path`: its description, type and allowed values. */
export function describeField(root: JsonSchema, path: FieldPath): string | undefined {
  const schemas = schemasAt(root, path);
  if (schemas.length === 0) return undefined;
  const description = schemas.find((schema) => schema.description)?.description;
  const types = [...new Set(schemas.map(typeOf).filter(Boolean))];
  const values = valueSuggestions(root, path).map((value) => value.label);
  const parts = [description, types.length > 0 ? `Type: ${types.join(' or ')}` : undefined, values.length > 0 && values.length <= 12 ? `Values: ${values.join(', ')}` : undefined].filter(Boolean);
  return parts.length > 0 ? parts.join('\n') : undefined;
}

/** The path of the field whose key or value covers `offset` in the text (for hover), or undefined. */
export function fieldAt(text: string, offset: number): FieldPath | undefined {
  const document = parseDocument(text);
  let best: FieldPath | undefined;
  visit(document, {
    Pair(_key, pair, ancestors) {
      const keyNode = pair.key as Node | null;
      const range = keyNode && 'range' in keyNode ? keyNode.range : undefined;
      if (!range || offset < range[0] || offset > range[1]) return undefined;
      const path: (string | number)[] = [];
      const chain = [...ancestors, pair];
      for (let index = 0; index < chain.length; index++) {
        const here = chain[index];
        const next = chain[index + 1];
        if (isSeq(here) && next !== undefined) path.push(here.items.indexOf(next as never));
        if (isPair(here) && isScalar(here.key)) path.push(String(here.key.value));
      }
      best = path;
      return visit.BREAK;
    },
  });
  return best;
}

/** What kind of id a field holds (the plan's roles, actions...), by its name, for id completion. */
export type IdKind = 'role' | 'action' | 'duty' | 'step' | 'threat' | 'milestone' | 'inject' | 'decision' | 'objective' | 'plan' | 'phase';

const ID_FIELDS: Record<string, IdKind> = {
  to: 'role', role: 'role', owner: 'role', roles: 'role', by: 'role', severityDeclaredBy: 'role',
  expects: 'action', action: 'action', actions: 'action', prerequisites: 'action',
  duties: 'duty', steps: 'step', notApplicable: 'step', after: 'step', threat: 'threat',
  milestone: 'milestone', inject: 'inject', fires: 'inject', decision: 'decision', decisions: 'decision',
  plan: 'plan', phase: 'phase', function: 'phase', objective: 'objective',
};

/** The kind of id the value at `path` is, when its field holds ids. */
export function idKindAt(path: FieldPath): IdKind | undefined {
  const field = [...path].reverse().find((segment): segment is string => typeof segment === 'string');
  return field === undefined ? undefined : ID_FIELDS[field];
}
