// The AAR's cover fields as typed, kept in the page's storage per session: a facilitator who
// exports the Word file, goes to the History and comes back for the PDF finds them still there
// (they were lost with the page before). Nothing of the drill itself is kept here.

import { keep, loadKept } from '../client/device-storage.js';

/** HSEEP's cover fields as typed; participating organisations one per line. */
export type AarDetails = { name: string; dates: string; location: string; sponsor: string; organisation: string; participatingOrganisations: string; pointOfContact: string };
export const NO_DETAILS: AarDetails = { name: '', dates: '', location: '', sponsor: '', organisation: '', participatingOrganisations: '', pointOfContact: '' };

export function keepCover(sessionId: string, details: AarDetails): void {
  keep(sessionId, 'aar-cover', details);
}

/** The fields kept for a session, those that are text; the empty form when none are. */
export function keptCover(sessionId: string): AarDetails {
  const kept = loadKept<unknown>(sessionId, 'aar-cover', null);
  const details = { ...NO_DETAILS };
  if (typeof kept !== 'object' || kept === null) return details;
  for (const field of Object.keys(NO_DETAILS) as (keyof AarDetails)[]) {
    const value = (kept as Record<string, unknown>)[field];
    if (typeof value === 'string') details[field] = value;
  }
  return details;
}
