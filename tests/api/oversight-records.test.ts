/**
 * The committee (A9), guidance from ministries (A39), supplementary rules (A40) and historical
 * materials (A41) over HTTP (issue 10). Uploaded documents are typed by their content: PDF, Office
 * (DOCX/XLSX/PPTX) or PNG/JPEG; anything else is refused whatever its name. SQLite and PostgreSQL.
 * Every person and record is fictional.
 */
import { describe, expect, it } from 'vitest';
import type { NotificationView } from '../../shared/api/approvals.ts';
import type {
  CommitteeView,
  GuidanceView,
  HistoricalView,
  LocalRuleView,
  MeetingView,
} from '../../shared/api/oversight.ts';
import { databases } from '../support/databases.ts';
import { bodyOf, PDF, provisionHarness } from '../support/provision-fixture.ts';

/** The start of a DOCX: a ZIP whose first entry is [Content_Types].xml, then word/document.xml. */
const DOCX = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.alloc(26),
  Buffer.from('[Content_Types].xml<Types/>PK\u0003\u0004word/document.xml<w:document/>'),
]);
const ZIP = Buffer.concat([
  Buffer.from([0x50, 0x4b, 0x03, 0x04]),
  Buffer.alloc(26),
  Buffer.from('notes.txt hello'),
]);

describe.each(databases)('oversight: committee and records over HTTP on %s', (kind) => {
  it('keeps committee meetings with members told, minutes typed by content (A9)', async () => {
    const h = await provisionHarness(kind);
    await h.o.appoint('president', 'committee_member', 'director2');
    const member = await h.as('director2');
    const meeting = bodyOf<MeetingView>(
      await h.c.chiefManager.post('/api/oversight/committee/meetings', {
        heldOn: '2026-11-20',
        time: '14:00',
        place: '本部 第1会議室',
        agenda: ['2026年度 点検結果の報告', '規則の見直し'],
      }),
      201,
    );
    expect(meeting).toMatchObject({ status: 'scheduled', number: 'M2026-001', agendaCount: 2 });
    const told = bodyOf<{ notifications: NotificationView[] }>(await member.get('/api/notifications'));
    expect(told.notifications.filter((n) => n.kind === 'committee.meeting')).toHaveLength(1);
    const committee = bodyOf<CommitteeView>(await member.get('/api/oversight/committee'));
    expect(committee.chair?.id).toBe(h.o.people.director1);
    expect(committee.members.map((m) => m.id)).toEqual([h.o.people.director2]);
    expect(committee.canEdit).toBe(false);
    expect(
      (
        await member.post('/api/oversight/committee/meetings', {
          heldOn: '2026-12-01',
          place: 'x',
          agenda: ['x'],
        })
      ).statusCode,
    ).toBe(403);
    expect((await h.c.staff.get('/api/oversight/committee')).statusCode).toBe(403);

    const url = `/api/oversight/committee/meetings/${meeting.id}`;
    // Content decides, not the name: a text file named .pdf and a plain ZIP are refused.
    const refused = await h.upload(
      h.c.chiefManager,
      `${url}/document`,
      Buffer.from('議事録です'),
      'minutes.pdf',
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'oversight.document_type' });
    expect((await h.upload(h.c.chiefManager, `${url}/document`, ZIP, 'minutes.docx')).statusCode).toBe(400);
    expect((await h.upload(member, `${url}/document`, PDF, 'minutes.pdf')).statusCode).toBe(403);
    const docx = bodyOf<MeetingView>(
      await h.upload(h.c.chiefManager, `${url}/document`, DOCX, 'minutes.bin'),
      201,
    );
    expect(docx.document?.type).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const pdf = bodyOf<MeetingView>(
      await h.upload(h.c.chiefManager, `${url}/document`, PDF, '議事録.txt'),
      201,
    );
    expect(pdf.document).toMatchObject({ type: 'application/pdf', fileName: '議事録.txt' });
    const download = await member.get(`${url}/document`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);

    const held = bodyOf<MeetingView>(
      await h.c.chiefManager.post(`${url}/held`, {
        minutes: '点検結果の報告を受け、媒体管理の強化を決定した。',
        decisions: [{ text: '媒体の保管点検を毎月行う', featureId: 'A37' }],
      }),
    );
    expect(held).toMatchObject({ status: 'held', hasMinutes: true, decisions: [{ featureId: 'A37' }] });
    expect(
      (await h.c.chiefManager.put(url, { heldOn: '2026-11-20', place: 'x', agenda: ['x'] })).json(),
    ).toMatchObject({
      code: 'oversight.meeting_not_scheduled',
    });
    const evidence = await h.services.oversight.evidence.committee_meeting({
      unitIds: null,
      from: '2026-04-01',
      to: '2027-03-31',
    });
    expect(evidence.map((e) => e.ref)).toEqual([meeting.id]);
  });

  it('records guidance (A39) and supplementary rules read by their unit (A40)', async () => {
    const h = await provisionHarness(kind);
    const guidance = bodyOf<GuidanceView>(
      await h.c.chiefManager.post('/api/oversight/guidance', {
        receivedOn: '2026-10-01',
        ministry: '個人情報保護委員会',
        subject: '安全管理措置の点検について（依頼）',
        summary: '保有個人情報の安全管理措置を点検し報告すること',
        response: null,
      }),
      201,
    );
    expect(guidance.canEdit).toBe(true);
    expect((await h.c.chief.get(`/api/oversight/guidance/${guidance.id}`)).statusCode).toBe(200);
    expect(
      (await h.c.chief.post('/api/oversight/guidance', { ...guidance, response: null })).statusCode,
    ).toBe(400);
    expect((await h.c.manager.get('/api/oversight/guidance')).statusCode).toBe(403);

    const tokyoRule = bodyOf<LocalRuleView>(
      await h.c.chief.post('/api/oversight/local-rules', {
        unitId: h.o.units.tokyo,
        title: '東京高専 個人情報管理細則',
        number: '東京高専規程第12号',
        effectiveOn: '2026-04-01',
      }),
      201,
    );
    expect(tokyoRule).toMatchObject({ article: 'A40-2', superseded: false, canEdit: true });
    // A40-1 is the 総括管理者's; another unit's 総括保護管理者 is not.
    expect(
      (await h.c.chief.post('/api/oversight/local-rules', { ...tokyoRule, unitId: null, article: undefined }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await h.c.chief.post('/api/oversight/local-rules', {
          unitId: null,
          title: '規則',
          number: null,
          effectiveOn: '2026-04-01',
        })
      ).statusCode,
    ).toBe(403);
    const orgRule = bodyOf<LocalRuleView>(
      await h.c.chiefManager.post('/api/oversight/local-rules', {
        unitId: null,
        title: '個人情報管理規則 運用要領',
        number: null,
        effectiveOn: '2025-04-01',
      }),
      201,
    );
    const readBy = async (c: typeof h.c.staff) =>
      new Set(
        bodyOf<{ rules: LocalRuleView[] }>(await c.get('/api/oversight/local-rules')).rules.map((r) => r.id),
      );
    expect(await readBy(h.c.staff)).toEqual(new Set([tokyoRule.id, orgRule.id]));
    expect(await readBy(h.c.stranger)).toEqual(new Set([orgRule.id]));
    expect((await h.c.stranger.get(`/api/oversight/local-rules/${tokyoRule.id}`)).statusCode).toBe(404);
    const superseded = bodyOf<LocalRuleView>(
      await h.c.chief.put(`/api/oversight/local-rules/${tokyoRule.id}`, {
        title: tokyoRule.title,
        number: tokyoRule.number,
        effectiveOn: tokyoRule.effectiveOn,
        superseded: true,
      }),
    );
    expect(superseded.superseded).toBe(true);
    const pdf = bodyOf<LocalRuleView>(
      await h.upload(h.c.chief, `/api/oversight/local-rules/${tokyoRule.id}/document`, PDF, 'rule.pdf'),
      201,
    );
    expect(pdf.document?.type).toBe('application/pdf');
    expect((await h.c.staff.get(`/api/oversight/local-rules/${tokyoRule.id}/document`)).statusCode).toBe(200);
  });

  it('marks a register file as historical material without lifting its controls (A41)', async () => {
    const h = await provisionHarness(kind);
    const body = {
      fileId: h.o.tokyoFile,
      facilityName: '国立公文書館（架空）',
      designatedOn: '2020-04-01',
      note: null,
    };
    expect((await h.c.outsider.post('/api/oversight/historical', body)).statusCode).toBe(404);
    const unknown = { ...body, fileId: '00000000-0000-4000-8000-000000000000' };
    expect((await h.c.manager.post('/api/oversight/historical', unknown)).json()).toMatchObject({
      code: 'oversight.file_invalid',
    });
    const marked = bodyOf<HistoricalView>(await h.c.manager.post('/api/oversight/historical', body), 201);
    expect(marked).toMatchObject({
      fileId: h.o.tokyoFile,
      fileName: '学籍ファイル',
      sectionId: h.o.sections.tokyoKyomu,
    });
    expect((await h.c.chief.post('/api/oversight/historical', body)).json()).toMatchObject({
      code: 'oversight.already_marked',
    });
    const listed = bodyOf<{ files: HistoricalView[] }>(await h.c.auditor.get('/api/oversight/historical'));
    expect(listed.files.map((f) => f.id)).toEqual([marked.id]);
    expect((await h.c.stranger.get(`/api/oversight/historical/${marked.id}`)).statusCode).toBe(404);
    const unmarked = bodyOf<HistoricalView>(
      await h.c.chief.post(`/api/oversight/historical/${marked.id}/unmark`, { reason: '指定の解除' }),
    );
    expect(unmarked.unmarkedAt).not.toBeNull();
    expect(
      bodyOf<{ files: HistoricalView[] }>(await h.c.auditor.get('/api/oversight/historical')).files,
    ).toEqual([]);
  });
});
