/**
 * Finding the requester's information over HTTP (issue 12; law-2022.md 法76, 法77-1-2; features §10,
 * A11-3, A22-1): a request of 架空 花子, who is in three vault files of 東京, is searched with her
 * particulars; she is found in all three (names compared ignoring spaces and widths), a namesake with
 * another birth date is a candidate on fewer terms and is rejected with a reason, the three are
 * confirmed and the other parts receive them (`confirmed`); a file without an index is listed to be
 * looked through by hand. Every search and look is in the log with the request's purpose, and no
 * value of the requester is in any entry; My Numbers never come back; nobody but a handler searches.
 * SQLite and PostgreSQL; the clock stands at 2026-11-30 09:30 (Tokyo).
 */
import { describe, expect, it } from 'vitest';
import type { MatchesView, MatchView } from '../../shared/api/requests-search.ts';
import { databases } from '../support/databases.ts';
import { bodyOf } from '../support/provision-fixture.ts';
import { MY_NUMBER, REQUESTER, searchHarness } from './requests-search-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';

const url = (id: string, tail = '') => `/api/requests/${id}${tail}`;
const byRecord = (v: MatchesView, recordId: string) => v.matches.find((m) => m.recordId === recordId)!;
const ids = (ms: MatchView[]) => ms.map((m) => m.recordId).sort();

describe.each(databases)('requests: finding the requester’s information on %s (法77-1-2)', (kind) => {
  it('finds the requester in three files, confirms them, rejects a namesake, and logs every look', async () => {
    const h = await searchHarness(kind);
    const { c, mine, files, services } = h;
    const r = await h.receive({ fileIds: [] });

    const found = bodyOf<MatchesView>(await c.manager.post(url(r.id, '/search'), {}));
    expect(found.number).toBe(r.number);
    expect(ids(found.matches)).toEqual([mine.gakuseki, mine.health, mine.aid, h.namesake].sort());
    expect(byRecord(found, mine.gakuseki).matchedOn.sort()).toEqual(
      ['birthDate', 'name', 'nameKana', 'studentNumber'].sort(),
    );
    expect(byRecord(found, mine.health).matchedOn.sort()).toEqual(['name', 'studentNumber']);
    expect(byRecord(found, mine.aid).matchedOn.sort()).toEqual(['birthDate', 'name', 'studentNumber']);
    // The namesake agrees on fewer terms: the surer matches come first.
    const other = byRecord(found, h.namesake);
    expect(other.matchedOn.sort()).toEqual(['name', 'nameKana']);
    expect(found.matches.at(-1)!.recordId).toBe(h.namesake);
    expect(found.matches.every((m) => m.status === 'candidate')).toBe(true);
    expect(byRecord(found, mine.aid)).toMatchObject({
      fileName: '修学支援新制度（給付奨学金）ファイル',
      identifying: { name: '架空花子', birthDate: REQUESTER.birthDate, number: REQUESTER.number },
    });
    expect(other.identifying).toMatchObject({ birthDate: '2009-01-15', number: 'T24077' });
    // The roll has no index on any identifying field: listed to be looked through by hand.
    expect(found.unsearchable.map((f) => f.fileId)).toEqual([files.roll]);
    expect(found.files.map((f) => f.fileId).sort()).toEqual(Object.values(files).sort());
    // A My Number is never searched nor returned.
    expect(JSON.stringify(found)).not.toContain(MY_NUMBER);

    // The handler confirms the three and rejects the namesake with a reason.
    for (const recordId of Object.values(mine))
      bodyOf<MatchesView>(
        await c.manager.post(url(r.id, `/matches/${byRecord(found, recordId).id}/confirm`), {}),
      );
    expectProblem(
      await c.manager.post(url(r.id, `/matches/${other.id}/reject`), { reason: '' }),
      400,
      'request.invalid',
    );
    const decided = bodyOf<MatchesView>(
      await c.manager.post(url(r.id, `/matches/${other.id}/reject`), {
        reason: '生年月日・学生番号が異なる',
      }),
    );
    expect(byRecord(decided, h.namesake)).toMatchObject({
      status: 'rejected',
      reason: '生年月日・学生番号が異なる',
    });
    expect(ids(decided.matches.filter((m) => m.status === 'confirmed'))).toEqual(Object.values(mine).sort());

    // The decision, history and remedies parts receive the three confirmed records.
    const confirmed = await services.requests.search.confirmed(r.id);
    expect(confirmed.map((m) => m.recordId).sort()).toEqual(Object.values(mine).sort());
    expect(confirmed.map((m) => m.fileName).sort()).toEqual(
      ['修学支援新制度（給付奨学金）ファイル', '学生定期健康診断ファイル', '学籍ファイル'].sort(),
    );

    // Searching again keeps the decisions made and adds nothing twice.
    const again = bodyOf<MatchesView>(await c.manager.post(url(r.id, '/search'), {}));
    expect(again.matches).toHaveLength(4);
    expect(byRecord(again, h.namesake).status).toBe('rejected');
    expect(byRecord(again, mine.health).status).toBe('confirmed');

    // The log: each file searched and each look, with the request's number as the purpose (A11-3).
    const db = services.database.db;
    const purpose = `保有個人情報開示請求への対応（${r.number}）`;
    for (const recordId of Object.values(mine)) {
      const looks = await services.ledger.list(db, { recordId });
      const types = new Set(looks.map((e) => e.type));
      expect(types.has('vault.subject_searched')).toBe(true);
      expect(types.has('vault.subject_identified')).toBe(true);
      for (const e of looks.filter((x) => x.type.startsWith('vault.subject_'))) {
        expect(e.purpose).toBe(purpose);
        expect(e.payload).toMatchObject({ requestId: r.id });
      }
    }
    const searched = await services.ledger.list(db, { type: 'vault.subject_searched' });
    expect(new Set(searched.map((e) => e.subjectId))).toEqual(
      new Set([files.gakuseki, files.health, files.aid]),
    );
    expect(searched[0]!.payload?.terms).toEqual(
      expect.arrayContaining(['name', 'birthDate', 'studentNumber']),
    );
    const audits = await services.ledger.list(db, { type: 'requests.searched' });
    expect(audits).toHaveLength(2);
    expect((await services.ledger.list(db, { type: 'requests.match_confirmed' })).length).toBe(3);
    expect((await services.ledger.list(db, { type: 'requests.match_rejected' })).length).toBe(1);
    // No value of the requester (nor a My Number) in any entry of the log.
    const everything = JSON.stringify(await services.ledger.list(db, { limit: 5000 }));
    for (const value of [
      REQUESTER.name,
      '架空花子',
      '架空　花子',
      REQUESTER.kana,
      REQUESTER.birthDate,
      REQUESTER.number,
      MY_NUMBER,
    ])
      expect(everything).not.toContain(value);
  });

  it('lets only handlers search and decide; the 監査責任者 reads the list without values', async () => {
    const h = await searchHarness(kind);
    const { c, mine } = h;
    const r = await h.receive({ fileIds: [] });
    const found = bodyOf<MatchesView>(await c.manager.post(url(r.id, '/search'), {}));
    const match = byRecord(found, mine.gakuseki);

    for (const who of [c.staff, c.stranger, c.outsider]) {
      expectProblem(await who.post(url(r.id, '/search'), {}), 404, 'requests.not_found');
      expectProblem(await who.get(url(r.id, '/matches')), 404, 'requests.not_found');
      expectProblem(await who.post(url(r.id, `/matches/${match.id}/confirm`), {}), 404, 'requests.not_found');
    }
    expectProblem(await c.auditor.post(url(r.id, '/search'), {}), 403, 'requests.not_handler');
    expectProblem(
      await c.auditor.post(url(r.id, `/matches/${match.id}/reject`), { reason: '監査' }),
      403,
      'requests.not_handler',
    );
    const audited = bodyOf<MatchesView>(await c.auditor.get(url(r.id, '/matches')));
    expect(audited.valuesShown).toBe(false);
    expect(audited.can).toEqual({ search: false, decide: false });
    expect(audited.matches).toHaveLength(4);
    expect(audited.matches.every((m) => m.identifying === null)).toBe(true);
    expect(JSON.stringify(audited)).not.toContain(REQUESTER.number);

    // The unit's 総括保護管理者 handles it too; an unknown match is 404.
    const chief = bodyOf<MatchesView>(await c.chief.get(url(r.id, '/matches')));
    expect(chief.valuesShown).toBe(true);
    expect(byRecord(chief, mine.gakuseki).identifying?.number).toBe(REQUESTER.number);
    expectProblem(
      await c.manager.post(url(r.id, `/matches/${r.id}/confirm`), {}),
      404,
      'requests.match_not_found',
    );

    // Once the decision goes to approval the matches are frozen.
    await h.move(r.id, ['received'], { status: 'deciding' });
    expectProblem(
      await c.manager.post(url(r.id, `/matches/${match.id}/confirm`), {}),
      409,
      'requests.search_closed',
    );
    expectProblem(await c.manager.post(url(r.id, '/search'), {}), 409, 'requests.search_closed');
    expect(bodyOf<MatchesView>(await c.manager.get(url(r.id, '/matches'))).can.decide).toBe(false);
  });

  it('searches only the files named, with extra terms, and reads a record whole but its My Number', async () => {
    const h = await searchHarness(kind);
    const { c, mine, files, services, o } = h;
    const r = await h.receive({ fileIds: [files.aid] });

    // The request names one file: only it is searched.
    const found = bodyOf<MatchesView>(await c.manager.post(url(r.id, '/search'), {}));
    expect(ids(found.matches)).toEqual([mine.aid]);
    expect(found.files.map((f) => f.fileId)).toEqual([files.aid]);
    // An extra term (another number) over the particulars, in a file the handler names.
    const more = bodyOf<MatchesView>(
      await c.manager.post(url(r.id, '/search'), {
        terms: { studentNumber: 'T24077' },
        fileIds: [files.gakuseki],
      }),
    );
    expect(ids(more.matches)).toEqual([mine.aid, mine.gakuseki, h.namesake].sort());
    expect(byRecord(more, h.namesake).matchedOn.sort()).toEqual(['name', 'nameKana', 'studentNumber']);

    // The vault reads a record whole for the disclosure: the My Number withheld, logged first.
    const row = await services.requests.core.readable(await o.as('tokyoKyomuHead'), r.id);
    const purpose = services.requests.core.purposeOf(row);
    const [read] = await services.vault.subjects.read(await o.as('tokyoKyomuHead'), {
      purpose,
      requestId: r.id,
      refs: [{ fileId: files.aid, recordId: mine.aid }],
    });
    expect(read).toMatchObject({ status: 'ok', withheld: [{ key: 'my_number', reason: 'my_number' }] });
    expect(read!.fields.map((f) => f.key)).toEqual(['student_number', 'full_name', 'birthday']);
    expect(JSON.stringify(read)).not.toContain(MY_NUMBER);
    const reads = await services.ledger.list(services.database.db, {
      recordId: mine.aid,
      type: 'vault.subject_read',
    });
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ purpose });
    expect(reads[0]!.payload).toMatchObject({ requestId: r.id });

    // An erased record (A15) is reported as erased, never read; the view says so.
    await services.database.transaction((tx) =>
      services.vault.erase.records(tx, o.sys, files.aid, [mine.aid]),
    );
    const [gone] = await services.vault.subjects.read(await o.as('tokyoKyomuHead'), {
      purpose,
      requestId: r.id,
      refs: [{ fileId: files.aid, recordId: mine.aid }],
    });
    expect(gone).toMatchObject({ status: 'erased', fields: [] });
    const after = bodyOf<MatchesView>(await c.manager.get(url(r.id, '/matches')));
    expect(byRecord(after, mine.aid)).toMatchObject({ erased: true, identifying: null });
  });
});
