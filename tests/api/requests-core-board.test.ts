/**
 * Individuals' requests — the board, the reminders and the gap (issue 12; law-2022.md 法83): open
 * requests first by their nearest date, paused ones after, closed ones last; the handlers told once
 * when a request is due soon and once when it is overdue; request_overdue on the unit's
 * 総括保護管理者 until it is decided. The clock stands at 2026-11-30 09:30 (Tokyo). SQLite and
 * PostgreSQL. Every person is fictional.
 */
import { describe, expect, it } from 'vitest';
import type { RequestListView } from '../../shared/api/requests.ts';
import { databases } from '../support/databases.ts';
import { bodyOf } from '../support/provision-fixture.ts';
import { inbox } from './facility-fixture.ts';
import { REQUESTER, requestsHarness } from './requests-fixture.ts';

const base = '/api/requests';

describe.each(databases)('requests: the board, reminders and the gap (法83) on %s', (kind) => {
  it('orders the board by the nearest date, open first; reminds once; shows the gap (法83)', async () => {
    const h = await requestsHarness(kind);
    const { c, services } = h;
    const later = await h.receive({ receivedOn: '2026-11-27' }); // due 12-27
    const soon = await h.receive({ receivedOn: '2026-11-03' }); // due 12-03: 3 days left
    const overdue = await h.receive({ receivedOn: '2026-10-20' }); // due 11-19: overdue
    const paused = await h.receive({ receivedOn: '2026-11-25' });
    await c.manager.post(`${base}/${paused.id}/pauses`, { askedOn: '2026-11-26', reason: '記載不備' });
    const withdrawn = await h.receive({ receivedOn: '2026-11-26' });
    await c.manager.post(`${base}/${withdrawn.id}/withdraw`, { reason: '取下げ', withdrawnOn: '2026-11-30' });

    const board = bodyOf<RequestListView>(await c.manager.get(base));
    expect(board.canCreate).toBe(true);
    expect(board.requests.map((x) => x.id)).toEqual([overdue.id, soon.id, later.id, paused.id, withdrawn.id]);
    expect(board.requests[0]).toMatchObject({ overdue: true, daysLeft: -11, requesterName: REQUESTER });
    expect(board.requests[3]).toMatchObject({ paused: true, dueOn: null, nextDate: null });
    // The 監査責任者 reads the board without the requesters' names; filters narrow it.
    const audited = bodyOf<RequestListView>(await c.auditor.get(base));
    expect(audited.canCreate).toBe(false);
    expect(audited.requests.every((x) => x.requesterName === null)).toBe(true);
    expect(
      bodyOf<RequestListView>(await c.auditor.get(`${base}?status=withdrawn`)).requests.map((x) => x.id),
    ).toEqual([withdrawn.id]);
    expect(bodyOf<RequestListView>(await c.auditor.get(`${base}?kind=correction`)).requests).toEqual([]);

    // Reminders: due soon and overdue, once each (run twice).
    expect(await services.requests.core.remind()).toBe(2);
    expect(await services.requests.core.remind()).toBe(0);
    const dueSoon = await inbox(c.manager, 'request.due_soon');
    expect(dueSoon.map((n) => n.data?.number)).toEqual([soon.number]);
    expect((await inbox(c.chief, 'request.overdue')).map((n) => n.data?.number)).toEqual([overdue.number]);

    // The gap: the overdue request, on the unit's 総括保護管理者, with its page.
    const gaps = (await services.requests.gaps()).filter((g) => g.kind === 'request_overdue');
    expect(gaps).toEqual([
      expect.objectContaining({
        role: 'chief_protection_manager',
        unitId: overdue.unitId,
        path: `/requests/${overdue.id}`,
        label: overdue.number,
        article: 'law-83',
      }),
    ]);
    // Decided: no longer a gap.
    await h.move(overdue.id, ['received'], { status: 'decided', decision: 'full', decided_on: '2026-11-30' });
    expect((await services.requests.gaps()).filter((g) => g.kind === 'request_overdue')).toEqual([]);
  });
});
