/**
 * Copies over HTTP (issue 7; A12(1), A24の2) as a browser meets them: the act answers the password
 * once (never cached), the archive downloads as an attachment named by the request number, only by
 * its holder, and answers 410 handling.export_expired once the job has deleted it. SQLite and PostgreSQL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Uint8ArrayReader, ZipReader } from '@zip.js/zip.js';
import { describe, expect, it, onTestFinished } from 'vitest';
import { toTokyoDate, type Clock } from '../../server/platform/clock.ts';
import type { ExportListView, ExportMadeView } from '../../shared/api/handling-export.ts';
import { ERRORS } from '../../shared/errors.ts';
import { databases } from '../support/databases.ts';
import { buildHandlingOrg } from '../support/handling-fixture.ts';
import { TEST_NOW } from '../support/test-services.ts';
import { expectProblem } from './support/expect-problem.ts';
import { apiHarness, sessionClient } from './support/http-client.ts';

const DAY = 86_400_000;

describe.each(databases)('copies over HTTP on %s', (kind) => {
  it('answers the password once, downloads to the holder only, and 410 once expired', async () => {
    let at = new Date(TEST_NOW).getTime();
    const clock: Clock = { now: () => new Date(at), today: () => toTokyoDate(new Date(at)) };
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-export-http-'));
    onTestFinished(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const api = await apiHarness(kind, { org: false, clock, env: { DATA_DIR: dataDir } });
    const o = await buildHandlingOrg(api.services);
    const staff = await sessionClient(api.app, api.services, o.people.tokyoKyomuStaff1);
    const manager = await sessionClient(api.app, api.services, o.people.tokyoKyomuHead);
    const outsider = await sessionClient(api.app, api.services, o.people.tokyoToshoHead);

    const options = await staff.get(`/api/handling/exports/options?fileId=${o.tokyoFile}`);
    expect(options.statusCode, options.body).toBe(200);
    expect(options.json()).toMatchObject({
      fileName: '学籍ファイル',
      requirement: 'none',
      purpose: 'enrolment',
    });
    expectProblem(
      await (
        await sessionClient(api.app, api.services, o.people.tokyoKyomuStaff2)
      ).get(`/api/handling/exports/options?fileId=${o.tokyoFile}`),
      403,
      'vault.permission_missing',
    );

    const res = await staff.post('/api/handling/exports', {
      fileId: o.tokyoFile,
      purpose: 'enrolment',
      fields: ['student_number', 'name'],
      format: 'csv',
      days: 1,
      reason: '保護者会の名簿作成のため',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const made = res.json<ExportMadeView>();
    const url = `/api/handling/exports/${made.export.id}`;

    // The view never shows the password again.
    const view = await staff.get(url);
    expect(view.statusCode).toBe(200);
    expect(view.body).not.toContain(made.password);
    expect((await manager.get(url)).statusCode).toBe(200);
    expectProblem(await outsider.get(url), 404, 'handling.export_not_found');

    const dl = await staff.get(`${url}/download`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/zip');
    expect(dl.headers['cache-control']).toBe('no-store');
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="R2026-000001_______.zip"; filename*=UTF-8''${encodeURIComponent('R2026-000001_学籍ファイル.zip')}`,
    );
    const zip = new ZipReader(new Uint8ArrayReader(new Uint8Array(dl.rawPayload)), {
      password: made.password,
    });
    expect((await zip.getEntries()).map((e) => e.filename)).toEqual(['R2026-000001_学籍ファイル.csv']);
    expectProblem(await manager.get(`${url}/download`), 404, 'handling.export_not_found');
    expectProblem(await outsider.get(`${url}/download`), 404, 'handling.export_not_found');

    const list = (await manager.get('/api/handling/exports')).json<ExportListView>();
    expect(list.outstanding!.map((e) => [e.id, e.confirmation])).toEqual([[made.export.id, 'pending']]);
    expect((await outsider.get('/api/handling/exports')).json<ExportListView>().outstanding).toBeNull();

    at += DAY;
    await api.services.handling.exports.sweep();
    // A day later the sessions have ended: the holder signs in again.
    const holder = await sessionClient(api.app, api.services, o.people.tokyoKyomuStaff1);
    const gone = expectProblem(await holder.get(`${url}/download`), 410, 'handling.export_expired');
    expect(gone.detail).toBe(ERRORS['handling.export_expired'].ja);

    const confirmed = await holder.post(`${url}/confirm-deleted`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ confirmation: 'confirmed', state: 'expired' });

    // Where the rules require approval, the act without one answers 403 approval.required.
    const chief = await o.as('tokyoPrincipal');
    const rules = (await api.services.handling.rules.view(chief, o.tokyoFile)).rules;
    await api.services.handling.rules.update(chief, o.tokyoFile, {
      rules: { ...rules, export: 'protection_manager' },
      reason: '複製は承認制とする',
    });
    expectProblem(
      await holder.post('/api/handling/exports', {
        fileId: o.tokyoFile,
        purpose: 'enrolment',
        fields: ['student_number'],
        format: 'xlsx',
        reason: '名簿作成のため',
      }),
      403,
      'approval.required',
    );
    const asked = await holder.post('/api/handling/exports/requests', {
      fileId: o.tokyoFile,
      purpose: 'enrolment',
      fields: ['student_number'],
      format: 'xlsx',
      reason: '名簿作成のため',
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ number: 'R2026-000002', status: 'submitted' });
  });
});
