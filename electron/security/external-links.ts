/** Longest URL handed to the system browser. */
const MAX_EXTERNAL_URL = 2048;

/**
 * The filter in front of `shell.openExternal`: returns the URL to open, or null to refuse.
 * Only https: to a named host, no user name or password in the URL (phishing: https://bank@evil),
 * no control characters or spaces, nothing over 2 KB. So no javascript:, file:, data:, smb:,
 * custom protocol handlers or http:.
 */
export function vetExternalUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f]/.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  if (parsed.username !== '' || parsed.password !== '') return null;
  if (parsed.hostname === '' || !parsed.hostname.includes('.') && !parsed.hostname.startsWith('[')) return null;
  return parsed.href;
}
