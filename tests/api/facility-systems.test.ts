/**
 * Information systems over HTTP (issue 11; A23, A24): 東京 教務係's 保護管理者 (佐藤) registers the
 * systems that process its files and their safeguards (A23 network controls and remote access, A24
 * patching and malware protection); the システム管理者 also records checks; the unit's 総括保護管理者,
 * the section's 保護担当者, the 総括管理者 and the 監査責任者 read; staff and other units see nothing
 * (404). A safeguard not checked within its interval is a gap (system_check_overdue, 第23条/第24条)
 * and the keepers are told once per due date (system.check_due). The clock stands at 2026-11-30
 * (Tokyo). SQLite and PostgreSQL. Every person and system is fictional.
 */
import { describe, expect, it } from 'vitest';
import type { SystemInput, SystemListView, SystemView } from '../../shared/api/facility-systems.ts';
import type { GapReportView } from '../../shared/api/organisation.ts';
import { databases } from '../support/databases.ts';
import { bodyOf, provisionHarness, type ProvisionHarness } from '../support/provision-fixture.ts';
import { MISSING_ID } from './authz-matrix.kit.ts';
import { inbox } from './facility-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';

const url = '/api/facilities/systems';

const systemBody = (sectionId: string, fileIds: string[], over: Partial<SystemInput> = {}): SystemInput => ({
  sectionId,
  name: '教務システム',
  purpose: '学生の学籍・成績を管理する',
  hosting: 'on_premises',
  fileIds,
  measures: [
    { kind: 'network_control', description: 'ファイアウォールで学内LANからの通信のみ許可' },
    { kind: 'patching', description: '修正プログラムを月次で適用' },
  ],
  ...over,
});

/** The harness of third parties plus the システム管理者 and 東京 教務係's 保護担当者 (鈴木). */
async function harness(kind: (typeof databases)[number]) {
  const h = await provisionHarness(kind);
  await h.o.appoint('tokyoKyomuHead', 'protection_officer', 'tokyoKyomuStaff2', {
    sectionId: h.o.sections.tokyoKyomu,
  });
  return { ...h, sysadmin: await h.as('sysadmin'), officer: await h.as('tokyoKyomuStaff2') };
}

const ids = (list: SystemListView) => list.systems.map((s) => s.id).sort();

const gapsOf = async (h: ProvisionHarness) =>
  bodyOf<GapReportView>(await h.c.chiefManager.get('/api/organisation/gaps')).gaps.filter(
    (g) => g.kind === 'system_check_overdue',
  );

describe.each(databases)('facilities: information systems over HTTP on %s (A23, A24)', (kind) => {
  it('lets the section’s 保護管理者 register and edit systems; readers are scoped (A23, A24)', async () => {
    const h = await harness(kind);
    const { c, o } = h;
    const kyomu = o.sections.tokyoKyomu;

    // Only the section's 保護管理者 registers (403 for others, audited); bad input is 4xx with a code.
    for (const other of [c.staff, c.chief, c.chiefManager, h.sysadmin, h.officer])
      expectProblem(await other.post(url, systemBody(kyomu, [o.tokyoFile])), 403, 'auth.forbidden');
    expectProblem(await c.manager.post(url, systemBody(o.sections.tokyoTosho, [])), 403, 'auth.forbidden');
    expectProblem(
      await c.manager.post(url, systemBody(MISSING_ID, [])),
      400,
      'facilities.system_section_invalid',
    );
    expectProblem(
      await c.manager.post(url, systemBody(kyomu, [o.nagaokaFile])),
      400,
      'facilities.system_file_invalid',
    );
    expectProblem(
      await c.manager.post(url, { ...systemBody(kyomu, []), hosting: 'basement' }),
      400,
      'request.invalid',
    );
    expectProblem(
      await c.manager.post(url, systemBody(kyomu, [], { checkIntervalDays: 0 })),
      400,
      'request.invalid',
    );
    expectProblem(await c.manager.post(url, systemBody(kyomu, [], { name: ' ' })), 400, 'request.invalid');

    // Files of the same unit may be linked (図書係's file too); the interval defaults to 90 days.
    const system = bodyOf<SystemView>(
      await c.manager.post(url, systemBody(kyomu, [o.tokyoFile, o.toshoFile])),
      201,
    );
    expect(system).toMatchObject({
      name: '教務システム',
      sectionId: kyomu,
      unitId: o.units.tokyo,
      hosting: 'on_premises',
      checkIntervalDays: 90,
      measureCount: 2,
      overdueCount: 0,
      can: { edit: true, check: true, documents: true, manageDocuments: true },
    });
    expect(system.files.map((f) => f.name).sort()).toEqual(['図書貸出ファイル', '学籍ファイル'].sort());
    expect(system.measures.map((m) => [m.kind, m.article, m.lastCheck, m.dueOn, m.overdue])).toEqual([
      ['network_control', '第23条', null, '2027-02-28', false],
      ['patching', '第24条', null, '2027-02-28', false],
    ]);

    // Readers: the unit's 総括保護管理者, the section's 保護担当者, 総括管理者, 監査責任者, システム管理者.
    for (const reader of [c.chief, h.officer, c.chiefManager, c.auditor, h.sysadmin]) {
      expect(ids(bodyOf<SystemListView>(await reader.get(url)))).toEqual([system.id]);
      expect(bodyOf<SystemView>(await reader.get(`${url}/${system.id}`)).can.edit).toBe(false);
    }
    expect(bodyOf<SystemView>(await h.sysadmin.get(`${url}/${system.id}`)).can).toEqual({
      edit: false,
      check: true,
      documents: true,
      manageDocuments: false,
    });
    expect(bodyOf<SystemView>(await h.officer.get(`${url}/${system.id}`)).can).toEqual({
      edit: false,
      check: false,
      documents: false,
      manageDocuments: false,
    });
    // Staff of the section, 図書係's head and 長岡 see nothing: an empty list and 404.
    for (const outside of [c.staff, c.outsider, c.stranger]) {
      expect(bodyOf<SystemListView>(await outside.get(url))).toEqual({ systems: [], canCreate: false });
      expectProblem(await outside.get(`${url}/${system.id}`), 404, 'facilities.system_not_found');
    }
    expect(bodyOf<SystemListView>(await c.manager.get(url)).canCreate).toBe(true);
    expect(bodyOf<SystemListView>(await c.chief.get(url)).canCreate).toBe(false);
    expectProblem(await c.manager.get(`${url}/${MISSING_ID}`), 404, 'facilities.system_not_found');
    expect(ids(bodyOf<SystemListView>(await c.chief.get(`${url}?q=教務`)))).toEqual([system.id]);
    expect(ids(bodyOf<SystemListView>(await c.chief.get(`${url}?q=人事`)))).toEqual([]);
    expect(
      ids(bodyOf<SystemListView>(await c.chief.get(`${url}?sectionId=${o.sections.tokyoTosho}`))),
    ).toEqual([]);

    // The options: the sections the caller keeps, with the unit's files.
    const options = bodyOf<{ sections: { id: string; files: { id: string }[] }[] }>(
      await c.manager.get(`${url}/options`),
    );
    expect(options.sections.map((s) => s.id)).toEqual([kyomu]);
    expect(options.sections[0]!.files.map((f) => f.id)).toEqual(
      expect.arrayContaining([o.tokyoFile, o.toshoFile]),
    );
    expect(bodyOf<{ sections: unknown[] }>(await c.staff.get(`${url}/options`)).sections).toEqual([]);

    // Edit: rename, keep one safeguard, retire the other, add one; only the keeper.
    const [network, patching] = system.measures;
    const edit = {
      ...systemBody(kyomu, [o.tokyoFile], {
        name: '教務システム（新）',
        hosting: 'cloud',
        checkIntervalDays: 30,
      }),
      active: true,
      measures: [
        { id: network!.id, kind: 'network_control' as const, description: '経路制御を追加' },
        { id: null, kind: 'malware' as const, description: 'ウイルス対策ソフトを導入' },
      ],
    };
    const { sectionId: _s, ...editBody } = edit;
    void _s;
    for (const other of [c.chief, h.officer, h.sysadmin])
      expectProblem(await other.put(`${url}/${system.id}`, editBody), 403, 'auth.forbidden');
    expectProblem(await c.staff.put(`${url}/${system.id}`, editBody), 404, 'facilities.system_not_found');
    expectProblem(
      await c.manager.put(`${url}/${system.id}`, {
        ...editBody,
        measures: [{ id: MISSING_ID, kind: 'malware', description: 'x' }],
      }),
      404,
      'facilities.system_measure_not_found',
    );
    expectProblem(
      await c.manager.put(`${url}/${system.id}`, {
        ...editBody,
        measures: [{ id: network!.id, kind: 'malware', description: 'x' }],
      }),
      400,
      'request.invalid',
    );
    expectProblem(
      await c.manager.put(`${url}/${system.id}`, { ...editBody, sectionId: kyomu }),
      400,
      'request.invalid',
    );
    const edited = bodyOf<SystemView>(await c.manager.put(`${url}/${system.id}`, editBody));
    expect(edited).toMatchObject({ name: '教務システム（新）', hosting: 'cloud', checkIntervalDays: 30 });
    expect(edited.files.map((f) => f.id)).toEqual([o.tokyoFile]);
    expect(edited.measures.map((m) => [m.kind, m.description]).sort()).toEqual(
      [
        ['malware', 'ウイルス対策ソフトを導入'],
        ['network_control', '経路制御を追加'],
      ].sort(),
    );
    expect(edited.measures.find((m) => m.kind === 'network_control')!.id).toBe(network!.id);
    expect(edited.measures.some((m) => m.id === patching!.id)).toBe(false);

    // Retired: out of the default list, still readable; no checks.
    const retired = bodyOf<SystemView>(
      await c.manager.put(`${url}/${system.id}`, { ...editBody, active: false }),
    );
    expect(retired.active).toBe(false);
    expect(ids(bodyOf<SystemListView>(await c.chief.get(url)))).toEqual([]);
    expect(ids(bodyOf<SystemListView>(await c.chief.get(`${url}?state=retired`)))).toEqual([system.id]);
    expectProblem(
      await c.manager.post(`${url}/${system.id}/measures/${network!.id}/checks`, {
        checkedOn: '2026-11-20',
        result: 'ok',
      }),
      409,
      'facilities.system_retired',
    );

    // The audit events carry ids, codes and counts, never the system's texts.
    const created = await h.audit('facilities.system_created', system.id);
    expect(created).toHaveLength(1);
    expect(created[0]!.actorId).toBe(o.people.tokyoKyomuHead);
    expect(created[0]!.payload).toMatchObject({ hosting: 'on_premises', measures: 2 });
    const updates = await h.audit('facilities.system_updated', system.id);
    expect(updates).toHaveLength(2);
    expect(JSON.stringify([...created, ...updates].map((e) => e.payload))).not.toMatch(
      /教務|ファイアウォール/,
    );
  });

  it('keeps the history of checks and shows a safeguard past its interval as a gap (A23, A24)', async () => {
    const h = await harness(kind);
    const { c, o } = h;
    const kyomu = o.sections.tokyoKyomu;
    const system = bodyOf<SystemView>(await c.manager.post(url, systemBody(kyomu, [o.tokyoFile])), 201);
    const [network, patching] = system.measures;
    const checkUrl = (m: string) => `${url}/${system.id}/measures/${m}/checks`;
    expect(await gapsOf(h)).toEqual([]);

    // Who records: the keeper and the システム管理者; readers do not (403); staff 404.
    const ok = { checkedOn: '2026-11-20', result: 'ok' };
    for (const other of [c.chief, h.officer, c.auditor, c.chiefManager])
      expectProblem(await other.post(checkUrl(network!.id), ok), 403, 'auth.forbidden');
    expectProblem(await c.staff.post(checkUrl(network!.id), ok), 404, 'facilities.system_not_found');
    expectProblem(await c.manager.post(checkUrl(MISSING_ID), ok), 404, 'facilities.system_measure_not_found');
    expectProblem(
      await c.manager.post(checkUrl(network!.id), { ...ok, checkedOn: '2026-12-01' }),
      400,
      'facilities.system_check_date_invalid',
    );
    expectProblem(
      await c.manager.post(checkUrl(network!.id), { ...ok, result: 'issues' }),
      400,
      'request.invalid',
    );
    expectProblem(
      await c.manager.post(checkUrl(network!.id), { ...ok, checkedOn: '20.11.2026' }),
      400,
      'request.invalid',
    );

    // Network controls checked 10 days ago; patching last checked on 2026-08-01: due 10-30, overdue.
    bodyOf<SystemView>(await c.manager.post(checkUrl(network!.id), ok), 201);
    const afterOld = bodyOf<SystemView>(
      await h.sysadmin.post(checkUrl(patching!.id), { checkedOn: '2026-08-01', result: 'ok' }),
      201,
    );
    const p = afterOld.measures.find((m) => m.id === patching!.id)!;
    expect(p).toMatchObject({ dueOn: '2026-10-30', overdue: true });
    expect(p.lastCheck).toMatchObject({ checkedOn: '2026-08-01', result: 'ok', checkedByName: '工藤 翔' });
    expect(afterOld).toMatchObject({ overdueCount: 1, nextDueOn: '2026-10-30' });
    expect(ids(bodyOf<SystemListView>(await c.chief.get(`${url}?overdue=true`)))).toEqual([system.id]);

    const gaps = await gapsOf(h);
    expect(gaps).toEqual([
      expect.objectContaining({
        kind: 'system_check_overdue',
        role: 'protection_manager',
        unitId: o.units.tokyo,
        sectionId: kyomu,
        article: 'A24',
        path: `/facilities/systems/${system.id}`,
      }),
    ]);

    // The keepers are told once per due date.
    expect(await h.services.facilities.systems.remind()).toBe(1);
    expect(await h.services.facilities.systems.remind()).toBe(0);
    expect(await inbox(c.manager, 'system.check_due')).toHaveLength(1);
    expect(await inbox(c.staff, 'system.check_due')).toHaveLength(0);

    // A new check with issues ends the gap; the history keeps both, newest first.
    const now = bodyOf<SystemView>(
      await c.manager.post(checkUrl(patching!.id), {
        checkedOn: '2026-11-30',
        result: 'issues',
        note: '未適用の修正プログラムを適用した',
      }),
      201,
    );
    const history = now.measures.find((m) => m.id === patching!.id)!;
    expect(history.checks.map((x) => [x.checkedOn, x.result, x.checkedByName])).toEqual([
      ['2026-11-30', 'issues', '佐藤 花子'],
      ['2026-08-01', 'ok', '工藤 翔'],
    ]);
    expect(history).toMatchObject({ overdue: false, dueOn: '2027-02-28' });
    expect(await gapsOf(h)).toEqual([]);
    const recorded = await h.audit('facilities.system_check_recorded', system.id);
    expect(recorded).toHaveLength(3);
    expect(JSON.stringify(recorded.map((e) => e.payload))).not.toContain('修正プログラム');
  });
});
