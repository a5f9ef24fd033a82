/**
 * Notifications of the approval engine (issue 7 "Notifications"; ADR 0008 §4): the in-app inbox with
 * unread counts, and mail through a real SMTP server on loopback. A submitted request mails its
 * deciders and a decision its requester, at the address of the person in the organisation; subjects
 * carry the tag, what happened, the number and the kind of act — never a name, a reason or a
 * student's data — and the body only a link to the request. A failed send is retried. SQLite and
 * PostgreSQL.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Services } from '../../server/app.ts';
import type { Ctx } from '../../server/platform/context.ts';
import { databases } from '../support/databases.ts';
import { buildHandlingOrg, type HandlingOrg } from '../support/handling-fixture.ts';
import { mailParts, mailSubject, startSmtp } from '../support/smtp.ts';
import { testServices } from '../support/test-services.ts';

const ORIGIN = 'https://mamori.kosen.example';
const REASON = '学生 高専一郎 の成績証明のため';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(() => smtp.close());

describe.each(databases)('notifications of approvals on %s (issue 7, ADR 0008 §4)', (kind) => {
  let services: Services;
  let o: HandlingOrg;
  beforeEach(async () => {
    services = await testServices(kind, {
      env: { SMTP_URL: smtp.url, MAIL_FROM: 'mamori@kosen.example', PUBLIC_ORIGIN: ORIGIN },
    });
    o = await buildHandlingOrg(services);
  });
  afterEach(async () => {
    // Mail sent in the background after a commit lands before the next test counts messages.
    await services.approvals.notifications.flush();
    await services.database.close();
  });

  const submit = (ctx: Ctx) =>
    services.approvals.approvals.submit(ctx, {
      kind: 'export',
      unitId: o.units.tokyo,
      sectionId: o.sections.tokyoKyomu,
      fileId: o.tokyoFile,
      recordIds: o.records.slice(0, 2),
      reason: REASON,
      level: 'protection_manager',
    });

  it('keeps an in-app inbox per person with unread counts, marked read by its owner only', async () => {
    const { approvals, notifications } = services.approvals;
    const manager = await o.as('tokyoKyomuHead');
    const first = await submit(o.staff);
    const second = await submit(o.staff);
    const inbox = await notifications.list(manager);
    expect(inbox.map((n) => [n.kind, n.number, n.requestId])).toEqual([
      ['approval.submitted', second.number, second.id],
      ['approval.submitted', first.number, first.id],
    ]);
    expect(inbox.every((n) => n.readAt === null)).toBe(true);
    expect((await approvals.counts(manager)).unread).toBe(2);
    expect(await notifications.list(o.staff)).toEqual([]);

    // Someone else cannot mark the manager's notices read.
    await notifications.markRead(o.staff, [inbox[0]!.id]);
    expect((await approvals.counts(manager)).unread).toBe(2);
    await notifications.markRead(manager, [inbox[0]!.id]);
    expect((await approvals.counts(manager)).unread).toBe(1);
    expect((await notifications.list(manager, { unreadOnly: true })).map((n) => n.id)).toEqual([
      inbox[1]!.id,
    ]);
    await notifications.markRead(manager, null);
    expect((await approvals.counts(manager)).unread).toBe(0);
    expect(await notifications.list(manager, { unreadOnly: true })).toEqual([]);
    expect(await notifications.list(manager)).toHaveLength(2);

    // A decision tells the requester.
    await o.approve(first.id);
    await o.decide('tokyoKyomuHead', second.id, 'deny', '必要性が認められません');
    expect((await notifications.list(o.staff)).map((n) => [n.kind, n.number])).toEqual([
      ['approval.denied', second.number],
      ['approval.approved', first.number],
    ]);
    expect((await approvals.counts(o.staff)).unread).toBe(2);
  });

  it('mails the decider on submission and the requester on decision, without personal data', async () => {
    const { notifications } = services.approvals;
    const before = smtp.messages.length;
    const req = await submit(o.staff);
    await notifications.flush();
    const submitted = smtp.messages.slice(before);
    expect(submitted).toHaveLength(1);
    expect(submitted[0]!.to).toEqual(['tokyokyomuhead@example.jp']);
    expect(submitted[0]!.from).toBe('mamori@kosen.example');
    expect(mailSubject(submitted[0]!.raw)).toBe(`[Mamori] 承認依頼 ${req.number}（複製）`);

    await o.decide('tokyoKyomuHead', req.id, 'send_back', '佐藤より: 対象を絞ってください');
    await notifications.flush();
    const decided = smtp.messages.slice(before + 1);
    expect(decided).toHaveLength(1);
    expect(decided[0]!.to).toEqual(['tokyokyomustaff1@example.jp']);
    expect(mailSubject(decided[0]!.raw)).toBe(`[Mamori] 差し戻されました ${req.number}（複製）`);

    // The body links to the request and says nothing else of it.
    for (const mail of [...submitted, ...decided]) {
      const body = mailParts(mail.raw).get('')!;
      expect(body).toContain(`${ORIGIN}/approvals/${req.id}`);
      expect(body).toContain(req.number);
      const subject = mailSubject(mail.raw);
      for (const secret of [
        REASON,
        '高専',
        '佐藤',
        '清水',
        '大輔',
        '花子',
        '対象を絞って',
        'T260001',
        o.records[0]!,
      ]) {
        expect(subject).not.toContain(secret);
        expect(body).not.toContain(secret);
      }
    }
    // Each notice is mailed once: flushing again sends nothing.
    expect(await notifications.flush()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.messages.length).toBe(before + 2);
  });

  it('retries a mail the server refused, and marks done a notice to a person without an address', async () => {
    const { notifications } = services.approvals;
    const sys = o.sys;
    const people = services.organisation.people;
    await people.update(sys, o.people.tokyoKyomuHead, { email: 'sato@refused.test' });
    await people.update(sys, o.people.tokyoKyomuStaff1, { email: null });
    const before = smtp.messages.length;
    const req = await submit(o.staff);
    await notifications.flush();
    expect(await notifications.flush()).toEqual({ sent: 0, failed: 1 });
    expect(smtp.messages.length).toBe(before);

    await people.update(sys, o.people.tokyoKyomuHead, { email: 'sato@kosen.example' });
    expect(await notifications.flush()).toEqual({ sent: 1, failed: 0 });
    expect(smtp.messages.slice(before).map((m) => m.to)).toEqual([['sato@kosen.example']]);

    // The requester has no address: told in the app, no mail, nothing left to send.
    await o.approve(req.id);
    expect(await notifications.flush()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.messages.length).toBe(before + 1);
    expect((await notifications.list(o.staff)).map((n) => n.kind)).toEqual(['approval.approved']);
  });
});
