const pad = (n: number) => String(n).padStart(2, '0');

/** Simulated milliseconds from T+0 as T+hh:mm:ss (negative: T-hh:mm:ss). */
export function formatSimTime(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const total = Math.floor(Math.abs(ms) / 1000);
  return `T${sign}${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}

/** A countdown as h:mm:ss or m:ss; "overdue" figures are shown with a minus sign. */
export function formatCountdown(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const total = Math.ceil(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor(total / 60) % 60;
  const s = total % 60;
  return h > 0 ? `${sign}${h}:${pad(m)}:${pad(s)}` : `${sign}${m}:${pad(s)}`;
}

/** The scenario's own date and time at a simulated moment, in UTC so every screen agrees. */
export function scenarioDateTime(startsAt: string, ms: number): string {
  const at = new Date(Date.parse(startsAt) + ms);
  return `${at.toISOString().slice(0, 10)} ${at.toISOString().slice(11, 19)} UTC`;
}

export const formatMinutes = (minutes: number | null): string => {
  if (minutes === null) return '—';
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
};
