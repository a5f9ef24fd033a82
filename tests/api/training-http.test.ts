/**
 * Training over HTTP (issue 10; A10): a course with its material (PDF), a session of online material
 * the person completes themself, what /me shows, and the refusals a user sees (codes and Japanese
 * messages). SQLite and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { CourseView, MyTrainingView, SessionView } from '../../shared/api/training.ts';
import { buildOrg } from '../support/org-fixture.ts';
import { databases } from '../support/databases.ts';
import { apiHarness, multipart, problemOf, sessionClient, type HttpClient } from './support/http-client.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const upload = (by: HttpClient, url: string, bytes: Buffer, filename: string) => {
  const form = multipart({ filename, content: bytes, type: 'application/pdf' });
  return by.request('POST', url, undefined, { payload: form.payload, headers: form.headers });
};

describe.each(databases)('training over HTTP on %s', (kind) => {
  it('keeps a course with its material; staff read it and complete online material themselves', async () => {
    const api = await apiHarness(kind, { org: false });
    const org = await buildOrg(api.services);
    await org.appoint('president', 'chief_manager', 'director1');
    const keeper = await sessionClient(api.app, api.services, org.people.director1);
    const staff = await sessionClient(api.app, api.services, org.people.tokyoKyomuStaff1);

    const created = await keeper.post('/api/training/courses', {
      kind: 'system_staff',
      title: '情報システム担当者研修',
      audience: { roles: ['system_administrator'], sectionIds: [org.sections.tokyoKyomu] },
      recurrenceMonths: 24,
    });
    expect(created.statusCode, created.body).toBe(201);
    const course = created.json<CourseView>();
    expect(course).toMatchObject({ number: 'TR2026-0001', article: 'A10-2', material: null });

    const bad = await upload(
      keeper,
      `/api/training/courses/${course.id}/material`,
      Buffer.from('plain'),
      'a.pdf',
    );
    expect(bad.statusCode).toBe(400);
    expect(problemOf(bad).code).toBe('training.material_invalid');
    const ok = await upload(keeper, `/api/training/courses/${course.id}/material`, PDF, '研修教材.pdf');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<CourseView>().material).toMatchObject({
      fileName: '研修教材.pdf',
      mime: 'application/pdf',
    });
    const got = await staff.get(`/api/training/courses/${course.id}/material`);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PDF)).toBe(true);

    // Staff may not change the course (403, in Japanese).
    const denied = await staff.patch(`/api/training/courses/${course.id}`, { title: '変更' });
    expect(denied.statusCode).toBe(403);
    expect(problemOf(denied).code).toBe('auth.forbidden');

    const online = await keeper.post(`/api/training/courses/${course.id}/sessions`, {
      mode: 'online',
      heldOn: '2026-11-01',
      closesOn: '2026-12-31',
    });
    expect(online.statusCode, online.body).toBe(201);
    const sessionId = online.json<SessionView>().id;
    const noClose = await keeper.post(`/api/training/courses/${course.id}/sessions`, {
      mode: 'online',
      heldOn: '2026-11-01',
    });
    expect(problemOf(noClose).code).toBe('training.session_dates');

    const before = (await staff.get('/api/training/me')).json<MyTrainingView>();
    expect(before.requirements).toEqual([
      expect.objectContaining({ courseId: course.id, status: 'never', dueOn: '2026-12-30' }),
    ]);
    expect(before.requirements[0]!.openSessions.map((s) => s.id)).toEqual([sessionId]);
    const view = (await staff.get(`/api/training/sessions/${sessionId}`)).json<SessionView>();
    expect(view).toMatchObject({ canCompleteSelf: true, canEnrol: false, participants: [] });
    const done = await staff.post(`/api/training/sessions/${sessionId}/complete`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<SessionView>()).toMatchObject({ myCompletedOn: '2026-11-30', canCompleteSelf: false });
    const after = (await staff.get('/api/training/me')).json<MyTrainingView>();
    expect(after.requirements[0]).toMatchObject({ status: 'completed', validUntil: '2028-11-30' });

    // Someone outside the audience cannot complete it (409, with a Japanese message).
    const outsider = await sessionClient(api.app, api.services, org.people.tokyoToshoHead);
    const refused = await outsider.post(`/api/training/sessions/${sessionId}/complete`);
    expect(refused.statusCode).toBe(409);
    expect(problemOf(refused)).toMatchObject({ code: 'training.not_in_audience' });
    expect(refused.body).toContain('受講対象');
  });
});
