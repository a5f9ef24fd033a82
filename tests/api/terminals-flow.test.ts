/**
 * Terminals over HTTP (A29 端末の限定, A11の2 取扱区域): a person asks to register the browser they
 * use, the manager of the area approves, every request then knows its terminal, and a revoked,
 * forged or out-of-range one is no terminal at all.
 */
import { describe, expect, it } from 'vitest';
import type { CurrentTerminalView, TerminalView } from '../../shared/api/terminals.ts';
import { databases } from '../support/databases.ts';
import { expectProblem } from './support/expect-problem.ts';
import { terminalsHarness, type AddressedClient } from './support/terminals-harness.ts';

const current = async (client: AddressedClient) => {
  const res = await client.get('/api/terminals/current');
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CurrentTerminalView>();
};

describe.each(databases)('terminals (A29) on %s', (kind) => {
  it('a request sets a signed HttpOnly device credential but is no terminal until the area’s manager approves', async () => {
    const h = await terminalsHarness(kind);
    const { sections, units, people } = h.org;
    const manager = await h.browserOf('tokyoKyomuHead');
    const area = await h.area(manager, {
      unitId: units.tokyo,
      sectionId: sections.tokyoKyomu,
      kind: 'general',
      name: '教務係 執務室',
      addressRanges: ['127.0.0.0/8', '::1/128'],
    });
    const staff = await h.browserOf('tokyoKyomuStaff1');
    expect(await current(staff)).toEqual({ state: 'none', terminal: null });

    const res = await staff.post('/api/terminals/requests', {
      areaId: area.id,
      label: '教務係 窓口PC',
      reason: '成績証明書の発行事務',
    });
    expect(res.statusCode, res.body).toBe(201);
    const cookie = res.cookies.find((c) => c.name === 'mamori_terminal');
    expect(cookie).toMatchObject({ httpOnly: true, path: '/', sameSite: 'Strict' });
    expect(cookie!.maxAge).toBeGreaterThanOrEqual(364 * 24 * 3600);
    expect(res.body).not.toContain(cookie!.value); // the credential is never in a response body
    const request = res.json<TerminalView>();
    expect(request).toMatchObject({ status: 'pending', areaId: area.id, label: '教務係 窓口PC' });
    // Only a hash of the device secret is stored.
    const row = await h.services.database.db
      .selectFrom('terminals')
      .selectAll()
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow();
    expect(cookie!.value).not.toContain(row.secret_hash);
    expect(cookie!.value.split('.')).toHaveLength(3);

    expect(await current(staff)).toMatchObject({ state: 'pending', terminal: { id: request.id } });
    const mine = (await staff.get('/api/terminals/requests/mine')).json<TerminalView[]>();
    expect(mine.map((t) => t.id)).toEqual([request.id]);

    // Someone of the unit who does not manage the area: 403 (audited); another unit's manager: 404.
    expectProblem(
      await staff.post(`/api/terminals/requests/${request.id}/approve`, {}),
      403,
      'auth.forbidden',
    );
    const hqChief = await h.browserOf('secretaryGeneral');
    expectProblem(
      await hqChief.post(`/api/terminals/requests/${request.id}/approve`, {}),
      404,
      'terminal.not_found',
    );

    const approved = await manager.post(`/api/terminals/requests/${request.id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<TerminalView>().status).toBe('approved');
    expectProblem(
      await manager.post(`/api/terminals/requests/${request.id}/approve`, {}),
      409,
      'terminal.not_pending',
    );

    // Every request of this browser now knows its terminal: the view, and the ledger.
    expect(await current(staff)).toMatchObject({
      state: 'approved',
      terminal: { id: request.id, areaName: '教務係 執務室', sectionName: '教務係' },
    });
    expect((await staff.post('/api/auth/logout')).statusCode).toBeLessThan(300);
    const [signedOut] = await h.services.ledger.list(h.services.database.db, {
      type: 'identity.signed_out',
      limit: 1,
    });
    expect(signedOut).toMatchObject({ actorId: people.tokyoKyomuStaff1, terminalId: request.id });

    // Audit events carry ids and codes only: never the label or the reason.
    const events = await h.services.ledger.list(h.services.database.db, { subjectId: request.id });
    expect(events.map((e) => e.type).sort()).toEqual(['terminal.approved', 'terminal.requested']);
    const requested = events.find((e) => e.type === 'terminal.requested')!;
    expect(requested.terminalId).toBeNull(); // asked from a browser that was no terminal yet
    expect(JSON.stringify(events)).not.toMatch(/窓口PC|成績証明書/);
  });

  it('a revoked terminal is refused: the guard throws terminal.required and the denial is audited', async () => {
    const h = await terminalsHarness(kind);
    const { sections, units, people } = h.org;
    const sysadmin = await h.browserOf('sysadmin');
    const area = await h.area(sysadmin, {
      unitId: units.hq,
      sectionId: sections.kyuyo,
      kind: 'handling_area',
      name: '給与係 取扱区域',
      addressRanges: [],
    });
    const clerk = await h.browserOf('kyuyoStaff');
    const request = await h.request(clerk, area.id, '給与係 PC-1');
    expect((await sysadmin.post(`/api/terminals/requests/${request.id}/approve`)).statusCode).toBe(200);

    /** The clerk's ctx as the HTTP layer builds it for a request from this browser. */
    const ctxNow = async () => {
      const cookie = clerk.cookies.get('mamori_terminal');
      const terminal = await h.services.terminals.terminals.resolve(cookie, '127.0.0.1');
      const meta = { ip: '127.0.0.1', userAgent: null, requestId: null, terminal };
      return (await h.services.identity.ctxFor(people.kyuyoStaff, meta, null))!;
    };
    const guard = h.services.terminals.requireTerminal;
    const before = await h.services.ledger.count(h.services.database.db, { type: 'authz.denied' });
    expect((await ctxNow()).terminal).toBe(request.id);
    await guard(await ctxNow(), { areaKind: 'handling_area' }); // A11の2: My Number work from the 取扱区域
    await guard(await ctxNow(), { areaId: area.id });
    await expect(guard(await ctxNow(), { areaId: sections.kyuyo })).rejects.toMatchObject({
      code: 'terminal.required',
      status: 403,
    });

    const revoked = await sysadmin.post(`/api/terminals/${request.id}/revoke`, { reason: '機器更新' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(await current(clerk)).toMatchObject({ state: 'revoked', terminal: { id: request.id } });
    expect((await ctxNow()).terminal).toBeNull();
    await expect(guard(await ctxNow(), { areaKind: 'handling_area' })).rejects.toMatchObject({
      code: 'terminal.required',
    });
    // Even a ctx resolved before the revocation is refused from then on.
    await expect(
      guard({ ...(await ctxNow()), terminal: request.id }, { areaKind: 'handling_area' }),
    ).rejects.toMatchObject({ code: 'terminal.required' });
    const denials = await h.services.ledger.list(h.services.database.db, { type: 'authz.denied', limit: 3 });
    expect(await h.services.ledger.count(h.services.database.db, { type: 'authz.denied' })).toBe(before + 3);
    expect(denials[0]).toMatchObject({ actorId: people.kyuyoStaff, subjectType: 'Terminal' });
    expectProblem(
      await sysadmin.post(`/api/terminals/${request.id}/revoke`, { reason: '再実行' }),
      409,
      'terminal.not_active',
    );
    const [event] = await h.services.ledger.list(h.services.database.db, {
      type: 'terminal.revoked',
      limit: 1,
    });
    expect(event).toMatchObject({ subjectId: request.id, actorId: people.sysadmin });
    expect(JSON.stringify(event)).not.toContain('機器更新');
  });

  it('a forged or altered device credential is ignored', async () => {
    const h = await terminalsHarness(kind);
    const { sections, units } = h.org;
    const manager = await h.browserOf('tokyoKyomuHead');
    const area = await h.area(manager, {
      unitId: units.tokyo,
      sectionId: sections.tokyoKyomu,
      kind: 'general',
      name: '教務係 執務室',
    });
    const staff = await h.browserOf('tokyoKyomuStaff1');
    const mine = await h.request(staff, area.id);
    const other = await h.browserOf('tokyoKyomuStaff2');
    const theirs = await h.request(other, area.id);
    for (const t of [mine, theirs])
      expect((await manager.post(`/api/terminals/requests/${t.id}/approve`)).statusCode).toBe(200);
    const genuine = staff.cookies.get('mamori_terminal')!;
    expect((await current(staff)).state).toBe('approved');

    const [id, secret, signature] = genuine.split('.') as [string, string, string];
    const flip = (s: string) => (s.endsWith('A') ? `${s.slice(0, -1)}B` : `${s.slice(0, -1)}A`);
    const forgeries = [
      `${id}.${flip(secret)}.${signature}`, // altered secret
      `${id}.${secret}.${flip(signature)}`, // altered signature
      `${theirs.id}.${secret}.${signature}`, // another terminal's id
      `${id}.${secret}`, // no signature
      'not-a-credential',
    ];
    for (const forged of forgeries) {
      staff.cookies.set('mamori_terminal', forged);
      expect(await current(staff), forged).toEqual({ state: 'none', terminal: null });
      expect(await h.services.terminals.terminals.resolve(forged, '127.0.0.1')).toBeNull();
    }
    staff.cookies.set('mamori_terminal', genuine);
    expect((await current(staff)).state).toBe('approved');
  });

  it('an address outside the area’s or the terminal’s ranges is no terminal (IPv4 and IPv6)', async () => {
    const h = await terminalsHarness(kind);
    const { sections, units } = h.org;
    const manager = await h.browserOf('tokyoKyomuHead');
    const area = await h.area(manager, {
      unitId: units.tokyo,
      sectionId: sections.tokyoKyomu,
      kind: 'general',
      name: '教務係 執務室',
      addressRanges: ['192.0.2.7/24', '2001:db8::/32'],
    });
    expect(area.addressRanges).toEqual(['192.0.2.0/24', '2001:db8::/32']);
    const staff = await h.browserOf('tokyoKyomuStaff1');
    staff.at.ip = '192.0.2.10';
    const request = await h.request(staff, area.id);
    expect(request.requestIp).toBe('192.0.2.10');
    expectProblem(
      await manager.post(`/api/terminals/requests/${request.id}/approve`, {
        addressRanges: ['198.51.100.0/24'],
      }),
      400,
      'terminal.range_outside_area',
    );
    expectProblem(
      await manager.post(`/api/terminals/requests/${request.id}/approve`, {
        addressRanges: ['192.0.2.0/33'],
      }),
      400,
      'terminal.invalid_range',
    );
    const approved = await manager.post(`/api/terminals/requests/${request.id}/approve`, {
      addressRanges: ['192.0.2.0/25', '2001:db8:1::/48'],
    });
    expect(approved.statusCode, approved.body).toBe(200);

    expect((await current(staff)).state).toBe('approved');
    staff.at.ip = '192.0.2.200'; // in the area, outside the terminal's narrower range
    expect((await current(staff)).state).toBe('out_of_range');
    staff.at.ip = '198.51.100.7'; // outside the area
    expect((await current(staff)).state).toBe('out_of_range');
    staff.at.ip = '2001:db8:1::5';
    expect((await current(staff)).state).toBe('approved');
    staff.at.ip = '2001:db8:2::5';
    expect((await current(staff)).state).toBe('out_of_range');
    expect(
      await h.services.terminals.terminals.resolve(staff.cookies.get('mamori_terminal'), '::ffff:192.0.2.9'),
    ).toBe(request.id);
  });

  it('the approver’s inbox shows only the requests of the areas they manage', async () => {
    const h = await terminalsHarness(kind);
    const { sections, units } = h.org;
    const kyomuHead = await h.browserOf('tokyoKyomuHead');
    const principal = await h.browserOf('tokyoPrincipal');
    const sysadmin = await h.browserOf('sysadmin');
    const kyomuArea = await h.area(kyomuHead, {
      unitId: units.tokyo,
      sectionId: sections.tokyoKyomu,
      kind: 'general',
      name: '教務係 執務室',
    });
    const unitArea = await h.area(principal, {
      unitId: units.tokyo,
      sectionId: null,
      kind: 'general',
      name: '東京高専 事務部',
    });
    const hqArea = await h.area(sysadmin, {
      unitId: units.hq,
      sectionId: sections.somu,
      kind: 'general',
      name: '総務課 執務室',
    });
    const staff = await h.browserOf('tokyoKyomuStaff1');
    const inKyomu = await h.request(staff, kyomuArea.id);
    const inUnit = await h.request(await h.browserOf('tokyoToshoHead'), unitArea.id);
    // An area of another unit is not the staff member's to ask for.
    expectProblem(
      await staff.post('/api/terminals/requests', { areaId: hqArea.id, label: 'PC', reason: '業務' }),
      404,
      'terminal.area_not_found',
    );
    const inboxOf = async (c: AddressedClient) =>
      (await c.get('/api/terminals/inbox'))
        .json<TerminalView[]>()
        .map((t) => t.id)
        .sort();
    expect(await inboxOf(kyomuHead)).toEqual([inKyomu.id]);
    expect(await inboxOf(principal)).toEqual([inUnit.id]);
    expect(await inboxOf(sysadmin)).toEqual([inKyomu.id, inUnit.id].sort());
    expect(await inboxOf(staff)).toEqual([]);
    // Rejection with a reason the requester sees.
    const rejected = await principal.post(`/api/terminals/requests/${inUnit.id}/reject`, {
      reason: '共用端末のため',
    });
    expect(rejected.json<TerminalView>()).toMatchObject({
      status: 'rejected',
      decisionReason: '共用端末のため',
    });
    expect(await inboxOf(principal)).toEqual([]);
  });
});
