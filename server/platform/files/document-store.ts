import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** The documents people upload as evidence (agreements, contracts, certificates): PDF, PNG, JPEG. */
export type DocumentType = 'application/pdf' | 'image/png' | 'image/jpeg';
/** Office documents, accepted where a store is opened with `{ office: true }` (minutes, rules). */
export type OfficeType =
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  | 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
export const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

const SIGNATURES: { type: DocumentType; magic: number[] }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
];

/** The type of a document from its first bytes (the client's word is not taken), or null. */
export function documentType(bytes: Uint8Array): DocumentType | null {
  return SIGNATURES.find((s) => s.magic.every((b, i) => bytes[i] === b))?.type ?? null;
}

const OOXML: [marker: string, type: OfficeType][] = [
  ['word/', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xl/', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['ppt/', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
];

/**
 * An Office document (DOCX, XLSX, PPTX) by its content: a ZIP (PK\x03\x04) that holds
 * [Content_Types].xml and the part folder of its kind, read from the ZIP's file names. Null otherwise.
 */
export function officeType(bytes: Uint8Array): OfficeType | null {
  if (bytes.length < 30 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 3 || bytes[3] !== 4)
    return null;
  const names = Buffer.from(bytes).toString('latin1');
  if (!names.includes('[Content_Types].xml')) return null;
  return OOXML.find(([marker]) => names.includes(marker))?.[1] ?? null;
}

/** A file name safe to keep and to send back: its last part, without control characters, ≤ 200. */
export function cleanFileName(name: string, fallback = 'document'): string {
  const last = path.basename(name.replaceAll('\\', '/'));
  const kept = [...last].filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f' && ch !== '"').join('');
  return (kept.trim() || fallback).slice(0, 200);
}

const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Uploaded documents kept in one folder (under DATA_DIR): each under a random name, mode 0600, its
 * SHA-256 kept by the caller in the database and checked at every read, so that a file changed or
 * swapped on disk is never served. `put` refuses what is not a PDF, PNG or JPEG (or, with
 * `office`, a DOCX, XLSX or PPTX) of 1 byte to 10 MB.
 */
export function documentStore(dir: string, opts: { office?: boolean } = {}) {
  return {
    /** Writes the document; null when it is not an accepted document. Remove it if the caller's transaction fails. */
    async put(bytes: Uint8Array) {
      const type = documentType(bytes) ?? (opts.office ? officeType(bytes) : null);
      if (!type || bytes.length === 0 || bytes.length > DOCUMENT_MAX_BYTES) return null;
      const stored = randomBytes(16).toString('hex');
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      await fs.writeFile(path.join(dir, stored), bytes, { mode: 0o600, flag: 'wx' });
      return { stored, type, size: bytes.length, sha256: sha256Of(bytes) };
    },
    remove: (stored: string) => fs.rm(path.join(dir, path.basename(stored)), { force: true }),
    /** The document's bytes: 'missing' when the file is gone, 'changed' when it no longer matches its SHA-256. */
    async get(stored: string, sha256: string | null): Promise<Buffer | 'missing' | 'changed'> {
      const body = await fs.readFile(path.join(dir, path.basename(stored))).catch(() => null);
      if (!body) return 'missing';
      if (sha256 !== null && sha256Of(body) !== sha256) return 'changed';
      return body;
    },
  };
}
