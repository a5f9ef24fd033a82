import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanFileName, documentStore, documentType } from './document-store.ts';

const PDF = Buffer.from('%PDF-1.7\n%…\n');

describe('the document store', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-docs-'));
  const store = documentStore(dir);

  it('knows a document by its first bytes, not by its name', () => {
    expect(documentType(PDF)).toBe('application/pdf');
    expect(documentType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(documentType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(documentType(Buffer.from('PK\u0003\u0004'))).toBeNull();
  });

  it('keeps a document under a random name, readable only by its owner, and serves it while unchanged', async () => {
    const put = await store.put(PDF);
    expect(put).toMatchObject({ type: 'application/pdf', size: PDF.length });
    const file = path.join(dir, put!.stored);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(await store.get(put!.stored, put!.sha256)).toEqual(PDF);
    fs.writeFileSync(file, Buffer.from('%PDF-1.7 changed'));
    expect(await store.get(put!.stored, put!.sha256)).toBe('changed');
    await store.remove(put!.stored);
    expect(await store.get(put!.stored, put!.sha256)).toBe('missing');
  });

  it('refuses what is not an accepted document, and an empty or oversized one', async () => {
    expect(await store.put(Buffer.from('hello'))).toBeNull();
    expect(await store.put(Buffer.alloc(0))).toBeNull();
    expect(await store.put(Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]))).toBeNull();
  });

  it('keeps only the last part of a file name, without control characters', () => {
    expect(cleanFileName('C:\\契約\\..\\契約書"第1版".pdf')).toBe('契約書第1版.pdf');
    expect(cleanFileName('\u0007', 'evidence')).toBe('evidence');
  });
});
