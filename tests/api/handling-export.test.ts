/**
 * Copies and temporary copies (issue 7; A12(1), A24の2), on SQLite and PostgreSQL: a copy is made
 * at once where the file's rules need no approval and refused without one where they do; an approval
 * never widens a grant; the archive opens with its password only and holds exactly the granted
 * records and fields, marked with the request number and the requester; an expired copy is gone from
 * disk; the holder confirms deletion of local copies and an unconfirmed one is flagged to the
 * 保護管理者 once; the log holds one access entry per copy; no held person's data in audit data or
 * file names.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader, type FileEntry } from '@zip.js/zip.js';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../server/app.ts';
import { toTokyoDate, type Clock } from '../../server/platform/clock.ts';
import { databases } from '../support/databases.ts';
import { buildHandlingOrg, type HandlingOrg } from '../support/handling-fixture.ts';
import { TEST_NOW, testServices } from '../support/test-services.ts';
import { students } from '../support/vault-fixture.ts';

const DAY = 86_400_000;

/** A clock tests move forward. */
function movableClock(iso = TEST_NOW) {
  let at = new Date(iso).getTime();
  const clock: Clock = { now: () => new Date(at), today: () => toTokyoDate(new Date(at)) };
  return { clock, advance: (ms: number) => void (at += ms) };
}

/** The one entry of an archive, opened with a password (throws when it is wrong). */
async function openArchive(bytes: Uint8Array, password: string) {
  const reader = new ZipReader(new Uint8ArrayReader(bytes), { password });
  const [entry, ...rest] = await reader.getEntries();
  expect(rest).toHaveLength(0);
  expect(entry!.encrypted).toBe(true);
  const content = await (entry as FileEntry).getData(new Uint8ArrayWriter());
  await reader.close();
  return { name: entry!.filename, content };
}

const FIELDS = ['student_number', 'name', 'class', 'health'];

describe.each(databases)('copies of held information on %s (A12(1), A24の2)', (kind) => {
  let services: Services;
  let o: HandlingOrg;
  let time: ReturnType<typeof movableClock>;
  let dataDir: string;
  const exportsDir = () => path.join(dataDir, 'exports');

  beforeEach(async () => {
    time = movableClock();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-export-'));
    services = await testServices(kind, { clock: time.clock, env: { DATA_DIR: dataDir } });
    o = await buildHandlingOrg(services);
  });
  afterEach(async () => {
    await services.database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const ex = () => services.handling.exports;
  const spec = (over: Record<string, unknown> = {}) => ({
    fileId: o.tokyoFile,
    purpose: 'enrolment',
    fields: FIELDS,
    format: 'xlsx',
    reason: '成績会議の資料作成のため',
    ...over,
  });
  const requireApproval = async () =>
    services.handling.rules.update(await o.as('tokyoPrincipal'), o.tokyoFile, {
      rules: {
        ...(await services.handling.rules.view(await o.as('tokyoPrincipal'), o.tokyoFile)).rules,
        export: 'protection_manager',
      },
      reason: '成績情報を含むため複製は承認制とする',
    });
  const storedFile = async (id: string) => {
    const row = await services.database.db
      .selectFrom('handling_exports')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { row, file: row.stored_name ? path.join(exportsDir(), row.stored_name) : null };
  };
  const audits = (type: string) => services.ledger.list(services.database.db, { type });

  it('an ordinary file is copied without approval: an AES-256 archive marked with the number and requester, opened only by its password', async () => {
    expect(await services.handling.rules.requirement(o.tokyoFile, 'export')).toBe('none');
    const made = await ex().make(o.staff, spec());
    expect(made.password).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){3}$/);
    expect(made.export).toMatchObject({
      number: 'R2026-000001',
      holderName: '清水 大輔',
      archiveName: 'R2026-000001_学籍ファイル.zip',
      records: 10,
      state: 'available',
      confirmation: 'not_needed',
      expiresAt: new Date(new Date(TEST_NOW).getTime() + 7 * DAY).toISOString(),
    });

    const { file, row } = await storedFile(made.export.id);
    expect(path.basename(file!)).toMatch(/^[0-9a-f]{32}\.zip$/);
    expect(fs.statSync(file!).mode & 0o777).toBe(0o600);
    expect(fs.statSync(exportsDir()).mode & 0o777).toBe(0o700);
    const bytes = fs.readFileSync(file!);
    expect(row.size).toBe(bytes.length);
    // The password is nowhere in the database.
    expect(JSON.stringify(row)).not.toContain(made.password);

    const { name, content } = await openArchive(bytes, made.password);
    expect(name).toBe('R2026-000001_学籍ファイル.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(content) as unknown as ArrayBuffer);
    const info = book.getWorksheet('複製情報')!;
    const marks = Object.fromEntries(
      info.getSheetValues().flatMap((r) => (Array.isArray(r) ? [[r[1] as string, r[2] as string]] : [])),
    );
    expect(marks['申請番号']).toBe('R2026-000001');
    expect(marks['申請者']).toBe('清水 大輔');
    expect(marks['作成日時']).toBe('2026-11-30 09:30 (JST)');
    expect(marks['有効期限']).toBe('2026-12-07 09:30 (JST)');
    const sheet = book.getWorksheet('記録')!;
    const rows = sheet
      .getSheetValues()
      .filter(Array.isArray)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows[0]).toEqual(['学生番号', '氏名', '学科・学年・クラス', '健康上の配慮']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(students('T26').map((s) => s.student_number));
    expect(rows[1]![3]).toBe('食物アレルギー（架空）');

    await expect(openArchive(bytes, 'AAAA-BBBB-CCCC-DDDD')).rejects.toThrow(/password/i);

    // One access entry for the copy, naming every record and field; the audit event has no values.
    const access = await audits('vault.records_exported');
    expect(access).toHaveLength(1);
    expect([...(access[0]!.payload!.records as string[])].sort()).toEqual([...o.records].sort());
    expect(access[0]!.payload!.fields).toEqual(FIELDS);
    const madeEvents = await audits('handling.export_made');
    expect(madeEvents).toHaveLength(1);
    const logged = JSON.stringify(madeEvents[0]);
    for (const s of students('T26')) {
      expect(logged).not.toContain(s.name);
      expect(logged).not.toContain(s.student_number);
    }
    expect(logged).not.toContain(made.password);
    // The request that needed no approval is recorded, done, with the export.
    expect((await services.approvals.approvals.row(made.export.requestId))!.status).toBe('done');
  });

  it('where the rules require approval, a copy without it is refused; with it, exactly what was approved is made, once', async () => {
    await requireApproval();
    await expect(ex().make(o.staff, spec())).rejects.toMatchObject({ code: 'approval.required' });
    expect(fs.existsSync(exportsDir()) ? fs.readdirSync(exportsDir()) : []).toEqual([]);
    expect(await audits('vault.records_exported')).toHaveLength(0);

    const chosen = o.records.slice(2, 5);
    const asked = await ex().submit(
      o.staff,
      spec({ format: 'csv', recordIds: chosen, fields: ['student_number', 'name'], days: 2 }),
    );
    expect(asked.level).toBe('protection_manager');
    await expect(ex().make(o.staff, { requestId: asked.requestId })).rejects.toMatchObject({
      code: 'approval.not_approved',
    });
    await o.approve(asked.requestId);
    const made = await ex().make(o.staff, { requestId: asked.requestId });
    expect(made.export).toMatchObject({ number: asked.number, format: 'csv', records: 3 });
    expect(made.export.expiresAt).toBe(new Date(new Date(TEST_NOW).getTime() + 2 * DAY).toISOString());
    const { file } = await storedFile(made.export.id);
    const { name, content } = await openArchive(fs.readFileSync(file!), made.password);
    expect(name).toBe(`${asked.number}_学籍ファイル.csv`);
    const text = Buffer.from(content).toString('utf8');
    expect(text.startsWith('\uFEFF申請番号,R2026-000001\r\n申請者,清水 大輔\r\n')).toBe(true);
    const table = text.split('\r\n\r\n')[1]!.trim().split('\r\n');
    expect(table).toEqual([
      '学生番号,氏名',
      ...students('T26')
        .slice(2, 5)
        .map((s) => `${s.student_number},${s.name}`),
    ]);
    expect(text).not.toContain('情報工学科');
    // An approval is used once.
    await expect(ex().make(o.staff, { requestId: asked.requestId })).rejects.toMatchObject({
      code: 'approval.not_approved',
    });
    // Another person cannot use it.
    await expect(
      ex().make(await o.as('tokyoKyomuStaff2'), { requestId: asked.requestId }),
    ).rejects.toMatchObject({ code: 'approval.not_requester' });
  });

  it('an approval never widens a grant: without the export permission the copy is refused and nothing is read', async () => {
    await requireApproval();
    const reader = await o.as('tokyoKyomuStaff2'); // 鈴木: read only
    await expect(ex().submit(reader, spec())).rejects.toMatchObject({ code: 'vault.permission_missing' });
    // Even a request that reached approval (put in through the engine directly) does not open the file.
    const req = await services.approvals.approvals.submit(reader, {
      kind: 'export',
      unitId: o.units.tokyo,
      sectionId: o.sections.tokyoKyomu,
      fileId: o.tokyoFile,
      reason: '資料作成のため',
      payload: { purpose: 'enrolment', fields: ['student_number'], format: 'csv', days: 7 },
      level: 'protection_manager',
    });
    await o.approve(req.id);
    await expect(ex().make(reader, { requestId: req.id })).rejects.toMatchObject({
      code: 'vault.permission_missing',
    });
    expect(await audits('vault.records_exported')).toHaveLength(0);
    expect((await services.approvals.approvals.row(req.id))!.status).toBe('approved');

    // With export but without reveal, the 要配慮 field cannot be copied; a field outside the grant neither.
    const sys = o.sys;
    const live = await services.database.db
      .selectFrom('vault_grants')
      .select('id')
      .where('person_id', '=', o.people.tokyoKyomuStaff2)
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    await services.vault.grants.revoke(sys, live.id, { reason: '付与内容の変更' });
    await o.grant(o.tokyoFile, 'tokyoKyomuStaff2', {
      permissions: ['read', 'export'],
      fields: ['student_number', 'name', 'health'],
    });
    await expect(ex().submit(reader, spec({ fields: ['student_number', 'health'] }))).rejects.toMatchObject({
      code: 'vault.permission_missing',
    });
    await expect(ex().submit(reader, spec({ fields: ['student_number', 'class'] }))).rejects.toMatchObject({
      code: 'vault.field_not_granted',
    });
    // My Numbers only under A7の2/A11の2: not for a purpose outside the My Number Act, reveal or not.
    await o.grant(o.payrollFile, 'kyuyoStaff', { permissions: ['read', 'reveal', 'export'] });
    const payroll = await o.as('kyuyoStaff');
    expect(await services.handling.rules.requirement(o.payrollFile, 'export')).toBe('protection_manager');
    await expect(
      ex().submit(
        payroll,
        spec({ fileId: o.payrollFile, purpose: 'payroll', fields: ['employee_number', 'my_number'] }),
      ),
    ).rejects.toMatchObject({ code: 'vault.purpose_not_my_number' });
    // A record id from another file is not found (and tells nothing).
    const other = await o.student(o.nagaokaFile, students('N26', 1)[0]!);
    await expect(ex().submit(o.staff, spec({ recordIds: [other] }))).rejects.toMatchObject({
      code: 'vault.record_not_found',
    });
  });

  it('an expired copy is gone from disk: the job deletes it, download answers 410 and the holder is told', async () => {
    const made = await ex().make(o.staff, spec({ days: 1 }));
    const { file } = await storedFile(made.export.id);
    expect(fs.existsSync(file!)).toBe(true);
    expect((await ex().download(o.staff, made.export.id)).body.equals(fs.readFileSync(file!))).toBe(true);

    time.advance(DAY - 60_000);
    await ex().sweep();
    expect(fs.existsSync(file!)).toBe(true);

    time.advance(60_000);
    expect((await ex().sweep()).expired).toBe(1);
    expect(fs.existsSync(file!)).toBe(false);
    const { row } = await storedFile(made.export.id);
    expect(row).toMatchObject({
      deleted_why: 'expired',
      stored_name: null,
      deleted_at: time.clock.now().toISOString(),
    });
    await expect(ex().download(o.staff, made.export.id)).rejects.toMatchObject({
      code: 'handling.export_expired',
    });
    expect((await services.approvals.notifications.list(o.staff)).map((n) => n.kind)).toContain(
      'export.expired',
    );
    expect(await audits('handling.export_expired')).toHaveLength(1);
    expect((await ex().get(o.staff, made.export.id)).state).toBe('expired');

    // A stray file no row names is deleted once a day old; a fresh one waits (it may be mid-write).
    const old = path.join(exportsDir(), 'stray-old.zip');
    const fresh = path.join(exportsDir(), 'stray-new.zip');
    fs.writeFileSync(old, 'x');
    fs.writeFileSync(fresh, 'x');
    const longAgo = new Date(time.clock.now().getTime() - 2 * DAY);
    fs.utimesSync(old, longAgo, longAgo);
    fs.utimesSync(fresh, time.clock.now(), time.clock.now());
    expect((await ex().sweep()).strays).toBe(1);
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
  });

  it('the holder confirms deletion of local copies; unconfirmed past three days it is flagged once to the holder and the 保護管理者', async () => {
    const a = await ex().make(o.staff, spec({ days: 1 }));
    const b = await ex().make(o.staff, spec({ days: 1, format: 'csv' }));
    const c = await ex().make(o.staff, spec({ days: 1 }));
    await ex().download(o.staff, a.export.id);
    await ex().download(o.staff, b.export.id);
    // c is never downloaded: nothing to confirm.
    await expect(ex().confirmDeleted(o.staff, c.export.id)).rejects.toMatchObject({
      code: 'handling.export_not_downloaded',
    });

    const manager = await o.as('tokyoKyomuHead');
    const outstanding = async () =>
      Object.fromEntries((await ex().list(manager)).outstanding!.map((e) => [e.id, e.confirmation]));
    expect(await outstanding()).toEqual({
      [a.export.id]: 'pending',
      [b.export.id]: 'pending',
      [c.export.id]: 'not_needed',
    });
    expect((await ex().list(await o.as('tokyoKyomuStaff2'))).outstanding).toBeNull();

    // b's holder confirms before expiry: the copy on the server goes with it.
    const confirmed = await ex().confirmDeleted(o.staff, b.export.id);
    expect(confirmed).toMatchObject({ confirmation: 'confirmed', state: 'deleted', deletedWhy: 'holder' });
    expect((await storedFile(b.export.id)).file).toBeNull();

    time.advance(DAY + 3 * DAY + 60_000);
    const first = await ex().sweep();
    expect(first).toMatchObject({ expired: 2, overdue: 1 });
    expect(await outstanding()).toEqual({ [a.export.id]: 'overdue' });
    const told = async (key: 'tokyoKyomuStaff1' | 'tokyoKyomuHead') =>
      (await services.approvals.notifications.list(await o.as(key))).filter(
        (n) => n.kind === 'export.confirm_overdue',
      );
    expect(await told('tokyoKyomuStaff1')).toHaveLength(1);
    expect(await told('tokyoKyomuHead')).toHaveLength(1);
    // Once only.
    expect((await ex().sweep()).overdue).toBe(0);
    expect(await told('tokyoKyomuHead')).toHaveLength(1);

    await ex().confirmDeleted(o.staff, a.export.id);
    expect(await outstanding()).toEqual({});
    expect((await ex().list(o.staff)).mine.map((e) => e.confirmation).sort()).toEqual([
      'confirmed',
      'confirmed',
      'not_needed',
    ]);
  });

  it('only the holder downloads, deletes or confirms a copy; the manager sees it; others get 404', async () => {
    const made = await ex().make(o.staff, spec());
    const manager = await o.as('tokyoKyomuHead');
    const outsider = await o.as('tokyoToshoHead');
    expect((await ex().get(manager, made.export.id)).holderName).toBe('清水 大輔');
    for (const who of [manager, outsider]) {
      await expect(ex().download(who, made.export.id)).rejects.toMatchObject({
        code: 'handling.export_not_found',
      });
      await expect(ex().deleteEarly(who, made.export.id)).rejects.toMatchObject({
        code: 'handling.export_not_found',
      });
      await expect(ex().confirmDeleted(who, made.export.id)).rejects.toMatchObject({
        code: 'handling.export_not_found',
      });
    }
    await expect(ex().get(outsider, made.export.id)).rejects.toMatchObject({
      code: 'handling.export_not_found',
    });

    const { file } = await storedFile(made.export.id);
    const gone = await ex().deleteEarly(o.staff, made.export.id);
    expect(gone).toMatchObject({ state: 'deleted', deletedWhy: 'holder' });
    expect(fs.existsSync(file!)).toBe(false);
    await expect(ex().download(o.staff, made.export.id)).rejects.toMatchObject({
      code: 'handling.export_expired',
    });
    await expect(ex().deleteEarly(o.staff, made.export.id)).rejects.toMatchObject({
      code: 'handling.export_already_deleted',
    });
  });
});
