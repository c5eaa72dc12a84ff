// Schemas of the shell's own invoke channels (the session commands have engine/protocol's).
import { z } from 'zod';
import { idSchema } from '../../engine/format/common.js';
import { aarCoverShape } from '../../engine/protocol/commands.js';
import { PAPER_SIZES } from '../../engine/report/export-formats.js';

/** 64 MB: the largest export the renderer may hand over to be saved. */
export const MAX_SAVE_BYTES = 64 * 1024 * 1024;

export const saveFileRequestSchema = z.strictObject({
  suggestedName: z.string().min(1).max(200).regex(/^[^/\\:*?"<>|\0]+$/, 'a file name, no folders'),
  contents: z.union([z.string().max(MAX_SAVE_BYTES), z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= MAX_SAVE_BYTES, 'too large')]),
});

export const projectorRequestSchema = idSchema;

export const externalUrlSchema = z.string().max(2048);

/** export.printPdf: which report of which session, on which paper. */
export const printPdfRequestSchema = z.strictObject({
  sessionId: idSchema,
  what: z.enum(['scorecard', 'aar']),
  paper: z.enum(PAPER_SIZES),
  /** The AAR's HSEEP cover fields as the facilitator typed them (the other exports have them too). */
  cover: z.strictObject(aarCoverShape).optional(),
});
