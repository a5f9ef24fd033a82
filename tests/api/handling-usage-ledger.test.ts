/**
 * The usage ledger (issue 7, A16; ADR 0008 §8) matches the log for a scripted week of work: staff of
 * 東京 教務係 list, search, view, reveal, create, update and export records of the 学籍ファイル with
 * different purposes from Monday to Friday; requests are approved and the acts of the week are done
 * (a copy, a take-out, a correction, a disposal, a use outside the purpose). The ledger's rows and
 * totals equal what the log's entries say, counted here straight from ledger_entries, and what the
 * script did; its filters, its readers, its downloads (XLSX, PDF) and its monthly sign-off hold.
 * SQLite and PostgreSQL.
 */
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { LedgerRowView, LedgerView, ReviewView } from '../../shared/api/handling-usage.ts';
import type { Services } from '../../server/app.ts';
import type { Ctx } from '../../server/platform/context.ts';
import { newTimeOrderedId } from '../../server/platform/ids.ts';
import { databases } from '../support/databases.ts';
import { buildHandlingOrg, type HandlingOrg } from '../support/handling-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';
import { apiHarness, sessionClient, type HttpApp } from './support/http-client.ts';
import { MutableClock } from './support/mutable-clock.ts';

const MONDAY = '2026-11-16T00:30:00.000Z'; // 09:30 in Tokyo

/** Moves the clock to a Tokyo day of the week (0 = Monday) at a Tokyo hour. */
function at(clock: MutableClock, day: number, hour: number, minute = 0) {
  const target = new Date(MONDAY).getTime() + day * 86_400_000 + ((hour - 9) * 60 + minute - 30) * 60_000;
  clock.advanceMinutes((target - clock.now().getTime()) / 60_000);
}

const RECORD_TYPES = [
  'vault.record_created',
  'vault.record_updated',
  'vault.change_submitted',
  'vault.change_verified',
  'vault.change_rejected',
];

/**
 * The week's uses as the log has them, counted from ledger_entries without the ledger's code: every
 * access entry about the file and every change of one of its records. The read behind an approved
 * export names the export: it is counted apart (the ledger shows it as the export's row).
 */
async function fromTheLog(services: Services, fileId: string, from: string, to: string) {
  const rows = await services.database.db
    .selectFrom('ledger_entries')
    .select(['kind', 'type', 'actor_id', 'payload', 'subject_type', 'subject_id', 'outcome'])
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to)
    .execute();
  const counted = new Map<string, { times: number; records: number }>();
  const exports: { records: number; number: string }[] = [];
  for (const r of rows) {
    if (r.outcome !== 'ok') continue;
    const p = JSON.parse(r.payload) as {
      records?: string[];
      fileId?: string;
      purposeCode?: string;
      exportId?: string;
      number?: string;
    };
    const aboutFile = r.subject_type === 'vault_file' && r.subject_id === fileId;
    const recordOfFile = r.subject_type === 'vault_record' && p.fileId === fileId;
    let records: number;
    if (r.kind === 'access' && aboutFile) records = p.records?.length ?? 0;
    else if (r.kind === 'audit' && recordOfFile && RECORD_TYPES.includes(r.type)) records = 1;
    else continue;
    if (p.exportId) {
      exports.push({ records, number: p.number! });
      continue;
    }
    const key = `${r.actor_id ?? 'system'}|${p.purposeCode ?? ''}|${r.type}`;
    const c = counted.get(key) ?? { times: 0, records: 0 };
    counted.set(key, { times: c.times + 1, records: c.records + records });
  }
  return { counted, exports };
}

/** The ledger's rows that come from the log, summed the same way. */
function fromTheLedger(rows: LedgerRowView[]) {
  const summed = new Map<string, { times: number; records: number }>();
  for (const r of rows) {
    if (!r.operation.includes('.')) continue; // an act of the handling tables
    const key = `${r.personId ?? 'system'}|${r.purposeCode ?? ''}|${r.operation}`;
    const c = summed.get(key) ?? { times: 0, records: 0 };
    summed.set(key, { times: c.times + r.times, records: c.records + r.records });
  }
  return summed;
}

/** An act of another part of issue 7, done as its module does it: its row and the request's completion in one transaction. */
async function act(
  services: Services,
  o: HandlingOrg,
  by: Ctx,
  input: {
    kind: string;
    level?: 'protection_manager' | 'chief_protection_manager';
    recordIds?: string[];
    payload?: Record<string, unknown>;
  },
  row: (
    tx: Parameters<Parameters<Services['database']['transaction']>[0]>[0],
    requestId: string,
  ) => Promise<void>,
  read?: (requestId: string, number: string) => Promise<void>,
) {
  const { approvals } = services.approvals;
  const req = await approvals.submit(by, {
    kind: input.kind,
    unitId: o.units.tokyo,
    sectionId: o.sections.tokyoKyomu,
    fileId: o.tokyoFile,
    recordIds: input.recordIds ?? null,
    reason: '週次の事務のため（テスト）',
    payload: input.payload ?? {},
    level: input.level ?? 'protection_manager',
  });
  await o.approve(req.id);
  const approved = (await approvals.row(req.id))!;
  await read?.(req.id, approved.number);
  await services.database.transaction(async (tx) => {
    await row(tx, req.id);
    await approvals.complete(tx, by, approved);
  });
  return approved.number;
}

async function ledgerOf(app: HttpApp, services: Services, personId: string, url: string) {
  const client = await sessionClient(app, services, personId);
  return client.request('GET', url);
}

describe.each(databases)('the usage ledger on %s (A16)', (kind) => {
  it('matches the log for a scripted week of work, filters, downloads, and is read only by its keepers', async () => {
    const clock = new MutableClock(MONDAY);
    const api = await apiHarness(kind, { clock, org: false });
    const { services, app } = api;
    const o = await buildHandlingOrg(services);
    await o.appoint('president', 'chief_manager', 'director1');
    await o.appoint('president', 'audit_officer', 'auditor');
    const { records } = services.vault;
    const file = o.tokyoFile;
    const [r0, r1, r2, r3] = o.records as [string, string, string, string];
    const shimizu = o.staff; // 清水: every permission
    const suzuki = await o.as('tokyoKyomuStaff2'); // 鈴木: read only
    const head = await o.as('tokyoKyomuHead'); // 佐藤: the section's 保護管理者

    // Monday
    at(clock, 0, 10);
    await records.list(shimizu, file, { purpose: 'enrolment' }); // 10 records
    await records.view(shimizu, file, r0, { purpose: 'enrolment' });
    at(clock, 0, 11);
    await records.list(suzuki, file, { purpose: 'certificates' });
    const created = await records.create(shimizu, file, {
      purpose: 'enrolment',
      values: { student_number: 'T260099', name: '転入 太郎', class: '情報工学科3年' },
    });
    // Tuesday
    at(clock, 1, 9, 45);
    await records.search(shimizu, file, {
      purpose: 'certificates',
      field: 'student_number',
      value: 'T260002',
    });
    await records.update(shimizu, file, r1, { purpose: 'enrolment', values: { phone: '090-1111-2222' } });
    at(clock, 1, 15);
    await records.view(suzuki, file, r2, { purpose: 'certificates' });
    await records.view(suzuki, file, r3, { purpose: 'certificates' });
    // Wednesday: a 要配慮 field shown, a CSV taken (a copy, A12(1)), an approved export (A24の2)
    at(clock, 2, 10);
    await records.reveal(shimizu, file, r0, { purpose: 'enrolment', fields: ['health'] });
    await records.exportCsv(shimizu, file, { purpose: 'certificates' });
    at(clock, 2, 14);
    const exportId = newTimeOrderedId();
    const exportNumber = await act(
      services,
      o,
      shimizu,
      { kind: 'export', payload: { purpose: 'enrolment' } },
      async (tx, requestId) => {
        const now = clock.now().toISOString();
        await tx
          .insertInto('handling_exports')
          .values({
            id: exportId,
            request_id: requestId,
            file_id: file,
            person_id: o.people.tokyoKyomuStaff1,
            format: 'xlsx',
            stored_name: 'week.zip',
            records: 11,
            size: 1234,
            sha256: '0'.repeat(64),
            created_at: now,
            expires_at: new Date(clock.now().getTime() + 7 * 86_400_000).toISOString(),
            deleted_at: null,
            deleted_why: null,
            downloaded_at: null,
            local_deleted_at: null,
          })
          .execute();
      },
      // The export module reads the records through the vault first; the read names the export.
      (requestId, number) =>
        services.ledger.access(shimizu, {
          type: 'vault.records_exported',
          unitId: o.units.tokyo,
          sectionId: o.sections.tokyoKyomu,
          purpose: '学籍管理',
          subjectType: 'vault_file',
          subjectId: file,
          records: [...o.records, created.id],
          outcome: 'ok',
          data: { purposeCode: 'enrolment', exportId, requestId, number, format: 'xlsx' },
        }),
    );
    // Thursday: media taken out (A12(3)), a correction (A13)
    at(clock, 3, 9, 30);
    const takeOutNumber = await act(
      services,
      o,
      shimizu,
      { kind: 'take_out', recordIds: [r0, r1, r2] },
      async (tx, requestId) => {
        const now = clock.now().toISOString();
        await tx
          .insertInto('handling_movements')
          .values({
            id: newTimeOrderedId(),
            request_id: requestId,
            kind: 'take_out',
            file_id: file,
            medium_id: null,
            recipient: '八王子市教育委員会',
            means: '暗号化USBメモリ',
            planned_at: '2026-11-19',
            due_back: '2026-11-20',
            done_at: now,
            done_by: o.people.tokyoKyomuStaff1,
            returned_at: null,
            returned_by: null,
          })
          .execute();
      },
    );
    at(clock, 3, 16);
    const correctionNumber = await act(
      services,
      o,
      shimizu,
      { kind: 'correction', recordIds: [r2] },
      async (tx, requestId) => {
        const now = clock.now().toISOString();
        await tx
          .insertInto('handling_corrections')
          .values({
            id: newTimeOrderedId(),
            file_id: file,
            record_id: r2,
            fields: JSON.stringify(['phone']),
            sealed_report: null,
            status: 'corrected',
            reported_by: o.people.tokyoKyomuStaff2,
            reported_at: now,
            request_id: requestId,
            sealed_before: null,
            sealed_after: null,
            corrected_by: o.people.tokyoKyomuStaff1,
            corrected_at: now,
          })
          .execute();
      },
    );
    // Friday: a use outside the purpose (A17-2), a record disposed (A15), a last list
    at(clock, 4, 10);
    const outNumber = await act(
      services,
      o,
      shimizu,
      {
        kind: 'out_of_purpose',
        level: 'chief_protection_manager',
        recordIds: [r3],
        payload: { ground: 'statistics_or_benefit', mode: 'use', purpose: 'enrolment' },
      },
      (tx, requestId) =>
        // What the purpose module writes when the requester records the use done (A17-2).
        services.ledger.audit(tx, shimizu, {
          type: 'handling.out_of_purpose_done',
          subjectType: 'ApprovalRequest',
          subjectId: requestId,
          unitId: o.units.tokyo,
          sectionId: o.sections.tokyoKyomu,
          data: {
            fileId: file,
            ground: 'statistics_or_benefit',
            mode: 'use',
            records: 4,
            doneOn: '2026-11-20',
          },
        }),
    );
    at(clock, 4, 11);
    const disposalNumber = await act(
      services,
      o,
      shimizu,
      { kind: 'dispose_records', recordIds: [created.id] },
      async (tx, requestId) => {
        await tx
          .insertInto('handling_disposals')
          .values({
            id: newTimeOrderedId(),
            number: 'D2026-000001',
            request_id: requestId,
            kind: 'records',
            file_id: file,
            medium_id: null,
            records: 1,
            method: 'crypto_erasure',
            witness_id: o.people.tokyoKyomuHead,
            executed_by: o.people.tokyoKyomuStaff1,
            executed_at: clock.now().toISOString(),
            certificate_sha256: null,
          })
          .execute();
      },
    );
    at(clock, 4, 17);
    await records.list(suzuki, file, { purpose: 'certificates' });
    void head;

    // The week's ledger, as its 保護管理者 reads it on Friday evening.
    at(clock, 4, 18);
    await services.ledger.sequence();
    const base = `/api/handling/files/${file}/ledger`;
    const week = '?from=2026-11-16&to=2026-11-20&pageSize=500';
    const res = await ledgerOf(app, services, o.people.tokyoKyomuHead, base + week);
    expect(res.statusCode).toBe(200);
    const ledger = res.json<LedgerView>();
    expect(ledger.from).toBe('2026-11-16');
    expect(ledger.fileName).toBe('学籍ファイル');

    // Every use the log records is in the ledger, and nothing else.
    const logged = await fromTheLog(services, file, '2026-11-15T15:00:00.000Z', '2026-11-20T15:00:00.000Z');
    expect(fromTheLedger(ledger.rows)).toEqual(logged.counted);
    expect(logged.exports).toEqual([{ records: 11, number: exportNumber }]);

    // …and what the script did, day by day.
    const rowsOf = (personId: string, operation: string) =>
      ledger.rows.filter((r) => r.personId === personId && r.operation === operation);
    const S1 = o.people.tokyoKyomuStaff1;
    const S2 = o.people.tokyoKyomuStaff2;
    expect(rowsOf(S1, 'vault.records_listed')).toMatchObject([
      {
        day: '2026-11-16',
        act: 'use',
        purposeCode: 'enrolment',
        purposeLabel: '学籍管理',
        times: 1,
        records: 10,
      },
    ]);
    expect(rowsOf(S2, 'vault.records_listed').map((r) => [r.day, r.records, r.purposeLabel])).toEqual([
      ['2026-11-20', 11, '証明書の発行'],
      ['2026-11-16', 10, '証明書の発行'],
    ]);
    expect(rowsOf(S2, 'vault.record_viewed')).toMatchObject([
      { day: '2026-11-17', times: 2, records: 2, purposeCode: 'certificates' },
    ]);
    expect(rowsOf(S1, 'vault.record_created')).toMatchObject([{ day: '2026-11-16', records: 1 }]);
    expect(rowsOf(S1, 'vault.record_updated')).toMatchObject([{ day: '2026-11-17', records: 1 }]);
    expect(rowsOf(S1, 'vault.fields_revealed')).toMatchObject([{ day: '2026-11-18', records: 1 }]);
    expect(rowsOf(S1, 'vault.records_exported')).toMatchObject([{ act: 'copy', records: 11 }]);
    const person = ledger.rows.find((r) => r.personId === S1)!;
    expect(person.personName).toBe('清水 大輔');
    expect(person.employeeNumber).toMatch(/^\w+$/);

    // The acts of the week: one row each, with the request's number.
    const acts = ledger.rows.filter((r) => !r.operation.includes('.'));
    expect(acts.map((r) => [r.act, r.requestNumber, r.records])).toEqual([
      ['disposal', disposalNumber, 1],
      ['out_of_purpose', outNumber, 4],
      ['correction', correctionNumber, 1],
      ['take_out', takeOutNumber, 3],
      ['copy', exportNumber, 11],
    ]);
    expect(acts.find((r) => r.act === 'take_out')!.note).toContain('返却予定：2026-11-20');
    expect(acts.find((r) => r.act === 'correction')!.note).toBe('項目：電話番号');
    expect(acts.find((r) => r.act === 'disposal')!.note).toContain('D2026-000001');
    expect(acts.find((r) => r.act === 'copy')!.purposeCode).toBe('enrolment');
    expect(acts.find((r) => r.act === 'out_of_purpose')!.note).toBe(
      '根拠：第4号（統計・学術研究・本人の利益等）／形態：内部での利用',
    );

    // Totals: by act and by purpose, over every row.
    const sum = (rows: LedgerRowView[]) => ({
      times: rows.reduce((n, r) => n + r.times, 0),
      records: rows.reduce((n, r) => n + r.records, 0),
    });
    expect(ledger.totalRows).toBe(ledger.rows.length);
    expect(ledger.totals.all).toEqual(sum(ledger.rows));
    expect(ledger.totals.byAct.map((t) => t.act)).toEqual([
      'use',
      'copy',
      'take_out',
      'correction',
      'disposal',
      'out_of_purpose',
    ]);
    expect(ledger.totals.byAct.find((t) => t.act === 'copy')).toEqual({ act: 'copy', times: 2, records: 22 });
    for (const t of ledger.totals.byPurpose)
      expect({ times: t.times, records: t.records }).toEqual(
        sum(ledger.rows.filter((r) => r.purposeCode === t.purposeCode)),
      );
    // The requests of the week and their outcome.
    expect(ledger.requests.map((r) => [r.number, r.status])).toEqual(
      [exportNumber, takeOutNumber, correctionNumber, outNumber, disposalNumber].map((n) => [n, 'done']),
    );
    expect(ledger.requests.every((r) => r.decidedByName && r.requestedByName === '清水 大輔')).toBe(true);
    // Never a held person's value.
    for (const value of ['T260002', '転入 太郎', '090-1111-2222', '食物アレルギー', '高専 一郎'])
      expect(res.body).not.toContain(value);

    // Filters: by person, purpose, act; paging.
    const filtered = async (q: string) =>
      (await ledgerOf(app, services, o.people.tokyoKyomuHead, `${base}${week}&${q}`)).json<LedgerView>();
    const bySuzuki = await filtered(`personId=${S2}`);
    expect(bySuzuki.rows.length).toBeGreaterThan(0);
    expect(bySuzuki.rows.every((r) => r.personId === S2)).toBe(true);
    expect(bySuzuki.totals.all).toEqual({ times: 4, records: 23 });
    const forCertificates = await filtered('purpose=certificates');
    expect(forCertificates.rows).toEqual(ledger.rows.filter((r) => r.purposeCode === 'certificates'));
    const takeOuts = await filtered('act=take_out');
    expect(takeOuts.rows).toHaveLength(1);
    expect(takeOuts.people.map((p) => p.id)).toContain(S2); // the choices stay whole
    const page2 = (
      await ledgerOf(app, services, o.people.tokyoKyomuHead, `${base}${week.replace('500', '10')}&page=2`)
    ).json<LedgerView>();
    expect(page2.rows).toEqual(ledger.rows.slice(10, 20));

    // Reading it is recorded, with the filters and no value.
    const viewed = await services.database.db
      .selectFrom('ledger_entries')
      .select(['payload', 'actor_id'])
      .where('type', '=', 'handling.usage_ledger_viewed')
      .execute();
    expect(viewed.length).toBeGreaterThanOrEqual(5);
    expect(JSON.parse(viewed.find((v) => v.payload.includes('certificates'))!.payload)).toMatchObject({
      format: 'screen',
      from: '2026-11-16',
      to: '2026-11-20',
      purpose: 'certificates',
    });

    // Who reads it: the 総括保護管理者, the 総括管理者 and the 監査責任者 too; nobody else.
    for (const reader of ['tokyoPrincipal', 'director1', 'auditor'] as const)
      expect((await ledgerOf(app, services, o.people[reader], base)).statusCode).toBe(200);
    for (const outsider of ['tokyoKyomuStaff1', 'tokyoKyomuStaff2', 'tokyoToshoHead'] as const)
      expectProblem(await ledgerOf(app, services, o.people[outsider], base + week), 403, 'auth.forbidden');
    expectProblem(
      await ledgerOf(app, services, o.people.tokyoKyomuHead, `${base}?from=2026-11-20&to=2026-11-01`),
      400,
      'handling.usage_period_invalid',
    );

    // The workbook holds the same rows, under a title block.
    const xlsx = await ledgerOf(app, services, o.people.tokyoKyomuHead, `${base}.xlsx${week}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['cache-control']).toBe('no-store');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const cells: string[][] = [];
    sheet.eachRow((row) =>
      cells.push(
        (row.values as unknown[])
          .slice(1)
          .map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '')),
      ),
    );
    expect(cells[0]![0]).toBe('保有個人情報の利用状況の記録');
    expect(cells.slice(1, 6).map((c) => c[0])).toEqual(['ファイル名', '課等', '期間', '作成日時', '作成者']);
    expect(cells[1]![1]).toBe('学籍ファイル');
    expect(cells[3]![1]).toBe('2026-11-16 ～ 2026-11-20');
    const headerAt = cells.findIndex((c) => c[0] === '日時');
    const body = cells.slice(headerAt + 1, headerAt + 1 + ledger.rows.length);
    expect(body.map((c) => [c[3], Number(c[6]), Number(c[7]), c[8] ?? ''])).toEqual(
      ledger.rows.map((r) => [r.personName, r.times, r.records, r.requestNumber ?? '']),
    );
    expect(cells[headerAt + 1 + ledger.rows.length]!.slice(0, 1)).toEqual(['合計']);
    expect(Number(cells[headerAt + 1 + ledger.rows.length]![7])).toBe(ledger.totals.all.records);

    // The PDF parses and says the same.
    const pdf = await ledgerOf(app, services, o.people.auditor, `${base}.pdf${week}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const doc = await getDocument({ data: new Uint8Array(pdf.rawPayload) }).promise;
    let text = '';
    for (let i = 1; i <= doc.numPages; i++)
      text += (await (await doc.getPage(i)).getTextContent()).items
        .map((it) => ('str' in it ? it.str : ''))
        .join('');
    await doc.destroy();
    const squashed = text.replace(/\s+/g, '');
    expect(squashed).toContain('学籍ファイル');
    expect(squashed).toContain(takeOutNumber);
    expect(squashed).toContain(`1/${doc.numPages}`);
  }, 120_000);

  it('is signed off monthly by the section’s 保護管理者, once; an unsigned month becomes a gap', async () => {
    const clock = new MutableClock(MONDAY);
    const api = await apiHarness(kind, { clock, org: false });
    const { services, app } = api;
    const o = await buildHandlingOrg(services);
    const base = `/api/handling/files/${o.tokyoFile}/ledger`;
    const sign = async (person: string, body: unknown) =>
      (await sessionClient(app, services, person)).request('POST', `${base}/reviews`, body);
    const usage = services.handling.usage;
    const tokyoGap = async () => (await usage.gaps()).filter((g) => g.sectionId === o.sections.tokyoKyomu);

    // November has not ended: nothing to sign, no gap.
    expectProblem(
      await sign(o.people.tokyoKyomuHead, { month: '2026-11' }),
      409,
      'handling.usage_period_not_ended',
    );
    expect(await tokyoGap()).toEqual([]);

    // 1 December: November may be signed; the 保護管理者 is reminded; not yet a gap.
    at(clock, 15, 9);
    expect(await usage.remind()).toBeGreaterThan(0);
    const reminded = await services.database.db
      .selectFrom('notifications')
      .selectAll()
      .where('kind', '=', 'review.due')
      .execute();
    expect(reminded.map((n) => n.person_id)).toContain(o.people.tokyoKyomuHead);
    expect(JSON.parse(reminded.find((n) => n.person_id === o.people.tokyoKyomuHead)!.data)).toMatchObject({
      month: '2026-11',
    });
    const view = (
      await (await sessionClient(app, services, o.people.tokyoKyomuHead)).request('GET', base)
    ).json<LedgerView>();
    expect(view.canSign).toBe(true);
    expect(view.signable).toEqual(['2026-11']);
    expect(await tokyoGap()).toEqual([]);

    // 11 December: unsigned past the 10th, a gap of the section (A16).
    at(clock, 25, 9);
    expect(await tokyoGap()).toMatchObject([
      { kind: 'usage_review_unsigned', role: 'protection_manager', scopeKind: 'section', article: 'A16' },
    ]);

    // Staff and the 総括保護管理者 may read but not sign; the 保護管理者 signs, once.
    expectProblem(await sign(o.people.tokyoKyomuStaff1, { month: '2026-11' }), 403, 'auth.forbidden');
    expectProblem(await sign(o.people.tokyoPrincipal, { month: '2026-11' }), 403, 'auth.forbidden');
    const signed = await sign(o.people.tokyoKyomuHead, {
      month: '2026-11',
      comment: '通常の事務の範囲内であることを確認した。',
    });
    expect(signed.statusCode).toBe(201);
    expect(signed.json<ReviewView>()).toMatchObject({
      month: '2026-11',
      periodFrom: '2026-11-01',
      periodTo: '2026-11-30',
      signedById: o.people.tokyoKyomuHead,
    });
    expectProblem(
      await sign(o.people.tokyoKyomuHead, { month: '2026-11' }),
      409,
      'handling.usage_already_signed',
    );
    expectProblem(await sign(o.people.tokyoKyomuHead, { month: '2026-13' }), 400, 'request.invalid');
    expect(await tokyoGap()).toEqual([]);
    const after = (
      await (await sessionClient(app, services, o.people.tokyoKyomuHead)).request('GET', base)
    ).json<LedgerView>();
    expect(after.signable).toEqual([]);
    expect(after.reviews.map((r) => [r.month, r.comment])).toEqual([
      ['2026-11', '通常の事務の範囲内であることを確認した。'],
    ]);
    const audit = await services.database.db
      .selectFrom('ledger_entries')
      .select('payload')
      .where('type', '=', 'handling.usage_ledger_signed')
      .execute();
    expect(audit).toHaveLength(1);
  }, 60_000);
});
