// The AAR's cover fields as typed, kept in the page's storage per session: a facilitator who
// exports the Word file, goes to the History and comes back for the PDF finds them still there
// (they were lost with the page before). Nothing of the drill itself is kept here.

/** HSEEP's cover fields as typed; participating organisations one per line. */
export type AarDetails = { name: string; dates: string; location: string; sponsor: string; organisation: string; participatingOrganisations: string; pointOfContact: string };
export const NO_DETAILS: AarDetails = { name: '', dates: '', location: '', sponsor: '', organisation: '', participatingOrganisations: '', pointOfContact: '' };

const key = (sessionId: string) => `firedrill.aar-cover.${sessionId}`;

export function keepCover(sessionId: string, details: AarDetails): void {
  try {
    localStorage.setItem(key(sessionId), JSON.stringify(details));
  } catch {
    // Storage full or turned off: the fields stay in the page, as before.
  }
}

/** The fields kept for a session, those that are text; the empty form when none are. */
export function keptCover(sessionId: string): AarDetails {
  try {
    const raw = localStorage.getItem(key(sessionId));
    const kept = raw === null ? {} : (JSON.parse(raw) as Record<string, unknown>);
    const details = { ...NO_DETAILS };
    for (const field of Object.keys(NO_DETAILS) as (keyof AarDetails)[]) if (typeof kept[field] === 'string') details[field] = kept[field];
    return details;
  } catch {
    return NO_DETAILS;
  }
}
