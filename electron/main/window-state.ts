// Window state remembered between launches, and made safe to restore: a window saved on a
// monitor that is gone comes back on one that is there, never off-screen or larger than it.

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
  fullScreen: boolean;
}

export const MIN_WIDTH = 900;
export const MIN_HEIGHT = 600;
const DEFAULT_WIDTH = 1400;
const DEFAULT_HEIGHT = 900;
/** How much of the title bar must be on a display for the saved position to be kept. */
const VISIBLE_MARGIN = 48;

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Reads a saved state (JSON of unknown shape); undefined when it is not usable. */
export function parseWindowState(json: unknown): WindowState | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const { bounds, maximized, fullScreen } = json as Partial<Record<keyof WindowState, unknown>>;
  if (typeof bounds !== 'object' || bounds === null) return undefined;
  const { x, y, width, height } = bounds as Partial<Record<keyof Rectangle, unknown>>;
  if (![x, y, width, height].every(isFiniteNumber)) return undefined;
  return { bounds: { x: x as number, y: y as number, width: width as number, height: height as number }, maximized: maximized === true, fullScreen: fullScreen === true };
}

const overlap = (a: Rectangle, b: Rectangle) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

/**
 * Where to open the window, given the saved state (if any) and the work areas of the displays
 * now attached (the first is the primary). The size is clamped to the display it lands on; the
 * saved position is kept only if the top strip of the window (where it is dragged) is visible.
 */
export function restoreWindowState(saved: WindowState | undefined, workAreas: readonly Rectangle[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT };
  const centred = (width: number, height: number, area: Rectangle): Rectangle => ({
    x: Math.round(area.x + (area.width - width) / 2),
    y: Math.round(area.y + (area.height - height) / 2),
    width,
    height,
  });
  const fit = (width: number, height: number, area: Rectangle) => ({
    width: Math.round(Math.max(Math.min(MIN_WIDTH, area.width), Math.min(width, area.width))),
    height: Math.round(Math.max(Math.min(MIN_HEIGHT, area.height), Math.min(height, area.height))),
  });
  if (!saved) {
    const size = fit(DEFAULT_WIDTH, DEFAULT_HEIGHT, primary);
    return { bounds: centred(size.width, size.height, primary), maximized: false, fullScreen: false };
  }
  const titleStrip = { x: saved.bounds.x, y: saved.bounds.y, width: saved.bounds.width, height: VISIBLE_MARGIN };
  const home = workAreas
    .map((area) => ({ area, shown: overlap(titleStrip, area) }))
    .filter(({ shown }) => shown >= VISIBLE_MARGIN * VISIBLE_MARGIN)
    .sort((a, b) => b.shown - a.shown)[0]?.area;
  const area = home ?? primary;
  const size = fit(saved.bounds.width, saved.bounds.height, area);
  if (!home) return { bounds: centred(size.width, size.height, area), maximized: saved.maximized, fullScreen: saved.fullScreen };
  // Keep it on its display: pull it back inside if it hangs over an edge.
  const x = Math.min(Math.max(saved.bounds.x, area.x), area.x + area.width - size.width);
  const y = Math.min(Math.max(saved.bounds.y, area.y), area.y + area.height - size.height);
  return { bounds: { x: Math.round(x), y: Math.round(y), ...size }, maximized: saved.maximized, fullScreen: saved.fullScreen };
}
