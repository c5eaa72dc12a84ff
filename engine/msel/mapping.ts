import { z } from 'zod';
import { idSchema } from '../format/common.js';
import { channelSchema } from '../format/scenario.js';
import { checkSchema } from '../validate/schema-issues.js';
import { parseYamlSource } from '../validate/yaml-source.js';
import { compareLocatedErrors, type LocatedError } from '../validate/located-error.js';
import { MSEL_FIELDS } from './columns.js';
import { isTimeZone } from './time-zone.js';

// The mapping file of an MSEL import (--map mapping.json): which column holds what, and what
// the sheet's own words mean in the plan. JSON (or YAML); its mistakes are located like a
// scenario's.

const columnName = z.string().trim().min(1).max(200);

export const EVENT_KINDS = ['inject', 'expected-action', 'contingency'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const mselMappingSchema = z.strictObject({
  sheet: z.string().min(1).max(200).optional().describe('The sheet to read, when the workbook has several'),
  headerRow: z.number().int().min(1).max(1000).optional().describe('The row of the headers (1 is the first)'),
  columns: z
    .partialRecord(z.enum(MSEL_FIELDS), z.union([columnName, z.array(columnName).min(1).max(10)]))
    .optional()
    .describe('For each field, the column that holds it: its header as written, or its letters (C)'),
  roles: z.record(z.string().min(1).max(200), idSchema).optional().describe('A recipient as the sheet writes it -> the plan role id'),
  channels: z.record(z.string().min(1).max(200), channelSchema).optional().describe('An inject mode as the sheet writes it -> a Firedrill channel'),
  actions: z.record(z.string().min(1).max(500), idSchema).optional().describe('An expected response as the sheet writes it -> the plan action id'),
  eventTypes: z.record(z.string().min(1).max(200), z.enum(EVENT_KINDS)).optional().describe('An event type as the sheet writes it -> inject, expected-action or contingency'),
  start: z.string().max(40).optional().describe('When the exercise starts (T+0): 2025-06-10T09:00, with or without its offset'),
  timeZone: z.string().max(64).refine(isTimeZone, 'not a time zone this computer knows (write it like Asia/Hong_Kong or Europe/London)').optional(),
  dateOrder: z.enum(['dmy', 'mdy']).optional().describe('How the sheet writes dates with slashes: day/month/year or month/day/year'),
});

export type MselMapping = z.output<typeof mselMappingSchema>;

/** Reads a mapping file; its mistakes come back located (file:line:column field: message). */
export function parseMapping(file: string, text: string): { ok: true; mapping: MselMapping } | { ok: false; errors: LocatedError[] } {
  const parsed = parseYamlSource(file, text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const checked = checkSchema(mselMappingSchema, parsed.source.value);
  if (!checked.success) return { ok: false, errors: checked.issues.map((issue) => parsed.source.error(issue.path, issue.message, { atKey: issue.atKey })).sort(compareLocatedErrors) };
  return { ok: true, mapping: checked.data as MselMapping };
}
