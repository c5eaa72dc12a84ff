import { z } from 'zod';

/** The characters of a join code: digits and capitals without 0, O, 1 and I, which are misread aloud and on a screen. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;

const JOIN_CODE = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** A code as typed ("abc 234", "ABC-234") in its one written form ("ABC234"). */
export const normalizeJoinCode = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '');

/** A join code as a page sends it: case, spaces and hyphens do not matter. */
export const joinCodeSchema = z
  .string()
  .max(20)
  .transform(normalizeJoinCode)
  .pipe(z.string().regex(JOIN_CODE, `a join code is ${JOIN_CODE_LENGTH} characters from ${JOIN_CODE_ALPHABET}`));

/** The id of a join waiting for the facilitator's approval. */
export const joinRequestIdSchema = z.string().regex(/^r-[a-z0-9]{8,24}$/, 'a join request id is "r-" and 8 to 24 lower-case letters or digits');

/** A code as people read it: "ABC 234". */
export const joinCodeText = (code: string): string => `${code.slice(0, 3)} ${code.slice(3)}`;
