/**
 * Disposal (issue 7, A15; ADR 0008 §7), through the services on SQLite and PostgreSQL: refused
 * without an approval and without the grant's 'dispose' permission; a disposed record cannot be
 * decrypted by anyone, even with the database and the key file in hand, while its audit trail
 * remains; retention holds and their exception; a file's disposal erases every record; media are
 * disposed with method and witness.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../server/app.ts';
import {
  CiphertextError,
  createFileKekProvider,
  newDataKey,
  type KekProvider,
} from '../../server/platform/crypto/index.ts';
import { keyContext, openValues, sealValues } from '../../server/modules/vault/record-crypto.ts';
import { newTimeOrderedId } from '../../server/platform/ids.ts';
import { databases } from '../support/databases.ts';
import { buildHandlingOrg, type HandlingOrg } from '../support/handling-fixture.ts';
import { fileAt } from '../support/register-fixture.ts';
import { testServices } from '../support/test-services.ts';
import { STUDENT_FIELDS, STUDENT_PURPOSES, students } from '../support/vault-fixture.ts';

const PURPOSE = 'enrolment';

describe.each(databases)('disposal on %s (A15)', (kind) => {
  let services: Services;
  let o: HandlingOrg;
  let kek: KekProvider;
  let keyFile: string;
  beforeEach(async () => {
    // The vault's key-encryption key in a key file, as in production: "the key file in hand".
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-disposal-'));
    keyFile = path.join(dir, 'keys', 'vault-kek.json');
    kek = createFileKekProvider(keyFile, { recheckMs: 0 });
    const base = await testServices(kind);
    services = createServices({ config: base.config, database: base.database, clock: base.clock, kek });
    o = await buildHandlingOrg(services);
  });
  afterEach(() => services.database.close());

  const d = () => services.handling.disposal;
  const db = () => services.database.db;
  const witness = () => o.people.tokyoKyomuStaff2;

  const requestRecords = (ids: string[], over: Record<string, unknown> = {}) =>
    d().request(o.staff, {
      kind: 'dispose_records',
      fileId: o.tokyoFile,
      purpose: PURPOSE,
      recordIds: ids,
      witnessId: witness(),
      plannedOn: '2026-12-01',
      reason: '卒業後の保存期間を満了した記録の廃棄',
      ...over,
    });

  async function disposeRecords(ids: string[]) {
    const req = await requestRecords(ids);
    await o.approve(req.id);
    return d().execute(o.staff, { requestId: req.id, witnessPresent: true });
  }

  const recordRow = (id: string) =>
    db().selectFrom('vault_records').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('is refused without an approval, before the decision, to another person, and without the dispose permission', async () => {
    await expect(d().execute(o.staff, { witnessPresent: true })).rejects.toMatchObject({
      code: 'approval.required',
    });
    const req = await requestRecords([o.records[0]!]);
    expect(req).toMatchObject({ kind: 'dispose_records', level: 'protection_manager', status: 'submitted' });
    await expect(d().execute(o.staff, { requestId: req.id, witnessPresent: true })).rejects.toMatchObject({
      code: 'approval.not_approved',
    });
    await o.approve(req.id);
    const other = await o.as('tokyoKyomuStaff2');
    await expect(d().execute(other, { requestId: req.id, witnessPresent: true })).rejects.toMatchObject({
      code: 'approval.not_requester',
    });
    // 鈴木 holds a grant to read only: no 'dispose' permission, so no request (A11-1).
    await expect(
      d().request(other, {
        kind: 'dispose_records',
        fileId: o.tokyoFile,
        purpose: PURPOSE,
        recordIds: [o.records[1]!],
        witnessId: o.people.tokyoKyomuStaff1,
        plannedOn: '2026-12-01',
        reason: '不要になった記録の廃棄',
      }),
    ).rejects.toMatchObject({ code: 'vault.permission_missing' });
    // The witness is never the one who disposes.
    await expect(
      requestRecords([o.records[1]!], { witnessId: o.people.tokyoKyomuStaff1 }),
    ).rejects.toMatchObject({
      code: 'handling.disposal_witness_invalid',
    });
    // Nothing was erased by any of this.
    expect((await recordRow(o.records[0]!)).status).toBe('active');
    expect((await recordRow(o.records[1]!)).status).toBe('active');
  });

  it('an approval never widens the grant: a grant revoked after the approval refuses the act', async () => {
    const req = await requestRecords([o.records[0]!]);
    await o.approve(req.id);
    const grant = await db()
      .selectFrom('vault_grants')
      .select('id')
      .where('file_id', '=', o.tokyoFile)
      .where('person_id', '=', o.people.tokyoKyomuStaff1)
      .executeTakeFirstOrThrow();
    await services.vault.grants.revoke(o.sys, grant.id, { reason: '異動のため' });
    await expect(d().execute(o.staff, { requestId: req.id, witnessPresent: true })).rejects.toMatchObject({
      code: 'vault.no_grant',
    });
    expect((await recordRow(o.records[0]!)).status).toBe('active');
  });

  it('a disposed record cannot be decrypted by anyone, even with the database and the key file in hand, while its audit trail remains', async () => {
    const target = o.records[0]!; // the student with the (fictional) allergy note: a 要配慮 group too
    const studentNumber = 'T260001';
    // Read before: an access event names the record.
    await services.vault.records.view(o.staff, o.tokyoFile, target, { purpose: PURPOSE });
    // A correction report on it, sealed under the record's data key (A13).
    const before = await recordRow(target);
    const dataKey = await kek.unwrap(
      { kekVersion: before.key_version, wrapped: before.key_wrapped! },
      keyContext(o.tokyoFile, target),
    );
    const report = sealValues(
      dataKey,
      { fileId: o.tokyoFile, recordId: target, prefix: 'correction:x:' },
      STUDENT_FIELDS as never,
      {
        name: '訂正前の氏名（架空）',
      },
    ).sealed_normal;
    await db()
      .insertInto('handling_corrections')
      .values({
        id: newTimeOrderedId(),
        file_id: o.tokyoFile,
        record_id: target,
        fields: '["name"]',
        sealed_report: report,
        status: 'reported',
        reported_by: o.people.tokyoKyomuStaff2,
        reported_at: '2026-11-30T00:00:00.000Z',
        request_id: null,
        sealed_before: report,
        sealed_after: report,
        corrected_by: null,
        corrected_at: null,
      })
      .execute();
    // Control: with the key file and the row as they were, everything opens.
    const where = { fileId: o.tokyoFile, recordId: target };
    expect(openValues(dataKey, where, 'normal', before.sealed_normal)).toMatchObject({
      student_number: studentNumber,
    });
    expect(openValues(dataKey, where, 'sensitive', before.sealed_sensitive)).toMatchObject({
      health: '食物アレルギー（架空）',
    });
    expect((JSON.parse(before.index_keys!) as unknown[]).length).toBeGreaterThan(0);

    const done = await disposeRecords([target]);
    expect(done).toMatchObject({
      number: 'D2026-000001',
      kind: 'records',
      records: 1,
      method: 'crypto_erasure',
    });

    // 1. Nothing of the record is left to decrypt: every sealed column is null, the wrapped key too.
    const after = await recordRow(target);
    expect(after).toMatchObject({
      status: 'erased',
      key_wrapped: null,
      sealed_normal: null,
      sealed_sensitive: null,
      sealed_my_number: null,
      index_keys: null,
      updated_by: o.people.tokyoKyomuStaff1,
    });
    const index = await db().selectFrom('vault_index').selectAll().where('record_id', '=', target).execute();
    expect(index).toEqual([]);
    const corrections = await db()
      .selectFrom('handling_corrections')
      .selectAll()
      .where('record_id', '=', target)
      .execute();
    expect(corrections.map((c) => [c.sealed_report, c.sealed_before, c.sealed_after])).toEqual([
      [null, null, null],
    ]);
    await expect(services.vault.internals.reader.dataKey(after)).rejects.toMatchObject({
      code: 'vault.record_erased',
    });

    // 2. The whole database in hand: the old wrapped key and the old ciphertexts appear nowhere in it.
    const tables = (await db().introspection.getTables()).map((t) => t.name);
    let dump = '';
    for (const t of tables) dump += JSON.stringify(await sql`select * from ${sql.table(t)}`.execute(db()));
    for (const secret of [before.key_wrapped!, before.sealed_normal!, before.sealed_sensitive!, report!])
      expect(dump.includes(secret)).toBe(false);
    // Neither the values: the student number, name and note are in no table (the log included).
    for (const value of [studentNumber, '食物アレルギー（架空）']) expect(dump.includes(value)).toBe(false);

    // 3. The key file in hand too: the key-encryption key never held the data key. Every wrapped key
    //    left in the database opens only its own record (bound to its context), never the erased one,
    //    and no key that can be had opens the ciphertext saved before the disposal.
    const reopened = createFileKekProvider(keyFile, { recheckMs: 0 });
    const others = await db()
      .selectFrom('vault_records')
      .selectAll()
      .where('key_wrapped', 'is not', null)
      .execute();
    expect(others.length).toBe(9);
    for (const row of others) {
      const w = { kekVersion: row.key_version, wrapped: row.key_wrapped! };
      await expect(reopened.unwrap(w, keyContext(o.tokyoFile, target))).rejects.toBeInstanceOf(
        CiphertextError,
      );
      const theirs = await reopened.unwrap(w, keyContext(row.file_id, row.id));
      expect(() => openValues(theirs, where, 'normal', before.sealed_normal)).toThrow(CiphertextError);
    }
    expect(() => openValues(newDataKey(), where, 'normal', before.sealed_normal)).toThrow(CiphertextError);
    // Only the destroyed wrapped key opened it (what a backup from before the disposal still holds:
    // the operations guide limits how long backups live, ADR 0008 §7).
    const fromBackup = await reopened.unwrap(
      { kekVersion: before.key_version, wrapped: before.key_wrapped! },
      keyContext(o.tokyoFile, target),
    );
    expect(openValues(fromBackup, where, 'normal', before.sealed_normal)).toMatchObject({
      student_number: studentNumber,
    });

    // 4. The vault answers the erased record as erased, lists and finds only the others, and no crash.
    await expect(
      services.vault.records.view(o.staff, o.tokyoFile, target, { purpose: PURPOSE }),
    ).rejects.toMatchObject({
      code: 'vault.record_erased',
    });
    await expect(
      services.vault.records.reveal(o.staff, o.tokyoFile, target, { purpose: PURPOSE, fields: ['health'] }),
    ).rejects.toMatchObject({ code: 'vault.record_erased' });
    await expect(
      services.vault.records.update(o.staff, o.tokyoFile, target, {
        purpose: PURPOSE,
        values: { phone: '09000001000' },
      }),
    ).rejects.toMatchObject({ code: 'vault.record_erased' });
    const listed = await services.vault.records.list(o.staff, o.tokyoFile, { purpose: PURPOSE });
    // The others, all of them (records made in one millisecond have no fixed order among themselves).
    expect(listed.records.map((r) => r.id).sort()).toEqual(o.records.slice(1).sort());
    const found = await services.vault.records.search(o.staff, o.tokyoFile, {
      purpose: PURPOSE,
      field: 'student_number',
      value: studentNumber,
    });
    expect(found.records).toEqual([]);
    // The same student number may be entered again (a new record, a new key): the old one is gone.
    await o.student(o.tokyoFile, { ...students('T26')[0]!, phone: '090-0000-1000' });

    // 5. The audit trail remains: created, read and disposed, and the log verifies.
    await services.ledger.sequence();
    const created = await services.ledger.list(db(), { type: 'vault.record_created', subjectId: target });
    expect(created).toHaveLength(1);
    const read = await services.ledger.list(db(), { recordId: target });
    expect(read.map((e) => e.type)).toContain('vault.record_viewed');
    const disposed = await services.ledger.list(db(), { type: 'handling.disposed' });
    expect(disposed).toHaveLength(1);
    expect(disposed[0]!.payload).toMatchObject({
      number: 'D2026-000001',
      kind: 'records',
      method: 'crypto_erasure',
      records: 1,
      recordIds: [target],
    });
    expect(JSON.stringify(disposed[0]!.payload)).not.toContain(studentNumber);
    expect((await services.ledger.verify(db())).ok).toBe(true);

    // The approval is used once: the same request cannot dispose again.
    await expect(
      d().execute(o.staff, { requestId: done.requestId, witnessPresent: true }),
    ).rejects.toMatchObject({
      code: 'approval.not_approved',
    });
    // The approver and the witness are told (numbers only).
    const told = await db()
      .selectFrom('notifications')
      .selectAll()
      .where('kind', '=', 'disposal.executed')
      .execute();
    expect(told.map((n) => n.person_id).sort()).toEqual([o.people.tokyoKyomuHead, witness()].sort());
    expect(JSON.parse(told[0]!.data)).toEqual({ number: 'D2026-000001', records: 1 });
  });

  it('closes a pending change of an erased record (A26) so the check list still opens', async () => {
    const target = o.records[2]!;
    const row = await recordRow(target);
    const key = await kek.unwrap(
      { kekVersion: row.key_version, wrapped: row.key_wrapped! },
      keyContext(o.tokyoFile, target),
    );
    const changeId = newTimeOrderedId();
    const sealed = sealValues(
      key,
      { fileId: o.tokyoFile, recordId: target, prefix: `change:${changeId}:` },
      STUDENT_FIELDS as never,
      {
        phone: '09012345678',
      },
    );
    await db()
      .insertInto('vault_changes')
      .values({
        id: changeId,
        file_id: o.tokyoFile,
        record_id: target,
        kind: 'update',
        status: 'pending',
        base_revision: row.revision,
        schema_version: row.schema_version,
        fields: '["phone"]',
        ...sealed,
        made_at: '2026-11-30T00:00:00.000Z',
        made_by: o.people.tokyoKyomuStaff2,
        checked_at: null,
        checked_by: null,
        reason: null,
      })
      .execute();
    await services.vault.grants.grant(o.sys, o.tokyoFile, {
      personId: o.people.tokyoKyomuHead,
      permissions: ['read', 'verify'],
      validFrom: '2026-04-01',
      validUntil: '2027-03-31',
      reason: '照合のため',
    });
    const checker = await o.as('tokyoKyomuHead');
    const listed = async () =>
      (await services.vault.changes.pending(checker, o.tokyoFile, { purpose: PURPOSE })).changes.map(
        (c) => c.recordId,
      );
    expect(await listed()).toEqual([target]);
    await disposeRecords([target]);
    const change = await db()
      .selectFrom('vault_changes')
      .selectAll()
      .where('id', '=', changeId)
      .executeTakeFirstOrThrow();
    expect(change).toMatchObject({ status: 'rejected', sealed_normal: null, reason: 'erased (A15)' });
    expect(await listed()).toEqual([]);
  });

  it('holds records within the retention period of the 法人文書 unless the 総括保護管理者 approves an exception', async () => {
    const fileId = await fileAt(
      services,
      { unitId: o.units.tokyo, sectionId: o.sections.tokyoKyomu },
      'registered',
      {
        name: '奨学金ファイル',
        retentionYears: 5,
        retentionBasis: '法人文書管理規則 別表（5年）',
      },
    );
    await services.vault.files.open(o.sys, fileId, {
      fields: STUDENT_FIELDS,
      purposes: STUDENT_PURPOSES,
      important: false,
      keyField: 'student_number',
      expectedRecords: 50,
    });
    await o.grant(fileId, 'tokyoKyomuStaff1', { permissions: ['read', 'dispose'] });
    const ids: string[] = [];
    for (const s of students('S26', 3)) ids.push(await o.student(fileId, s));

    const facts = await d().fileFacts(o.staff, fileId);
    expect(facts).toMatchObject({ records: 3, held: 3, retentionYears: 5, heldUntil: '2031-11-30' });
    const ask = (over: Record<string, unknown> = {}) =>
      d().request(o.staff, {
        kind: 'dispose_records',
        fileId,
        purpose: PURPOSE,
        recordIds: ids.slice(0, 2),
        witnessId: witness(),
        plannedOn: '2026-12-01',
        reason: '誤って登録した記録の廃棄',
        ...over,
      });
    await expect(ask()).rejects.toMatchObject({ code: 'handling.retention_hold', status: 409 });
    const req = await ask({ retentionException: { reason: '本人の申出による利用停止（誤登録）' } });
    expect(req.level).toBe('chief_protection_manager');
    // The section's 保護管理者 cannot decide an exception; the 総括保護管理者 does.
    await expect(o.decide('tokyoKyomuHead', req.id, 'approve')).rejects.toMatchObject({ status: 403 });
    await o.decide('tokyoPrincipal', req.id, 'approve');
    const done = await d().execute(o.staff, { requestId: req.id, witnessPresent: true });
    expect(done).toMatchObject({ records: 2, retentionException: true });
    expect((await recordRow(ids[0]!)).status).toBe('erased');
    expect((await recordRow(ids[2]!)).status).toBe('active');
  });

  it('a file’s disposal erases every record, needs the 総括保護管理者, and leaves nothing in the index', async () => {
    const req = await d().request(o.staff, {
      kind: 'dispose_file',
      fileId: o.tokyoFile,
      purpose: PURPOSE,
      witnessId: witness(),
      plannedOn: '2026-12-01',
      reason: 'ファイルの廃止に伴う全件廃棄',
    });
    expect(req.level).toBe('chief_protection_manager');
    expect(req.recordIds).toBeNull();
    await o.approve(req.id);
    const done = await d().execute(o.staff, { requestId: req.id, witnessPresent: true });
    expect(done).toMatchObject({ kind: 'file', records: 10, fileName: '学籍ファイル' });
    const rows = await db()
      .selectFrom('vault_records')
      .selectAll()
      .where('file_id', '=', o.tokyoFile)
      .execute();
    expect(rows).toHaveLength(10);
    expect(
      rows.every((r) => r.status === 'erased' && r.key_wrapped === null && r.sealed_normal === null),
    ).toBe(true);
    expect(
      await db().selectFrom('vault_index').selectAll().where('file_id', '=', o.tokyoFile).execute(),
    ).toEqual([]);
    expect((await services.vault.records.list(o.staff, o.tokyoFile, { purpose: PURPOSE })).records).toEqual(
      [],
    );
    // Nothing is left to dispose.
    await expect(
      d().request(o.staff, {
        kind: 'dispose_file',
        fileId: o.tokyoFile,
        purpose: PURPOSE,
        witnessId: witness(),
        plannedOn: '2026-12-01',
        reason: '再度の廃棄',
      }),
    ).rejects.toMatchObject({ code: 'handling.disposal_nothing' });
    // A disposed file takes no new records, one by one or by import (the refusal is logged).
    await expect(
      services.vault.records.create(o.staff, o.tokyoFile, {
        purpose: PURPOSE,
        values: { student_number: 'T269999', name: '架空 次郎' },
      }),
    ).rejects.toMatchObject({ code: 'vault.file_disposed' });
  });

  it('a grant limited to some records may dispose them but not the whole file', async () => {
    const grant = await db()
      .selectFrom('vault_grants')
      .select('id')
      .where('file_id', '=', o.tokyoFile)
      .where('person_id', '=', o.people.tokyoKyomuStaff1)
      .executeTakeFirstOrThrow();
    await services.vault.grants.revoke(o.sys, grant.id, { reason: '範囲の変更' });
    await o.grant(o.tokyoFile, 'tokyoKyomuStaff1', {
      permissions: ['read', 'dispose'],
      scope: { groups: ['情報工学科3年'] },
    });
    await expect(
      d().request(o.staff, {
        kind: 'dispose_file',
        fileId: o.tokyoFile,
        purpose: PURPOSE,
        witnessId: witness(),
        plannedOn: '2026-12-01',
        reason: 'ファイルの廃止',
      }),
    ).rejects.toMatchObject({ code: 'handling.disposal_scope' });
    // records[1] is of 機械工学科: outside the scope, answered as not found.
    await expect(requestRecords([o.records[1]!])).rejects.toMatchObject({
      code: 'handling.disposal_records_not_found',
    });
    const ok = await requestRecords([o.records[0]!]);
    expect(ok.status).toBe('submitted');
  });

  it('disposes a medium with its method and witness, and numbers certificates in one series', async () => {
    const mediumId = '0195b7a0-0000-7000-8000-0000000000aa';
    await db()
      .insertInto('handling_media')
      .values({
        id: mediumId,
        unit_id: o.units.tokyo,
        section_id: o.sections.tokyoKyomu,
        label: 'USBメモリ 教務-03',
        kind: 'usb',
        storage_place: '教務係 書庫キャビネットA',
        file_ids: JSON.stringify([o.tokyoFile]),
        status: 'stored',
        registered_at: '2026-04-01T00:00:00.000Z',
        registered_by: null,
        disposed_at: null,
        disposal_method: null,
        disposal_witness: null,
        disposal_request_id: null,
      })
      .execute();
    const ask = (ctx = o.staff) =>
      d().request(ctx, {
        kind: 'dispose_medium',
        mediumId,
        method: 'physical_destruction',
        witnessId: witness(),
        plannedOn: '2026-12-01',
        reason: '故障した媒体の廃棄',
      });
    // Staff of another section cannot ask for it.
    await expect(ask(await o.as('tokyoToshoHead'))).rejects.toMatchObject({
      code: 'handling.disposal_medium_forbidden',
    });
    await disposeRecords([o.records[3]!]); // D2026-000001
    const req = await ask();
    expect(req.level).toBe('protection_manager');
    await o.approve(req.id);
    const done = await d().execute(o.staff, { requestId: req.id, witnessPresent: true });
    expect(done).toMatchObject({
      number: 'D2026-000002',
      kind: 'medium',
      mediumLabel: 'USBメモリ 教務-03',
      method: 'physical_destruction',
      witnessName: '鈴木 美咲',
      records: 0,
    });
    const medium = await db()
      .selectFrom('handling_media')
      .selectAll()
      .where('id', '=', mediumId)
      .executeTakeFirstOrThrow();
    expect(medium).toMatchObject({
      status: 'disposed',
      disposal_method: 'physical_destruction',
      disposal_witness: witness(),
      disposal_request_id: req.id,
    });
    await expect(ask()).rejects.toMatchObject({ code: 'handling.disposal_medium_state' });
    // Who sees the disposals: the section's manager sees both, 図書係's does not, the witness sees theirs.
    expect((await d().list(await o.as('tokyoKyomuHead'), {})).disposals.map((x) => x.number)).toEqual([
      'D2026-000002',
      'D2026-000001',
    ]);
    expect((await d().list(await o.as('tokyoToshoHead'), {})).disposals).toEqual([]);
    await expect(d().get(await o.as('tokyoToshoHead'), done.id)).rejects.toMatchObject({
      code: 'handling.disposal_not_found',
    });
    expect((await d().list(await o.as('tokyoKyomuStaff2'), {})).disposals).toHaveLength(2);
  });
});
