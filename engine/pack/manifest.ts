import { z } from 'zod';

// A pack (.firedrill): one zip file carrying plans, scenarios and response scripts (a library
// pack), or a whole exercise (its plan and scenario, the journals of its sessions, their edited
// improvement plans and the plan and scenario versions the journals were recorded with). Its
// manifest lists every file with its SHA-256 and size, so an import can check all of it before
// it writes anything.

export const PACK_FORMAT = 'firedrill-pack/1';
export const PACK_EXTENSION = '.firedrill';
export const MANIFEST = 'manifest.json';

export const PACK_KINDS = ['library', 'exercise'] as const;
export type PackKind = (typeof PACK_KINDS)[number];

const ID = '[A-Za-z0-9][A-Za-z0-9._-]{0,79}';

/** What a pack's file is, by where it sits: the only paths a pack may hold. */
export const ENTRY_LAYOUT = [
  { type: 'plan', pattern: new RegExp(`^plans/(${ID})\\.plan\\.yaml$`), example: 'plans/<plan id>.plan.yaml' },
  { type: 'scenario', pattern: new RegExp(`^scenarios/(${ID})\\.scenario\\.yaml$`), example: 'scenarios/<scenario id>.scenario.yaml' },
  { type: 'script', pattern: new RegExp(`^scripts/(${ID})/(${ID})\\.script\\.yaml$`), example: 'scripts/<scenario id>/<name>.script.yaml' },
  { type: 'journal', pattern: new RegExp(`^sessions/(${ID})\\.jsonl$`), example: 'sessions/<session id>.jsonl' },
  { type: 'improvements', pattern: new RegExp(`^improvements/(${ID})\\.json$`), example: 'improvements/<session id>.json' },
  { type: 'plan-version', pattern: /^versions\/([0-9a-f]{64})\.plan\.yaml$/, example: 'versions/<sha-256>.plan.yaml' },
  { type: 'scenario-version', pattern: /^versions\/([0-9a-f]{64})\.scenario\.yaml$/, example: 'versions/<sha-256>.scenario.yaml' },
] as const;

export type EntryType = (typeof ENTRY_LAYOUT)[number]['type'];

/** The type of a path and the ids in it (the plan id, the session id, a script's scenario and name...), or undefined. */
export function entryOf(path: string): { type: EntryType; ids: string[] } | undefined {
  for (const layout of ENTRY_LAYOUT) {
    const match = layout.pattern.exec(path);
    if (match) return { type: layout.type, ids: match.slice(1) };
  }
  return undefined;
}

export const manifestSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  kind: z.enum(PACK_KINDS),
  title: z.string().min(1).max(300),
  /** Which Firedrill wrote it (informational). */
  createdBy: z.string().max(100).optional(),
  entries: z
    .array(z.strictObject({
      path: z.string().min(1).max(300),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 as 64 lower-case hex digits'),
      bytes: z.number().int().min(0),
    }))
    .max(5000),
});

export type PackManifest = z.output<typeof manifestSchema>;
export type PackEntry = PackManifest['entries'][number];

/**
 * What to say of a manifest in a later pack format (firedrill-pack/2...), or undefined: a pack
 * from a newer Firedrill is said to be one, not listed as fields and kinds this one does not know.
 */
export function newerPackFormat(manifest: unknown): string | undefined {
  if (typeof manifest !== 'object' || manifest === null) return undefined;
  const { format, createdBy } = manifest as Record<string, unknown>;
  const version = typeof format === 'string' ? /^firedrill-pack\/(\d+)$/.exec(format)?.[1] : undefined;
  if (version === undefined || Number(version) <= Number(PACK_FORMAT.split('/')[1])) return undefined;
  const by = typeof createdBy === 'string' && createdBy.trim() !== '' ? ` by ${JSON.stringify(createdBy.slice(0, 100))}` : '';
  return `unsupported pack format ${JSON.stringify(format)}: this Firedrill reads ${PACK_FORMAT}; the pack was written${by} for a newer Firedrill: open it with that version, or update this one`;
}
