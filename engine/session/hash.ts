import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** JSON with object keys sorted, so equal content always gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  // A plain loop: every journal entry goes through here when its hash chain is checked.
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).sort();
  let text = '{';
  for (const key of keys) {
    const item = object[key];
    if (item === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${text}}`;
}

/**
 * The content hash of a validated plan or scenario: SHA-256 of its canonical JSON, so comments
 * and formatting do not change it but any change of meaning does.
 */
export function contentHash(document: object): string {
  // Validated documents are never mutated, so a hash computed once holds for the object.
  let hash = hashes.get(document);
  if (hash === undefined) {
    hash = `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalJson(document))))}`;
    hashes.set(document, hash);
  }
  return hash;
}

const hashes = new WeakMap<object, string>();
