/**
 * The compliance overview over HTTP (issue 10): a cell of the units × article families matrix turns
 * red (or amber) when a gap behind it appears and green when it is fixed, scripted per family with
 * the modules' own records — roles (A4–A8: a seat vacated and re-filled), third parties (A19-1: a
 * contract missing a clause), register (A20-3: an entry sent back and not resubmitted in 14 days),
 * systems (A21の2: the password policy's review overdue, then reviewed); incidents, handling, training
 * and oversight are in compliance-records.test.ts. A gap source added in the test shows the colour
 * per kind and the default page of a gap whose source gives none. The drill-down lists each gap with its page; a 総括保護管理者 reads only its row.
 * SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { CellDetailView, OverviewView } from '../../shared/api/compliance.ts';
import type { GapView } from '../../shared/api/organisation.ts';
import type { ArticleFamily } from '../../shared/compliance/articles.ts';
import { databases } from '../support/databases.ts';
import { fileAt } from '../support/register-fixture.ts';
import { bodyOf, provisionHarness } from '../support/provision-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';
import type { HttpClient } from './support/http-client.ts';
import { MutableClock } from './support/mutable-clock.ts';

const DAY = 24 * 60;

/** The cell of a row (null: 機構全体) and family, read by `by`. */
async function cell(by: HttpClient, unitId: string | null, family: ArticleFamily) {
  const q = unitId ? `unitId=${unitId}&` : '';
  return bodyOf<CellDetailView>(await by.get(`/api/compliance/cells?${q}family=${family}`));
}
/** The colour of a cell in the overview, read by `by`. */
async function colour(by: HttpClient, unitId: string | null, family: ArticleFamily) {
  const view = bodyOf<OverviewView>(await by.get('/api/compliance/overview'));
  return view.rows.find((r) => r.unitId === unitId)?.cells.find((c) => c.family === family)?.colour;
}

describe.each(databases)('compliance: the overview on %s (issue 10)', (kind) => {
  it('lists 機構全体 and every unit with a cell per family, and the gaps behind a cell with their pages', async () => {
    const h = await provisionHarness(kind);
    const view = bodyOf<OverviewView>(await h.c.chiefManager.get('/api/compliance/overview'));
    expect(view.asOf).toBe('2026-11-30');
    expect(view.rows[0]).toMatchObject({ unitId: null, unitName: '機構全体' });
    expect(
      view.rows
        .slice(1)
        .map((r) => r.unitName)
        .sort(),
    ).toEqual(['本部事務局', '東京工業高等専門学校', '長岡工業高等専門学校'].sort());
    expect(view.families.find((f) => f.family === 'roles')!.articles).toContain('A5');
    expect(view.rows.every((r) => r.cells.length === view.families.length)).toBe(true);
    // 長岡 has no 総括保護管理者 (A5): its roles cell is red, with the vacancy and its page.
    const nagaoka = await cell(h.c.chiefManager, h.o.units.nagaoka, 'roles');
    expect(nagaoka.colour).toBe('red');
    expect(nagaoka.gaps).toContainEqual(
      expect.objectContaining({
        kind: 'vacancy',
        role: 'chief_protection_manager',
        article: 'A5',
        severity: 'red',
        path: `/organisation/gaps?unit=${h.o.units.nagaoka}`,
      }),
    );
    // The totals count the cells shown.
    const cells = view.rows.length * view.families.length;
    expect(view.totals.red + view.totals.amber + view.totals.green).toBe(cells);
  });

  it('shows a 総括保護管理者 only its unit’s row; other rows answer 404, staff 403', async () => {
    const h = await provisionHarness(kind);
    const view = bodyOf<OverviewView>(await h.c.chief.get('/api/compliance/overview'));
    expect(view.rows.map((r) => r.unitId)).toEqual([h.o.units.tokyo]);
    expect((await cell(h.c.chief, h.o.units.tokyo, 'roles')).unitName).toBe('東京工業高等専門学校');
    for (const unitId of [h.o.units.nagaoka, null])
      expectProblem(
        await h.c.chief.get(`/api/compliance/cells?${unitId ? `unitId=${unitId}&` : ''}family=roles`),
        404,
        'compliance.not_found',
      );
    expectProblem(await h.c.staff.get('/api/compliance/overview'), 403, 'auth.forbidden');
    expectProblem(await h.c.manager.get('/api/compliance/overview'), 403, 'auth.forbidden');
    expectProblem(
      await h.c.chiefManager.get('/api/compliance/cells?family=nonsense'),
      400,
      'request.invalid',
    );
  });

  it('roles (A8): 機構全体 turns red when the 監査責任者 leaves and green when the seat is re-filled', async () => {
    const h = await provisionHarness(kind);
    const by = h.c.chiefManager;
    expect(await colour(by, null, 'roles')).toBe('green');
    const held = await h.services.organisation.appointments.list(h.o.sys, {
      role: 'audit_officer',
      status: 'current',
    });
    await h.services.organisation.appointments.end(await h.o.as('president'), held[0]!.id, {
      reason: '退職のため',
    });
    const red = await cell(by, null, 'roles');
    expect(red.colour).toBe('red');
    expect(red.gaps).toEqual([
      expect.objectContaining({ kind: 'vacancy', role: 'audit_officer', article: 'A8', unitId: null }),
    ]);
    await h.o.appoint('president', 'audit_officer', 'auditor');
    expect(await colour(by, null, 'roles')).toBe('green');
  });

  it('third parties (A19-1): a contract lacking a clause is red on its unit until the six are saved', async () => {
    const h = await provisionHarness(kind);
    const by = h.c.chiefManager;
    expect(await colour(by, h.o.units.tokyo, 'third_parties')).toBe('green');
    const contract = await h.contract();
    await h.clauses(contract.id, ['erasure_return']);
    const red = await cell(by, h.o.units.tokyo, 'third_parties');
    expect(red.colour).toBe('red');
    expect(red.gaps).toEqual([
      expect.objectContaining({
        kind: 'contract_clauses_missing',
        article: 'A19-1',
        sectionId: h.o.sections.tokyoKyomu,
        path: `/provision/contracts/${contract.id}`,
        label: contract.number,
      }),
    ]);
    // The unit's 総括保護管理者 sees the same cell.
    expect((await cell(h.c.chief, h.o.units.tokyo, 'third_parties')).colour).toBe('red');
    await h.clauses(contract.id);
    expect(await colour(by, h.o.units.tokyo, 'third_parties')).toBe('green');
  });

  it('register (A20-3): an entry sent back is amber after 14 days without resubmission, green once resubmitted', async () => {
    const clock = new MutableClock();
    const h = await provisionHarness(kind, { clock });
    const fileId = await fileAt(
      h.services,
      { unitId: h.o.units.tokyo, sectionId: h.o.sections.tokyoKyomu },
      'submitted',
      { name: '奨学金申請ファイル' },
    );
    bodyOf(await h.c.chiefManager.post(`/api/register/files/${fileId}/return`, { reason: '記載漏れ' }));
    // Within 14 days: no gap yet.
    clock.advanceMinutes(14 * DAY);
    expect(await colour(await h.as('director1'), h.o.units.tokyo, 'register')).toBe('green');
    clock.advanceMinutes(DAY);
    const chiefManager = await h.as('director1');
    const late = await cell(chiefManager, h.o.units.tokyo, 'register');
    expect(late.colour).toBe('amber');
    expect(late.gaps).toEqual([
      expect.objectContaining({
        kind: 'register_amendment_overdue',
        article: 'A20-3',
        path: `/register-admin/files/${fileId}`,
      }),
    ]);
    // The unit's 総括保護管理者 resubmits it to the 総括管理者 (A20-1, A20-3).
    const chief = await h.as('tokyoPrincipal');
    bodyOf(await chief.post(`/api/register/files/${fileId}/submit`));
    expect(await colour(chiefManager, h.o.units.tokyo, 'register')).toBe('green');
  });

  it('systems (A21の2): 機構全体 shows the password policy’s overdue review (amber) until it is reviewed', async () => {
    // The tests configure no backup destination, so 機構全体's systems cell also carries the red
    // backup_overdue (A27, issue 11): this case looks at the review's own gap.
    const reviews = (c: Awaited<ReturnType<typeof cell>>) =>
      c.gaps.filter((g) => g.kind === 'review_overdue');
    const clock = new MutableClock();
    const h = await provisionHarness(kind, { clock });
    expect(reviews(await cell(h.c.chiefManager, null, 'systems'))).toEqual([]);
    clock.advanceMinutes(366 * DAY);
    const chiefManager = await h.as('director1');
    const late = await cell(chiefManager, null, 'systems');
    expect(reviews(late)).toEqual([
      expect.objectContaining({ kind: 'review_overdue', path: '/admin/password-policy', severity: 'amber' }),
    ]);
    const admin = await h.as('sysadmin');
    expect(
      (await admin.post('/api/password-policy/review', { note: '見直し', nextReviewOn: '2028-11-30' }))
        .statusCode,
    ).toBe(200);
    expect(reviews(await cell(chiefManager, null, 'systems'))).toEqual([]);
  });

  it('colours by kind (training_overdue red, inspection_overdue amber) and links a gap without a path to its kind’s page', async () => {
    const h = await provisionHarness(kind);
    const extra: GapView[] = [];
    h.services.organisation.gaps.addSource(() => Promise.resolve(extra));
    const gap = (kind: GapView['kind'], article: string): GapView => ({
      kind,
      role: 'protection_manager',
      scopeKind: 'section',
      unitId: h.o.units.tokyo,
      unitName: '東京工業高等専門学校',
      sectionId: h.o.sections.tokyoKyomu,
      sectionName: '教務係',
      appointmentIds: [],
      article,
    });
    const by = h.c.chiefManager;
    extra.push(gap('training_overdue', 'A10-4'), gap('inspection_overdue', 'A37'));
    expect(await colour(by, h.o.units.tokyo, 'training')).toBe('red');
    const oversight = await cell(by, h.o.units.tokyo, 'oversight');
    expect(oversight.colour).toBe('amber');
    // No path from the source: the kind's page.
    expect(oversight.gaps.map((g) => g.path)).toEqual(['/oversight/inspections']);
    extra.length = 0;
    expect(await colour(by, h.o.units.tokyo, 'training')).toBe('green');
    expect(await colour(by, h.o.units.tokyo, 'oversight')).toBe('green');
  });
});
