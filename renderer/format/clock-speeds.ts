/** The clock speeds offered (the protocol takes 1x to 600x). */
export const SPEEDS = [1, 2, 5, 10, 30, 60, 120, 300, 600];
