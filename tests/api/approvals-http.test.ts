/**
 * The approval engine over HTTP (issue 7, ADR 0008) as the browser meets it: the inbox and counts,
 * a request with its events, deciding, resubmitting, withdrawing, deputies and notifications, with
 * problems in Japanese and English under stable codes. SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { ApprovalView, CountsView, DeputyView, NotificationView } from '../../shared/api/approvals.ts';
import { ERRORS } from '../../shared/errors.ts';
import { databases } from '../support/databases.ts';
import { buildHandlingOrg } from '../support/handling-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';
import { apiHarness, sessionClient } from './support/http-client.ts';

describe.each(databases)('approvals over HTTP on %s (issue 7)', (kind) => {
  it('serves the inbox, the request and its decision with the right status codes and messages', async () => {
    const api = await apiHarness(kind, { org: false });
    const o = await buildHandlingOrg(api.services);
    const as = (person: keyof typeof o.people) => sessionClient(api.app, api.services, o.people[person]);
    const staff = await as('tokyoKyomuStaff1');
    const manager = await as('tokyoKyomuHead');
    const chief = await as('tokyoPrincipal');
    const stranger = await as('tokyoToshoHead');
    const req = await api.services.approvals.approvals.submit(o.staff, {
      kind: 'export',
      unitId: o.units.tokyo,
      sectionId: o.sections.tokyoKyomu,
      fileId: o.tokyoFile,
      reason: '成績会議の資料作成のため',
      level: 'protection_manager',
    });
    const url = `/api/approvals/${req.id}`;

    // Signed out: 401. The inbox of the manager holds it, with the names the page shows.
    expectProblem(await api.client().get('/api/approvals'), 401, 'auth.required');
    const inbox = await manager.get('/api/approvals?box=to_decide');
    expect(inbox.statusCode).toBe(200);
    const [listed] = inbox.json<{ requests: ApprovalView[] }>().requests;
    expect(listed).toMatchObject({
      id: req.id,
      number: 'R2026-000001',
      unitName: '東京',
      sectionName: '教務係',
      fileName: '学籍ファイル',
      requestedByName: '清水 大輔',
      canDecide: true,
      canWithdraw: false,
    });
    expect((await manager.get('/api/approvals/counts')).json<CountsView>()).toMatchObject({
      toDecide: 1,
      unread: 1,
    });
    expect(
      (await staff.get('/api/approvals?box=mine')).json<{ requests: ApprovalView[] }>().requests,
    ).toHaveLength(1);
    expectProblem(await manager.get('/api/approvals?box=everything'), 400, 'request.invalid');

    // A stranger: 404 with the message in both languages; a bad id: 400.
    const notFound = expectProblem(await stranger.get(url), 404, 'approval.not_found');
    expect(notFound.detail).toBe(ERRORS['approval.not_found'].ja);
    expect(notFound.message.en).toBe(ERRORS['approval.not_found'].en);
    expectProblem(await stranger.get('/api/approvals/not-a-uuid'), 400, 'request.invalid');
    expectProblem(
      await stranger.post(`${url}/decision`, { decision: 'approve', revision: 1 }),
      404,
      'approval.not_found',
    );

    // The requester cannot decide; an onlooker (the 総括保護管理者) is not the decider.
    expectProblem(
      await staff.post(`${url}/decision`, { decision: 'approve', revision: 1 }),
      403,
      'approval.own_request',
    );
    const notDecider = expectProblem(
      await chief.post(`${url}/decision`, { decision: 'approve', revision: 1 }),
      403,
      'approval.not_decider',
    );
    expect(notDecider.message.ja).toBe(ERRORS['approval.not_decider'].ja);
    const noComment = expectProblem(
      await manager.post(`${url}/decision`, { decision: 'send_back', revision: 1 }),
      400,
      'approval.comment_required',
    );
    expect(noComment.detail).toBe('却下または差戻しの場合は、理由を入力してください。');
    expectProblem(
      await manager.post(`${url}/decision`, { decision: 'approve', revision: 1, extra: true }),
      400,
      'request.invalid',
    );
    expectProblem(
      await manager.post(`${url}/decision`, { decision: 'approve', revision: 3 }),
      409,
      'approval.stale',
    );

    // Sent back, resubmitted, approved.
    const back = await manager.post(`${url}/decision`, {
      decision: 'send_back',
      comment: '対象を絞ってください',
      revision: 1,
    });
    expect(back.statusCode).toBe(200);
    expect(back.json<ApprovalView>()).toMatchObject({ status: 'sent_back', canDecide: false });
    expectProblem(
      await manager.post(`${url}/resubmit`, { reason: '別の理由', revision: 1 }),
      403,
      'approval.not_requester',
    );
    const again = await staff.post(`${url}/resubmit`, { reason: '情報工学科3年に限る', revision: 1 });
    expect(again.statusCode).toBe(200);
    expect(again.json<ApprovalView>()).toMatchObject({
      status: 'submitted',
      revision: 2,
      canResubmit: false,
    });
    const approved = await manager.post(`${url}/decision`, { decision: 'approve', revision: 2 });
    expect(approved.statusCode).toBe(200);
    const view = approved.json<ApprovalView>();
    expect(view.status).toBe('approved');
    expect(view.events!.map((e) => e.action)).toEqual(['submitted', 'sent_back', 'resubmitted', 'approved']);
    expectProblem(
      await manager.post(`${url}/decision`, { decision: 'approve', revision: 2 }),
      409,
      'approval.not_open',
    );

    // Withdrawal: the requester only.
    expectProblem(await manager.post(`${url}/withdraw`), 403, 'approval.not_requester');
    const withdrawn = await staff.post(`${url}/withdraw`);
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json<ApprovalView>().status).toBe('withdrawn');
    expectProblem(await staff.post(`${url}/withdraw`), 409, 'approval.not_open');

    // Notifications: the requester's inbox, unread only, marked read (204).
    const notices = await staff.get('/api/notifications?unread=1');
    expect(notices.statusCode).toBe(200);
    const list = notices.json<{ notifications: NotificationView[] }>().notifications;
    expect(list.map((n) => n.kind)).toEqual(['approval.approved', 'approval.sent_back']);
    const read = await staff.post('/api/notifications/read', { ids: [list[0]!.id] });
    expect(read.statusCode).toBe(204);
    expect((await staff.get('/api/approvals/counts')).json<CountsView>().unread).toBe(1);
    expect((await staff.post('/api/notifications/read', {})).statusCode).toBe(204);
    expect(
      (await staff.get('/api/notifications?unread=1')).json<{ notifications: [] }>().notifications,
    ).toEqual([]);
  });

  it('names and revokes deputies over HTTP; staff are refused', async () => {
    const api = await apiHarness(kind, { org: false });
    const o = await buildHandlingOrg(api.services);
    const staff = await sessionClient(api.app, api.services, o.people.tokyoKyomuStaff1);
    const manager = await sessionClient(api.app, api.services, o.people.tokyoKyomuHead);
    const deputy = await sessionClient(api.app, api.services, o.people.tokyoKyomuStaff2);
    const body = {
      deputyId: o.people.tokyoKyomuStaff2,
      level: 'protection_manager',
      unitId: o.units.tokyo,
      sectionId: o.sections.tokyoKyomu,
      validFrom: '2026-11-30',
      validUntil: '2026-12-04',
      reason: '保護管理者の出張のため',
    };
    expectProblem(await staff.post('/api/approval-deputies', body), 403, 'auth.forbidden');
    expectProblem(
      await manager.post('/api/approval-deputies', { ...body, validUntil: '2026-11-01' }),
      400,
      'approval.deputy_invalid',
    );
    const created = await manager.post('/api/approval-deputies', body);
    expect(created.statusCode).toBe(201);
    const named = created.json<DeputyView>();
    expect(named).toMatchObject({ deputyName: '鈴木 美咲', inForce: true });
    expect(
      (await deputy.get('/api/approval-deputies')).json<{ deputies: DeputyView[] }>().deputies,
    ).toHaveLength(1);
    expect((await staff.get('/api/approval-deputies')).json<{ deputies: DeputyView[] }>().deputies).toEqual(
      [],
    );
    expectProblem(await staff.post(`/api/approval-deputies/${named.id}/revoke`), 403, 'auth.forbidden');
    expectProblem(
      await manager.post('/api/approval-deputies/00000000-0000-4000-8000-000000000000/revoke'),
      404,
      'approval.deputy_not_found',
    );
    const revoked = await manager.post(`/api/approval-deputies/${named.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json<DeputyView>().inForce).toBe(false);
  });
});
