import { unzipSync, type UnzipFileInfo } from 'fflate';

// Zip archives from outside (a .firedrill pack, an .xlsx workbook) are read with bounds: the
// entries are listed from the central directory before anything is inflated, and refused when
// there are too many, when one would inflate beyond its limit or the whole beyond the total
// (a zip bomb), or when a name could leave the folder it is unpacked to (path traversal).
// Each entry is inflated into a buffer of the size it declares, so a lying entry cannot grow
// past it (its content then fails the pack's hash check).

export interface ZipLimits {
  /** Most entries. */
  entries: number;
  /** Largest inflated entry, in bytes. */
  entryBytes: number;
  /** Largest inflated total, in bytes. */
  totalBytes: number;
}

export interface ZipEntryInfo {
  name: string;
  /** Compressed size. */
  size: number;
  /** Inflated size as the archive declares it. */
  originalSize: number;
}

/** Why an archive is refused: a message per problem, naming the entry where there is one. */
export class ZipRefusal extends Error {
  override name = 'ZipRefusal';
  constructor(readonly problems: { entry?: string; message: string }[]) {
    super(problems.map((p) => (p.entry !== undefined ? `${p.entry}: ${p.message}` : p.message)).join('; '));
  }
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Whether an entry name is a plain relative path: no "..", no absolute path or drive, no backslash, no control characters. */
export function safeEntryName(name: string): boolean {
  if (name === '' || name.length > 300) return false;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.includes('\\')) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return false;
  return name.split('/').every((part, index, parts) => part !== '..' && part !== '.' && (part !== '' || index === parts.length - 1));
}

/** The entries of an archive, from its central directory (nothing inflated); refused if it is not a zip. */
export function listZip(bytes: Uint8Array): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (file: UnzipFileInfo) => {
        entries.push({ name: file.name, size: file.size, originalSize: file.originalSize });
        return false;
      },
    });
  } catch {
    throw new ZipRefusal([{ message: 'not a zip archive (or a damaged one)' }]);
  }
  return entries;
}

/** Checks an archive's listing against the limits and the names; throws ZipRefusal with every problem. */
export function checkZip(entries: ZipEntryInfo[], limits: ZipLimits): void {
  const problems: { entry?: string; message: string }[] = [];
  if (entries.length > limits.entries) problems.push({ message: `${entries.length} entries: at most ${limits.entries}` });
  const seen = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    if (!safeEntryName(entry.name)) problems.push({ entry: JSON.stringify(entry.name.slice(0, 100)), message: 'this path could leave the folder it is unpacked to (.., an absolute path, a drive or a backslash)' });
    if (seen.has(entry.name)) problems.push({ entry: entry.name, message: 'the archive holds this path twice' });
    seen.add(entry.name);
    if (entry.originalSize > limits.entryBytes) problems.push({ entry: entry.name, message: `inflates to ${mb(entry.originalSize)}: an entry is at most ${mb(limits.entryBytes)}` });
    // Deflate cannot compress more than about 1032:1: a larger ratio is a lie about the size.
    if (entry.size > 0 && entry.originalSize / entry.size > 1100 && entry.originalSize > 1_000_000) problems.push({ entry: entry.name, message: 'compressed more than deflate can: a zip bomb' });
    total += entry.originalSize;
  }
  if (total > limits.totalBytes) problems.push({ message: `inflates to ${mb(total)} in all: at most ${mb(limits.totalBytes)}` });
  if (problems.length > 0) throw new ZipRefusal(problems);
}

/** Lists, checks, then inflates an archive: every entry by name. */
export function unzipChecked(bytes: Uint8Array, limits: ZipLimits): Map<string, Uint8Array> {
  const entries = listZip(bytes);
  checkZip(entries, limits);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    throw new ZipRefusal([{ message: `an entry cannot be inflated (${(error as Error).message})` }]);
  }
  return new Map(Object.entries(files).filter(([name]) => !name.endsWith('/')));
}
