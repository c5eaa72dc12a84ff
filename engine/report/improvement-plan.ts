import { z } from 'zod';
import { idSchema } from '../format/common.js';
import { CAPABILITY_ELEMENTS, type CapabilityElement } from './improvement-catalogue.js';

// The improvement plan as the facilitator edits it after a drill: the generated corrective
// actions reworded, re-owned, re-dated, removed, or added to. The edited plan replaces the
// generated one in the AAR/IP; the rest of the report (analysis, ratings) stays generated.

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)), 'not a real date');
const line = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

export const improvementEditSchema = z
  .strictObject({
    objectiveId: line(200),
    objectiveTitle: line(500),
    capability: z.string().trim().max(500),
    issue: line(2000),
    correctiveAction: line(2000),
    capabilityElement: z.enum(Object.keys(CAPABILITY_ELEMENTS) as [CapabilityElement, ...CapabilityElement[]]),
    ownerRole: idSchema,
    startDate: isoDate,
    completionDate: isoDate,
  })
  .refine((item) => item.completionDate >= item.startDate, { path: ['completionDate'], message: 'the completion date is before the start date' });

export const improvementPlanSchema = z.array(improvementEditSchema).max(200);

/** One corrective action as edited: the AAR adds its number and the titles. */
export type ImprovementEdit = z.output<typeof improvementEditSchema>;
