/**
 * Design documents of information systems over HTTP (issue 11; A28: 設計書、構成図等 — 保管、複製、
 * 廃棄): stored so that outsiders cannot learn them. The keeper (東京 教務係's 保護管理者, 佐藤) uploads
 * PDF, images and Office documents (other types are refused by their bytes); only the keeper, the
 * システム管理者, the 監査責任者 and 東京's 総括保護管理者 list and download them — the section's
 * 保護担当者 and the 総括管理者 get 403 (audited), staff and other units 404. Every download is an
 * audit event and appears in the document's history; disposal deletes the file and keeps the record.
 * SQLite and PostgreSQL. Every person, system and document is fictional.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type {
  DesignDocumentView,
  DocumentHistoryView,
  DocumentListView,
  SystemView,
} from '../../shared/api/facility-systems.ts';
import { databases } from '../support/databases.ts';
import { bodyOf, PDF, provisionHarness } from '../support/provision-fixture.ts';
import { MISSING_ID } from './authz-matrix.kit.ts';
import { expectProblem } from './support/expect-problem.ts';
import { multipart, type HttpClient } from './support/http-client.ts';

const url = '/api/facilities/systems';

/** A fake DOCX: a ZIP whose names hold [Content_Types].xml and word/ (the store reads the names). */
const DOCX = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.from('\0'.repeat(26) + '[Content_Types].xml' + '\0'.repeat(30) + 'word/document.xml'),
]);

async function scene(kind: (typeof databases)[number]) {
  const h = await provisionHarness(kind);
  const { c, o } = h;
  await o.appoint('tokyoKyomuHead', 'protection_officer', 'tokyoKyomuStaff2', {
    sectionId: o.sections.tokyoKyomu,
  });
  const sysadmin = await h.as('sysadmin');
  const officer = await h.as('tokyoKyomuStaff2');
  const system = bodyOf<SystemView>(
    await c.manager.post(url, {
      sectionId: o.sections.tokyoKyomu,
      name: '教務システム',
      purpose: '学生の学籍・成績を管理する',
      hosting: 'outsourced',
      fileIds: [o.tokyoFile],
    }),
    201,
  );
  const docs = `${url}/${system.id}/documents`;
  const upload = (by: HttpClient, bytes: Buffer, filename: string, fields: Record<string, string> = {}) => {
    const form = multipart({ filename, content: bytes, type: 'application/octet-stream' }, fields);
    return by.request('POST', docs, undefined, { payload: form.payload, headers: form.headers });
  };
  const storedPath = async (documentId: string) => {
    const row = await h.services.database.db
      .selectFrom('facility_system_documents')
      .select('stored_name')
      .where('id', '=', documentId)
      .executeTakeFirstOrThrow();
    return path.join(h.services.config.dataDir, 'facilities', 'systems', row.stored_name);
  };
  return { ...h, sysadmin, officer, system, docs, upload, storedPath };
}

describe.each(databases)('facilities: design documents of systems over HTTP on %s (A28)', (kind) => {
  it('keeps design documents for the keeper and refuses other types (A28 保管)', async () => {
    const s = await scene(kind);
    const { c } = s;

    // Not a PDF, image or Office document (by its bytes, whatever its name): 400.
    expectProblem(
      await s.upload(c.manager, Buffer.from('機密ではないただのテキスト'), 'design.pdf'),
      400,
      'facilities.system_document_invalid',
    );
    expectProblem(
      await s.upload(c.manager, Buffer.from('MZ\x90\x00 not a document'), 'tool.exe'),
      400,
      'facilities.system_document_invalid',
    );
    expectProblem(await s.upload(c.manager, PDF, 'a.pdf', { kind: 'secret' }), 400, 'request.invalid');
    // Only the keeper uploads: readers 403 (audited), staff and other units 404.
    for (const other of [c.chief, s.officer, s.sysadmin, c.auditor])
      expectProblem(await s.upload(other, PDF, 'a.pdf'), 403, 'auth.forbidden');
    for (const outside of [c.staff, c.stranger])
      expectProblem(await s.upload(outside, PDF, 'a.pdf'), 404, 'facilities.system_not_found');

    const pdf = bodyOf<DesignDocumentView>(
      await s.upload(c.manager, PDF, '構成図.pdf', { kind: 'diagram', title: 'ネットワーク構成図' }),
      201,
    );
    expect(pdf).toMatchObject({
      kind: 'diagram',
      title: 'ネットワーク構成図',
      fileName: '構成図.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      uploadedByName: '佐藤 花子',
      downloadCount: 0,
      disposed: null,
      downloadPath: `${s.docs}/${pdf.id}/file`,
    });
    const docx = bodyOf<DesignDocumentView>(await s.upload(c.manager, DOCX, '設計書.docx'), 201);
    expect(docx).toMatchObject({
      kind: 'design',
      title: '設計書.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    // Stored under a random name, not the file's, with owner-only permissions.
    const stored = await s.storedPath(pdf.id);
    expect(path.basename(stored)).toMatch(/^[0-9a-f]{32}$/);
    expect(fs.statSync(stored).mode & 0o077).toBe(0);
    const uploaded = await s.audit('facilities.system_document_uploaded', s.system.id);
    expect(uploaded).toHaveLength(2);
    expect(JSON.stringify(uploaded.map((e) => e.payload))).not.toMatch(/構成図|設計書/);

    // Who lists them: the keeper, the システム管理者, the 監査責任者, the unit's 総括保護管理者.
    for (const reader of [c.manager, s.sysadmin, c.auditor, c.chief]) {
      const list = bodyOf<DocumentListView>(await reader.get(s.docs));
      expect(list.documents.map((d) => d.id).sort()).toEqual([pdf.id, docx.id].sort());
      expect(list.canManage).toBe(reader === c.manager);
    }
    const deniedBefore = (await s.audit('authz.denied')).length;
    for (const other of [s.officer, c.chiefManager])
      expectProblem(await other.get(s.docs), 403, 'auth.forbidden');
    expect((await s.audit('authz.denied')).length).toBe(deniedBefore + 2);
    for (const outside of [c.staff, c.outsider, c.stranger])
      expectProblem(await outside.get(s.docs), 404, 'facilities.system_not_found');
    expect(bodyOf<SystemView>(await s.officer.get(`${url}/${s.system.id}`)).can.documents).toBe(false);
  });

  it('logs every download, shows its history, and refuses staff and the 保護担当者 (A28 複製)', async () => {
    const s = await scene(kind);
    const { c, o } = s;
    const doc = bodyOf<DesignDocumentView>(await s.upload(c.manager, PDF, '構成図.pdf'), 201);
    const file = `${s.docs}/${doc.id}/file`;

    const allowed: [HttpClient, string][] = [
      [c.manager, o.people.tokyoKyomuHead],
      [s.sysadmin, o.people.sysadmin],
      [c.auditor, o.people.auditor],
      [c.chief, o.people.tokyoPrincipal],
    ];
    for (const [reader, personId] of allowed) {
      const before = await s.audit('facilities.system_document_downloaded', s.system.id);
      const res = await reader.get(file);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toContain(encodeURIComponent('構成図.pdf'));
      expect(res.headers['cache-control']).toBe('no-store');
      expect(Buffer.from(res.rawPayload).equals(PDF)).toBe(true);
      // One more ledger entry, by this person, with ids only.
      const after = await s.audit('facilities.system_document_downloaded', s.system.id);
      expect(after).toHaveLength(before.length + 1);
      const entry = after.find((e) => !before.some((b) => b.id === e.id))!;
      expect(entry).toMatchObject({
        actorId: personId,
        subjectType: 'FacilitySystem',
        subjectId: s.system.id,
        unitId: o.units.tokyo,
        sectionId: o.sections.tokyoKyomu,
        outcome: 'ok',
      });
      expect(entry.payload).toMatchObject({ documentId: doc.id });
      expect(typeof entry.payload!.downloadId).toBe('string');
      expect(JSON.stringify(entry.payload)).not.toContain('構成図');
    }

    // Refused: the 保護担当者 and the 総括管理者 (403, audited, no download recorded); staff and others 404.
    const denied = (await s.audit('authz.denied')).length;
    for (const other of [s.officer, c.chiefManager]) {
      expectProblem(await other.get(file), 403, 'auth.forbidden');
      expectProblem(await other.get(`${s.docs}/${doc.id}/downloads`), 403, 'auth.forbidden');
    }
    expect((await s.audit('authz.denied')).length).toBe(denied + 4);
    for (const outside of [c.staff, c.outsider, c.stranger])
      expectProblem(await outside.get(file), 404, 'facilities.system_not_found');
    expectProblem(
      await c.manager.get(`${s.docs}/${MISSING_ID}/file`),
      404,
      'facilities.system_document_not_found',
    );
    expect(await s.audit('facilities.system_document_downloaded', s.system.id)).toHaveLength(4);

    // The document's page: who downloaded it and when, newest first; the count on the list.
    const history = bodyOf<DocumentHistoryView>(await c.chief.get(`${s.docs}/${doc.id}/downloads`));
    expect(history.document).toMatchObject({ id: doc.id, downloadCount: 4 });
    expect(history.downloads.map((d) => d.personName).sort()).toEqual(
      ['佐藤 花子', '工藤 翔', '上田 直樹', '小林 正人'].sort(),
    );
    expect(history.downloads.every((d) => typeof d.at === 'string')).toBe(true);
    expect(bodyOf<DocumentListView>(await c.auditor.get(s.docs)).documents[0]!.downloadCount).toBe(4);
  });

  it('disposes of a document: the file is deleted, the record stays with who, when and why (A28 廃棄)', async () => {
    const s = await scene(kind);
    const { c } = s;
    const doc = bodyOf<DesignDocumentView>(await s.upload(c.manager, PDF, '旧版 設計書.pdf'), 201);
    const stored = await s.storedPath(doc.id);
    expect(fs.existsSync(stored)).toBe(true);
    const dispose = `${s.docs}/${doc.id}/dispose`;

    for (const other of [c.chief, s.sysadmin, c.auditor, s.officer])
      expectProblem(await other.post(dispose, { reason: '改版' }), 403, 'auth.forbidden');
    expectProblem(await c.staff.post(dispose, { reason: '改版' }), 404, 'facilities.system_not_found');
    expectProblem(await c.manager.post(dispose, { reason: '' }), 400, 'request.invalid');
    expectProblem(await c.manager.post(dispose, {}), 400, 'request.invalid');
    expectProblem(
      await c.manager.post(`${s.docs}/${MISSING_ID}/dispose`, { reason: '改版' }),
      404,
      'facilities.system_document_not_found',
    );
    expect(fs.existsSync(stored)).toBe(true);

    const disposed = bodyOf<DesignDocumentView>(
      await c.manager.post(dispose, { reason: '改版により旧版を廃棄' }),
    );
    expect(disposed.disposed).toEqual({
      at: '2026-11-30T00:30:00.000Z',
      byName: '佐藤 花子',
      reason: '改版により旧版を廃棄',
    });
    expect(disposed.downloadPath).toBeNull();
    expect(fs.existsSync(stored)).toBe(false);
    // The record stays on the list; the file cannot be downloaded nor disposed of again.
    const list = bodyOf<DocumentListView>(await c.auditor.get(s.docs));
    expect(list.documents.map((d) => [d.id, d.disposed?.reason])).toEqual([[doc.id, '改版により旧版を廃棄']]);
    expectProblem(
      await c.auditor.get(`${s.docs}/${doc.id}/file`),
      410,
      'facilities.system_document_disposed',
    );
    expectProblem(
      await c.manager.post(dispose, { reason: '再度' }),
      410,
      'facilities.system_document_disposed',
    );
    const events = await s.audit('facilities.system_document_disposed', s.system.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({ documentId: doc.id });
    expect(JSON.stringify(events[0]!.payload)).not.toContain('改版');
  });
});
