/**
 * The access history of an individual's request over HTTP (issue 12; A22-1 the record of access,
 * A22-2 its protection, A11-3 the purpose of every access): a student's records confirmed in two
 * files (東京 and 長岡 学籍ファイル), read by several people for different purposes and once for the
 * request itself; the history lists each access by role and section with its purpose and no
 * person's name; the bundle verifies with the CLI run as a separate process that opens no database,
 * one changed byte fails it, and an entry edited in the database afterwards is caught. SQLite and
 * PostgreSQL. Every person is fictional.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { HistoryBundle, HistoryView } from '../../shared/api/requests-history.ts';
import type { MatchesView } from '../../shared/api/requests-search.ts';
import type { RequestView } from '../../shared/api/requests.ts';
import { databases } from '../support/databases.ts';
import { bodyOf } from '../support/provision-fixture.ts';
import { buildVaultOrg, students } from '../support/vault-fixture.ts';
import { tmp } from './facility-fixture.ts';
import { pdfText } from './requests-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';
import { apiHarness, sessionClient } from './support/http-client.ts';

const run = promisify(execFile);

/** `mamori log verify-history` as the person runs it: its own process, no database reachable. */
async function verifyHistory(args: string[]): Promise<{ code: number; out: string }> {
  const env = {
    ...process.env,
    DATABASE_URL: 'postgres://nobody:nothing@127.0.0.1:1/none',
    DATA_DIR: '/nonexistent/mamori',
    LOG_LEVEL: 'silent',
  };
  try {
    const r = await run(process.execPath, ['bin/mamori.mjs', 'log', 'verify-history', ...args], {
      env,
      timeout: 120_000,
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

async function scene(kind: (typeof databases)[number]) {
  const api = await apiHarness(kind, { org: false });
  const v = await buildVaultOrg(api.services);
  const { services } = api;
  await v.appoint('president', 'chief_manager', 'director1');
  await v.appoint('president', 'audit_officer', 'auditor');
  const client = (p: Parameters<typeof v.as>[0]) => sessionClient(api.app, services, v.people[p]);

  // The requester's record in both files, and another student's.
  const [mine, other] = students('H26', 2);
  const tokyoRecord = await v.student(v.tokyoFile, mine!);
  const otherRecord = await v.student(v.tokyoFile, other!);
  const nagaokaRecord = await v.student(v.nagaokaFile, { ...mine!, student_number: 'N260001' });

  const manager = await client('tokyoKyomuHead');
  const r = bodyOf<RequestView>(
    await manager.post('/api/requests', {
      kind: 'disclosure',
      sectionId: v.sections.tokyoKyomu,
      channel: 'counter',
      receivedOn: '2026-11-27',
      requesterKind: 'self',
      requester: {
        name: mine!.name,
        nameKana: mine!.kana,
        birthDate: mine!.birth_date,
        studentNumber: mine!.student_number,
      },
      content: '在学中の記録の一切',
      fileIds: [],
      identityMethod: 'student_or_staff_card',
      feeMethod: 'revenue_stamp',
      feePaidOn: '2026-11-27',
    }),
    201,
  );

  // Reads by several people for several purposes (each logged before it was served, A22-1).
  await v.grant(v.tokyoFile, 'tokyoKyomuStaff1', { permissions: ['read'] });
  await v.grant(v.tokyoFile, 'tokyoKyomuHead', { permissions: ['read', 'reveal'] });
  await v.grant(v.nagaokaFile, 'nagaokaKyomuHead', { permissions: ['read'] });
  const staff1 = await v.as('tokyoKyomuStaff1');
  const head = await v.as('tokyoKyomuHead');
  await services.vault.records.view(staff1, v.tokyoFile, tokyoRecord, { purpose: 'enrolment' });
  await services.vault.records.view(staff1, v.tokyoFile, otherRecord, { purpose: 'enrolment' });
  await services.vault.records.reveal(head, v.tokyoFile, tokyoRecord, {
    purpose: 'certificates',
    fields: ['health'],
  });
  await services.vault.records.view(await v.as('nagaokaKyomuHead'), v.nagaokaFile, nagaokaRecord, {
    purpose: 'certificates',
  });
  // A read for the request itself (its purpose and id, as the search part reads).
  const row = await services.requests.core.readable(head, r.id);
  await services.vault.subjects.read(head, {
    purpose: services.requests.core.purposeOf(row),
    requestId: r.id,
    refs: [{ fileId: v.nagaokaFile, recordId: nagaokaRecord }],
  });

  /** The handler searches (an access for the request, logged) and confirms the two records. */
  const confirm = async () => {
    const found = bodyOf<MatchesView>(await manager.post(`/api/requests/${r.id}/search`, {}));
    const ours = found.matches.filter((m) => [tokyoRecord, nagaokaRecord].includes(m.recordId));
    expect(ours.map((m) => m.fileId).sort()).toEqual([v.tokyoFile, v.nagaokaFile].sort());
    for (const m of ours)
      bodyOf<MatchesView>(
        await manager.post(`/api/requests/${r.id}/matches/${m.id}/confirm`, {
          reason: '学生番号・生年月日が一致',
        }),
      );
  };
  const names = await services.organisation.units.names();
  const roster = await services.organisation.roster();
  return { api, v, services, manager, r, confirm, names, roster, client, tokyoRecord, nagaokaRecord };
}

describe.each(databases)('requests: the access history over HTTP on %s (A22, issue 12)', (kind) => {
  it('lists every access to the confirmed records by role, section and purpose, and its bundle verifies offline', async () => {
    const s = await scene(kind);
    const { manager, r, services, v } = s;
    const url = `/api/requests/${r.id}/history`;
    expectProblem(await manager.get(url), 409, 'requests.history_no_records');
    await s.confirm();

    const view = bodyOf<HistoryView>(await manager.get(url));
    expect(view.number).toBe(r.number);
    expect(view.files.map((f) => f.records)).toEqual([1, 1]);
    expect(view.can.issue).toBe(true);
    // Three accesses by others named the requester's records (the read of another student's record
    // is not one of them); the rest were made for this request, by its handler, with its purpose.
    const tokyo = `${s.names.units.get(v.units.tokyo)} ${s.names.sections.get(v.sections.tokyoKyomu)}`;
    const nagaoka = `${s.names.units.get(v.units.nagaoka)} ${s.names.sections.get(v.sections.nagaokaKyomu)}`;
    const shown = (x: HistoryView['rows'][number]) => ({ who: x.who, purpose: x.purpose, action: x.action });
    const others = view.rows.filter((x) => !x.forThisRequest);
    expect(others.map(shown)).toEqual(
      expect.arrayContaining([
        { who: `${tokyo} 職員`, purpose: '学籍管理', action: '閲覧' },
        { who: `${tokyo} 保護管理者`, purpose: '証明書の発行', action: '表示（要配慮項目）' },
        { who: `${nagaoka} 職員`, purpose: '証明書の発行', action: '閲覧' },
      ]),
    );
    expect(others).toHaveLength(3);
    const purpose = services.requests.core.purposeOf(
      await services.requests.core.readable(await v.as('tokyoKyomuHead'), r.id),
    );
    expect(purpose).toContain(r.number);
    const ours = view.rows.filter((x) => x.forThisRequest);
    expect(ours.map((x) => x.action)).toEqual(expect.arrayContaining(['閲覧', '検索']));
    for (const x of ours) expect(shown(x)).toMatchObject({ who: `${tokyo} 保護管理者`, purpose });
    expect(view.rows.every((x) => x.verified && x.problems.length === 0)).toBe(true);
    const n = view.rows.length;
    expect(view.counts).toMatchObject({ entries: n, forThisRequest: ours.length, failed: 0 });
    // Newest first, every leaf under the checkpoint.
    const times = view.rows.map((x) => x.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    for (const x of view.rows) expect(x.leafIndex).toBeLessThan(view.checkpoint.treeSize);
    // No person's name, employee number or staff id anywhere in the view.
    const text = JSON.stringify(view);
    for (const p of s.roster) {
      expect(text).not.toContain(p.name);
      expect(text).not.toContain(p.employeeNumber);
      expect(text).not.toContain(p.id);
    }

    // The 監査責任者 reads it but issues nothing; others do not learn it exists.
    const auditor = await s.client('auditor');
    expect((await auditor.get(url)).statusCode).toBe(200);
    expectProblem(await auditor.get(`${url}.json`), 403, 'requests.not_handler');
    expectProblem(await (await s.client('tokyoToshoHead')).get(url), 404, 'requests.not_found');

    // The bundle, as a download, and the audit event of its issue (counts only).
    const res = await manager.get(`${url}.json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="access-history-${r.number}.json"`);
    expect(res.headers['cache-control']).toBe('no-store');
    const bundle = res.json<HistoryBundle>();
    expect(bundle.entries).toHaveLength(n);
    expect(bundle.subjectRecordIds.sort()).toEqual([s.tokyoRecord, s.nagaokaRecord].sort());
    const issued = await services.ledger.list(services.database.db, { type: 'requests.history_issued' });
    expect(issued).toHaveLength(1);
    expect(issued[0]!.payload).toMatchObject({ format: 'json', entries: n, records: 2, files: 2 });

    const pdf = await manager.get(`${url}.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Whitespace removed (CJK runs split anywhere): names are compared without their spaces too.
    const printed = await pdfText(pdf);
    for (const word of [r.number, '学籍管理', '証明書の発行', '葉番号', 'verify-history', '/log/checkpoint'])
      expect(printed).toContain(word);
    for (const p of s.roster) expect(printed).not.toContain(p.name.replace(/\s+/g, ''));

    // The person's check: the key and checkpoint as published, the CLI in its own process.
    const dir = tmp('history');
    const file = path.join(dir, 'bundle.json');
    fs.writeFileSync(file, res.body);
    const key = (await manager.get('/log/key')).body.trim();
    expect(key).toBe(bundle.verifierKey);
    const published = path.join(dir, 'checkpoint');
    fs.writeFileSync(published, (await manager.get('/log/checkpoint')).body);
    const good = await verifyHistory([file, '--key', key, '--checkpoint', published]);
    expect(good.out).toContain(`verified: ${n} entries`);
    expect(good.code).toBe(0);

    // One byte of one entry changed: exit code 1, that entry named.
    const tampered = structuredClone(bundle);
    const bytes = Buffer.from(tampered.entries[2]!.entryBytes, 'base64');
    bytes[bytes.length - 5] = bytes[bytes.length - 5] === 0x61 ? 0x62 : 0x61;
    tampered.entries[2]!.entryBytes = bytes.toString('base64');
    const badFile = path.join(dir, 'tampered.json');
    fs.writeFileSync(badFile, JSON.stringify(tampered));
    const bad = await verifyHistory([badFile, '--key', key]);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(
      new RegExp(`NG  葉 leaf ${bundle.entries[2]!.leafIndex} .* — the leaf hash does not match`),
    );
    expect(bad.out).toContain(`NOT verified: 1 of ${n} entries failed`);
  }, 180_000);

  it('catches an entry whose purpose was edited in the database after the bundle was issued', async () => {
    const s = await scene(kind);
    const { manager, r, services } = s;
    await s.confirm();
    const url = `/api/requests/${r.id}/history`;
    const issued = (await manager.get(`${url}.json`)).json<HistoryBundle>();
    const view = bodyOf<HistoryView>(await manager.get(url));
    const target = view.rows.find((x) => x.purpose === '学籍管理')!;

    // Someone with the database rewrites the purpose of one access (A22-2).
    await services.database.db
      .updateTable('ledger_entries')
      .set({ purpose: '本人からの開示請求への対応' })
      .where('id', '=', target.entryId)
      .execute();

    // The bundle issued before still verifies: it is what the log said when it was issued.
    const dir = tmp('history-edit');
    const key = services.ledger.verifierKey;
    fs.writeFileSync(path.join(dir, 'issued.json'), JSON.stringify(issued));
    expect((await verifyHistory([path.join(dir, 'issued.json'), '--key', key])).code).toBe(0);

    // The server runs the same check: the handler sees the row fail; nothing is issued.
    const after = bodyOf<HistoryView>(await manager.get(url));
    const edited = after.rows.find((x) => x.entryId === target.entryId)!;
    expect(edited.verified).toBe(false);
    expect(edited.problems).toContain('the leaf hash does not match the entry bytes');
    expect(after.counts.failed).toBe(1);
    expectProblem(await manager.get(`${url}.json`), 500, 'log.integrity_failure');
    expectProblem(await manager.get(`${url}.pdf`), 500, 'log.integrity_failure');
    const refused = await services.ledger.list(services.database.db, { type: 'requests.history_refused' });
    expect(refused).toHaveLength(2);
    expect(refused[0]!.payload).toMatchObject({ failed: [target.leafIndex] });
  }, 180_000);
});
