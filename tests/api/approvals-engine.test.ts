import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../server/app.ts';
import { databases } from '../support/databases.ts';
import { buildHandlingOrg, type HandlingOrg } from '../support/handling-fixture.ts';
import { testServices } from '../support/test-services.ts';

describe.each(databases)('the approval engine on %s (issue 7, ADR 0008)', (kind) => {
  let services: Services;
  let o: HandlingOrg;
  beforeEach(async () => {
    services = await testServices(kind);
    o = await buildHandlingOrg(services);
  });
  afterEach(() => services.database.close());

  it('routes a request to the section’s 保護管理者, who approves it; the requester is told', async () => {
    const { approvals, notifications } = services.approvals;
    const req = await approvals.submit(o.staff, {
      kind: 'export',
      unitId: o.units.tokyo,
      sectionId: o.sections.tokyoKyomu,
      fileId: o.tokyoFile,
      reason: '成績会議の資料作成のため',
      level: 'protection_manager',
    });
    expect(req.number).toBe('R2026-000001');
    const manager = await o.as('tokyoKyomuHead');
    expect((await approvals.list(manager, { box: 'to_decide' })).requests.map((r) => r.id)).toEqual([req.id]);
    await expect(
      approvals.decide(o.staff, req.id, { decision: 'approve', comment: '', revision: 1 }),
    ).rejects.toMatchObject({ code: 'approval.own_request' });
    const decided = await o.approve(req.id);
    expect(decided.status).toBe('approved');
    expect((await notifications.list(o.staff)).map((n) => n.kind)).toEqual(['approval.approved']);
    expect((await approvals.counts(manager)).toDecide).toBe(0);
  });
});
