/**
 * The incidents service (issue 8; A34–A35, 法68) on SQLite and PostgreSQL: a staff member of 東京's
 * 教務係 reports a lost USB stick holding the 学籍ファイル; the 保護管理者 contains and investigates, the
 * chain goes up step by step, the law's 速報 and 確報 are due from 知った日時, measures are tracked to
 * done and the incident closes. The API tests (tests/api/incidents*.test.ts) cover the HTTP side.
 * Every person is fictional.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../app.ts';
import type { ReportInput } from '../../../shared/api/incidents.ts';
import { databases } from '../../../tests/support/databases.ts';
import { testServices } from '../../../tests/support/test-services.ts';
import { buildVaultOrg, students, type VaultOrg } from '../../../tests/support/vault-fixture.ts';
import { MutableClock } from '../../../tests/api/support/mutable-clock.ts';
import type { PersonKey } from '../../../tests/support/org-fixture.ts';

const HOUR = 60;

describe.each(databases)('incidents on %s (A34–A35, 法68)', (kind) => {
  let services: Services;
  let o: VaultOrg;
  let clock: MutableClock;
  const s = () => services.incidents.incidents;

  beforeEach(async () => {
    clock = new MutableClock();
    services = await testServices(kind, { clock });
    o = await buildVaultOrg(services);
    await o.appoint('president', 'chief_manager', 'director1');
  });
  afterEach(() => services.database.close());

  const report = async (by: PersonKey = 'tokyoKyomuStaff1', over: Partial<ReportInput> = {}) =>
    s().report(await o.as(by), {
      summary: '学籍ファイルの一部を保存したUSBメモリを紛失した',
      awareAt: '2026-11-30T08:00:00+09:00',
      fileIds: [o.tokyoFile],
      systems: '教務係 USBメモリ No.1',
      actionsTaken: '教務係内と通勤経路を捜索した',
      ...over,
    });

  const told = async (person: PersonKey, kindOf: string) =>
    (
      await services.database.db
        .selectFrom('notifications')
        .select('data')
        .where('person_id', '=', o.people[person])
        .where('kind', '=', kindOf)
        .execute()
    ).map((n) => JSON.parse(n.data) as Record<string, unknown>);

  const audits = (type: string) => services.ledger.count(services.database.db, { type });

  const refused = async (code: string, call: () => Promise<unknown>) =>
    expect(
      await call().then(
        () => null,
        (e: unknown) => e,
      ),
    ).toMatchObject({ code });

  const facts = {
    cause: '持ち出し時の管理手順が守られなかった',
    damage: '現時点で不正利用は確認されていない',
    items: '学生番号、氏名、成績',
    personsCount: 101,
  };

  it('a report reaches the section’s 保護管理者 at once, numbered by the fiscal year of 知った日時 (A34-1)', async () => {
    const v = await report();
    expect(v).toMatchObject({
      number: 'I2026-0001',
      sectionId: o.sections.tokyoKyomu,
      unitId: o.units.tokyo,
      status: 'open',
      awareAt: '2026-11-29T23:00:00.000Z',
      reportedByName: '清水 大輔',
    });
    expect(v.timeline).toMatchObject([{ kind: 'reported', text: '教務係内と通勤経路を捜索した' }]);
    expect(await told('tokyoKyomuHead', 'incident.reported')).toEqual([
      { number: 'I2026-0001', path: `/incidents/${v.id}` },
    ]);
    expect(await audits('incident.reported')).toBe(1);
    expect((await report()).number).toBe('I2026-0002');
  });

  it('refuses a moment of awareness in the future, a file or a section of another unit', async () => {
    await refused('incidents.aware_in_future', () => report(undefined, { awareAt: '2026-12-01T00:00:00Z' }));
    await refused('incidents.file_invalid', () => report(undefined, { fileIds: [o.nagaokaFile] }));
    await refused('incidents.section_invalid', () =>
      report(undefined, { fileIds: [], sectionId: o.sections.nagaokaKyomu }),
    );
    const v = await report('tokyoToshoHead', { fileIds: [] });
    expect(v.sectionId).toBe(o.sections.tokyoTosho);
    // No 保護管理者 in 図書係: the unit's 総括保護管理者 is told (A5).
    expect(await told('tokyoPrincipal', 'incident.reported')).toHaveLength(1);
  });

  it('is read by its reporter and the managers over it; others do not find it; readers may not act', async () => {
    const v = await report();
    await refused('incidents.not_found', async () => s().get(await o.as('tokyoToshoHead'), v.id));
    await refused('incidents.not_found', async () => s().get(await o.as('nagaokaKyomuHead'), v.id));
    expect((await s().get(await o.as('director1'), v.id)).id).toBe(v.id);
    await refused('auth.forbidden', async () =>
      s().contain(await o.as('tokyoKyomuStaff1'), v.id, { at: '2026-11-30T09:00:00+09:00', text: '確認' }),
    );
    const list = await s().list(await o.as('tokyoToshoHead'), {});
    expect(list.incidents).toHaveLength(0);
    expect((await s().list(await o.as('tokyoKyomuHead'), {})).incidents).toHaveLength(1);
  });

  it('goes up the chain in order, with the law’s due dates, measures and closing (A34, 法68, A35)', async () => {
    const v = await report();
    const pm = await o.as('tokyoKyomuHead');
    const cpm = await o.as('tokyoPrincipal');
    const cm = await o.as('director1');
    const at = '2026-11-30T09:00:00+09:00';

    await s().contain(pm, v.id, { at, text: '教務係のPCのUSB使用を停止した' });
    await refused('incidents.at_invalid', () =>
      s().contain(pm, v.id, { at: '2026-11-29T00:00:00+09:00', text: '早すぎる' }),
    );
    await refused('incidents.investigation_incomplete', () =>
      s().recordStep(pm, v.id, { step: 'chief_protection', at }),
    );
    let w = await s().saveFacts(pm, v.id, facts);
    expect(w.ppc).toEqual({ required: true, cases: ['over_threshold'], myNumber: false });
    expect(w.deadlines.filter((d) => d.what.startsWith('ppc'))).toMatchObject([
      { what: 'ppc_preliminary', due: '2026-12-05', met: false },
      { what: 'ppc_final', due: '2026-12-30', met: false },
    ]);
    expect(w.timeline.at(-1)).toMatchObject({
      kind: 'facts_updated',
      data: { fields: 'cause,damage,items,personsCount' },
    });
    expect(w.steps.find((x) => x.step === 'chief_protection')).toMatchObject({
      status: 'pending',
      canRecord: true,
    });

    await refused('auth.forbidden', () => s().recordStep(cpm, v.id, { step: 'chief_protection', at }));
    // The facts made the notice mandatory (法68②): the 総括保護管理者 was told; now the chain reaches them.
    const before = (await told('tokyoPrincipal', 'incident.your_turn')).length;
    w = await s().recordStep(pm, v.id, { step: 'chief_protection', at });
    expect(await told('tokyoPrincipal', 'incident.your_turn')).toHaveLength(before + 1);
    await refused('incidents.step_done', () => s().recordStep(pm, v.id, { step: 'chief_protection', at }));
    // The 速報 runs alongside the chain (法68①): the 総括管理者 was told of it with the facts.
    expect(await told('director1', 'incident.your_turn')).toHaveLength(1);
    await s().recordStep(cpm, v.id, { step: 'chief_manager', at });
    expect(await told('director1', 'incident.your_turn')).toHaveLength(2);
    await refused('incidents.reason_required', () =>
      s().recordStep(cm, v.id, { step: 'ministries', outcome: 'not_needed', at }),
    );
    await s().recordStep(cm, v.id, {
      step: 'ministries',
      outcome: 'not_needed',
      at,
      note: '文部科学省への報告は不要と判断',
    });
    w = await s().recordStep(cm, v.id, { step: 'ppc_preliminary', at, to: '受付番号 12345' });
    expect(w.deadlines.find((d) => d.what === 'ppc_preliminary')?.met).toBe(true);

    await refused('incidents.owner_invalid', () =>
      s().addMeasure(pm, v.id, {
        text: '持出し手順の再周知',
        ownerId: o.people.nagaokaStaff,
        due: '2026-12-20',
      }),
    );
    w = await s().addMeasure(pm, v.id, {
      text: '持出し手順の再周知',
      ownerId: o.people.tokyoKyomuStaff2,
      due: '2026-12-20',
    });
    expect(await told('tokyoKyomuStaff2', 'incident.measure_assigned')).toHaveLength(1);
    const measureId = w.measures[0]!.id;
    const owner = await o.as('tokyoKyomuStaff2');
    expect((await s().get(owner, v.id)).measures[0]!.canComplete).toBe(true);

    await refused('incidents.notice_invalid', () => s().recordNotice(cpm, v.id, { method: 'letter' }));
    await s().recordNotice(cpm, v.id, { notifiedOn: '2026-12-01', method: 'letter', count: 101 });
    await refused('incidents.publication_invalid', () => s().recordPublication(cpm, v.id, { publish: true }));
    await s().recordPublication(cpm, v.id, { publish: false, reason: '本人への通知を全員に行ったため' });
    await s().recordStep(cm, v.id, { step: 'ppc_final', at: '2026-11-30T09:20:00+09:00' });

    await refused('incidents.measures_open', () => s().close(cpm, v.id, { summary: '対応を終えた' }));
    await s().completeMeasure(owner, v.id, measureId, { note: '係会議で周知した' });
    await refused('auth.forbidden', () => s().close(pm, v.id, { summary: '対応を終えた' }));
    w = await s().close(cpm, v.id, { summary: '対応を終えた' });
    expect(w).toMatchObject({ status: 'closed', closeSummary: '対応を終えた', nextActions: [] });
    expect(await told('tokyoKyomuStaff1', 'incident.closed')).toHaveLength(1);
    await refused('incidents.closed', () => s().contain(pm, v.id, { at, text: '追加' }));
    for (const type of [
      'incident.containment_recorded',
      'incident.facts_updated',
      'incident.step_recorded',
      'incident.measure_added',
      'incident.measure_done',
      'incident.notice_recorded',
      'incident.publication_recorded',
      'incident.closed',
    ])
      expect(await audits(type), type).toBeGreaterThan(0);
  });

  it('links files, records, log entries and requests of the unit, and refuses what is not there (A34-3)', async () => {
    const v = await report();
    const pm = await o.as('tokyoKyomuHead');
    let w = await s().addLink(pm, v.id, { kind: 'file', ref: o.tokyoFile });
    expect(w.links[0]).toMatchObject({ kind: 'file', label: '学籍ファイル（東京 教務係）' });
    expect(w.links[0]!.path).toBe(`/register-admin/files/${o.tokyoFile}`);
    const recordId = await o.student(o.tokyoFile, students('T26', 1)[0]!);
    w = await s().addLink(pm, v.id, { kind: 'record', ref: recordId });
    expect(w.links).toHaveLength(2);
    await services.ledger.sequence();
    w = await s().addLink(pm, v.id, { kind: 'log_entry', ref: '0' });
    expect(w.links[2]).toMatchObject({ label: 'ログ #0' });
    await refused('incidents.link_invalid', () =>
      s().addLink(pm, v.id, { kind: 'file', ref: o.nagaokaFile }),
    );
    await refused('incidents.link_invalid', () =>
      s().addLink(pm, v.id, { kind: 'approval_request', ref: 'R2026-999999' }),
    );
    w = await s().removeLink(pm, v.id, w.links[0]!.id);
    expect(w.links).toHaveLength(2);
    expect(w.timeline.map((e) => e.kind)).toContain('link_removed');
  });

  it('the board orders by the nearest due date and counts what the caller must act on', async () => {
    const a = await report();
    const b = await report(undefined, { awareAt: '2026-11-20T10:00:00+09:00' });
    const pm = await o.as('tokyoKyomuHead');
    for (const id of [a.id, b.id]) await s().saveFacts(pm, id, facts);
    const board = await s().list(await o.as('director1'), { state: 'open' });
    expect(board.incidents.map((i) => i.id)).toEqual([b.id, a.id]);
    expect(board.canConfigure).toBe(true);
    expect(await s().counts(pm)).toEqual({ toAct: 2, open: 2 });
    expect(await s().counts(await o.as('tokyoKyomuStaff1'))).toEqual({ toAct: 0, open: 2 });
  });

  it('reminds those who must act as due dates near and pass, once a day', async () => {
    const v = await report();
    const pm = await o.as('tokyoKyomuHead');
    await s().saveFacts(pm, v.id, facts);
    clock.advanceMinutes(3 * 24 * HOUR); // 12-03: the 速報 (12-05) is within three days
    const { reminders } = services.incidents;
    expect(await reminders.remind()).toBeGreaterThan(0);
    expect(await told('director1', 'incident.deadline_near')).toHaveLength(1);
    expect(await reminders.remind()).toBe(0);
    clock.advanceMinutes(3 * 24 * HOUR); // 12-06: past it
    await reminders.remind();
    expect(await told('director1', 'incident.deadline_overdue')).toHaveLength(1);
  });

  it('an incident past a due date is a compliance gap of the role that must meet it (A34, 法68①)', async () => {
    const v = await report();
    const pm = await o.as('tokyoKyomuHead');
    const gaps = async () =>
      (await services.organisation.gaps.report(await o.as('director1'), {})).gaps
        .filter((g) => g.kind === 'incident_deadline_overdue')
        .map((g) => [g.role, g.scopeKind, g.unitId, g.sectionId, g.article]);
    expect(await gaps()).toEqual([]);
    clock.advanceMinutes(2 * 24 * HOUR); // the internal report to the 総括保護管理者 (24 hours) is late
    expect(await gaps()).toEqual([
      ['protection_manager', 'section', o.units.tokyo, o.sections.tokyoKyomu, 'A34-3'],
    ]);
    await s().saveFacts(pm, v.id, facts);
    await s().recordStep(pm, v.id, { step: 'chief_protection', at: clock.now().toISOString() });
    clock.advanceMinutes(4 * 24 * HOUR); // 12-06: the 速報 (12-05) and the report up (A34-4) are late
    expect(await gaps()).toEqual([
      ['chief_manager', 'organisation', null, null, '法68①'],
      ['chief_protection_manager', 'unit', o.units.tokyo, null, 'A34-4'],
    ]);
  });

  it('settings are read by all and set by the 総括管理者 or the システム管理者 (audited)', async () => {
    const staff = await o.as('tokyoKyomuStaff1');
    expect((await services.incidents.settings.get(staff)).finalDays).toBe(30);
    const next = { ...(await services.incidents.settings.get(staff)), preliminaryDays: 3 };
    await refused('auth.forbidden', () => services.incidents.settings.put(staff, next));
    await services.incidents.settings.put(await o.as('sysadmin'), next);
    expect(await audits('incident.settings_changed')).toBe(1);
    const v = await report();
    await s().saveFacts(await o.as('tokyoKyomuHead'), v.id, facts);
    expect((await s().get(staff, v.id)).deadlines[0]).toMatchObject({
      what: 'ppc_preliminary',
      due: '2026-12-03',
    });
  });
});
