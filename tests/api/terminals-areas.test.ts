/**
 * Terminal areas over HTTP (A11の2 取扱区域, A29): who manages an area, what an area may be, and how
 * it is changed and removed.
 */
import { describe, expect, it } from 'vitest';
import type { AreaView } from '../../shared/api/terminals.ts';
import { databases } from '../support/databases.ts';
import { expectProblem } from './support/expect-problem.ts';
import { terminalsHarness } from './support/terminals-harness.ts';

describe.each(databases)('terminal areas on %s', (kind) => {
  it('a 取扱区域 is only for a section that handles My Numbers (A11の2); ranges must be CIDR', async () => {
    const h = await terminalsHarness(kind);
    const { sections, units } = h.org;
    const sysadmin = await h.browserOf('sysadmin');
    const kyomuHead = await h.browserOf('tokyoKyomuHead');
    expectProblem(
      await kyomuHead.post('/api/terminals/areas', {
        unitId: units.tokyo,
        sectionId: sections.tokyoKyomu,
        kind: 'handling_area',
        name: '教務係 取扱区域',
      }),
      400,
      'terminal.handling_area_needs_my_number',
    );
    expectProblem(
      await sysadmin.post('/api/terminals/areas', {
        unitId: units.hq,
        sectionId: null,
        kind: 'handling_area',
        name: '本部 取扱区域',
      }),
      400,
      'terminal.handling_area_needs_my_number',
    );
    const bad = expectProblem(
      await kyomuHead.post('/api/terminals/areas', {
        unitId: units.tokyo,
        sectionId: sections.tokyoKyomu,
        kind: 'general',
        name: '教務係',
        addressRanges: ['192.0.2.0/24', 'example.jp'],
      }),
      400,
      'terminal.invalid_range',
    );
    expect(bad.errors).toEqual([{ path: 'addressRanges.1', code: 'invalid_range' }]);
    expectProblem(
      await sysadmin.post('/api/terminals/areas', {
        unitId: units.hq,
        sectionId: sections.tokyoKyomu,
        kind: 'general',
        name: '混在',
      }),
      400,
      'terminal.section_not_in_unit',
    );
    const created = await h.area(sysadmin, {
      unitId: units.hq,
      sectionId: sections.kyuyo,
      kind: 'handling_area',
      name: '給与係 取扱区域',
      addressRanges: ['10.1.2.3/16', '2001:DB8::1/64'],
    });
    expect(created).toMatchObject({
      kind: 'handling_area',
      unitName: '本部事務局',
      sectionName: '給与係',
      addressRanges: ['10.1.0.0/16', '2001:db8::/64'],
      canManage: true,
    });
  });

  it('each manager sees and manages their own areas; the people of the unit see them to ask for a terminal', async () => {
    const h = await terminalsHarness(kind);
    const { sections, units } = h.org;
    const kyomuHead = await h.browserOf('tokyoKyomuHead');
    const principal = await h.browserOf('tokyoPrincipal');
    // The 校長 keeps the unit's area; a section's area is its 保護管理者's (A6, A29).
    expectProblem(
      await principal.post('/api/terminals/areas', {
        unitId: units.tokyo,
        sectionId: sections.tokyoKyomu,
        kind: 'general',
        name: '教務係',
      }),
      403,
      'auth.forbidden',
    );
    const kyomu = await h.area(kyomuHead, {
      unitId: units.tokyo,
      sectionId: sections.tokyoKyomu,
      kind: 'general',
      name: '教務係 執務室',
    });
    const unit = await h.area(principal, {
      unitId: units.tokyo,
      sectionId: null,
      kind: 'general',
      name: '事務部',
    });
    const list = async (person: Parameters<typeof h.browserOf>[0]) =>
      (await (await h.browserOf(person)).get('/api/terminals/areas'))
        .json<AreaView[]>()
        .map((a) => [a.name, a.canManage]);
    expect(await list('tokyoKyomuHead')).toEqual([
      ['事務部', false],
      ['教務係 執務室', true],
    ]);
    expect(await list('tokyoPrincipal')).toEqual([
      ['事務部', true],
      ['教務係 執務室', false],
    ]);
    expect(await list('tokyoKyomuStaff1')).toEqual([
      ['事務部', false],
      ['教務係 執務室', false],
    ]);
    expect(await list('secretaryGeneral')).toEqual([]);
    expect(await list('sysadmin')).toEqual([
      ['事務部', true],
      ['教務係 執務室', true],
    ]);
    // Out of sight is 404; in sight but not managed is 403.
    const hqChief = await h.browserOf('secretaryGeneral');
    expectProblem(
      await hqChief.patch(`/api/terminals/areas/${kyomu.id}`, { name: 'x' }),
      404,
      'terminal.area_not_found',
    );
    expectProblem(
      await principal.patch(`/api/terminals/areas/${kyomu.id}`, { name: 'x' }),
      403,
      'auth.forbidden',
    );
    expectProblem(await kyomuHead.get(`/api/terminals/areas/${unit.id}/terminals`), 403, 'auth.forbidden');
  });

  it('an area with a terminal in use cannot be removed; once revoked it can, and is gone', async () => {
    const h = await terminalsHarness(kind);
    const { sections, units } = h.org;
    const kyomuHead = await h.browserOf('tokyoKyomuHead');
    const area = await h.area(kyomuHead, {
      unitId: units.tokyo,
      sectionId: sections.tokyoKyomu,
      kind: 'general',
      name: '教務係 執務室',
    });
    const renamed = await kyomuHead.patch(`/api/terminals/areas/${area.id}`, {
      name: '教務係 第二執務室',
      addressRanges: ['127.0.0.1/32'],
    });
    expect(renamed.json<AreaView>()).toMatchObject({
      name: '教務係 第二執務室',
      addressRanges: ['127.0.0.1/32'],
    });
    const staff = await h.browserOf('tokyoKyomuStaff1');
    const t = await h.request(staff, area.id);
    expectProblem(
      await kyomuHead.request('DELETE', `/api/terminals/areas/${area.id}`),
      409,
      'terminal.area_in_use',
    );
    await kyomuHead.post(`/api/terminals/requests/${t.id}/approve`, {});
    const listed = await kyomuHead.get(`/api/terminals/areas/${area.id}/terminals`);
    expect(listed.json<{ id: string; status: string }[]>()).toMatchObject([{ id: t.id, status: 'approved' }]);
    await kyomuHead.post(`/api/terminals/${t.id}/revoke`, { reason: '異動' });
    expect((await kyomuHead.request('DELETE', `/api/terminals/areas/${area.id}`)).statusCode).toBe(204);
    expect((await kyomuHead.get('/api/terminals/areas')).json<AreaView[]>()).toEqual([]);
    const types = (await h.services.ledger.list(h.services.database.db, { subjectId: area.id })).map(
      (e) => e.type,
    );
    expect(types.sort()).toEqual(['terminal.area_created', 'terminal.area_removed', 'terminal.area_updated']);
  });
});
