// What this device keeps between visits, in the browser's own storage (a participant's seat and
// unsent work, the studio's drafts, the AAR's cover fields). Storage may be full or blocked (a
// private window): then nothing is kept and the page goes on with what it holds in memory.

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/** The value kept under a key, as JSON; the fallback when there is none or it does not parse. */
export function loadValue<T>(key: string, fallback: T): T {
  try {
    const value = storage()?.getItem(key);
    return value ? (JSON.parse(value) as T) : fallback;
  } catch {
    return fallback;
  }
}

/** Keeps a value under a key, as JSON; null forgets it. */
export function keepValue(key: string, value: unknown): void {
  try {
    if (value === null) storage()?.removeItem(key);
    else storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // full or blocked: it stays in memory for this visit
  }
}

const sessionKey = (sessionId: string, what: string) => `firedrill.${what}.${sessionId}`;

/** A value kept per session on this device (read messages, unsent drafts, the AAR's cover fields). */
export function loadKept<T>(sessionId: string, what: string, fallback: T): T {
  return loadValue(sessionKey(sessionId, what), fallback);
}

export function keep(sessionId: string, what: string, value: unknown): void {
  keepValue(sessionKey(sessionId, what), value);
}
