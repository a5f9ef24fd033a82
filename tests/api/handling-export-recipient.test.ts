/**
 * A copy to a recipient outside the organisation (issue 9; A18, with issue 7's A12(1), A24の2), on
 * SQLite and PostgreSQL: an approved provision is the only way a file's data leaves through the
 * vault's export for that recipient. Without an active provision of the file to the party the copy
 * is refused (409, audited); with one, the approved copy is made, the act of provision is recorded
 * under the provision in the same act, and the copy's view names the recipient. Every person, party
 * and file is fictional.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { ApprovalView } from '../../shared/api/approvals.ts';
import type {
  ExportMadeView,
  ExportOptionsView,
  ExportRequestedView,
  ExportView,
} from '../../shared/api/handling-export.ts';
import type { PartyView } from '../../shared/api/provision-parties.ts';
import type { ProvisionView } from '../../shared/api/provision-provisions.ts';
import { databases } from '../support/databases.ts';
import { buildHandlingOrg } from '../support/handling-fixture.ts';
import { bodyOf, partyBody, provisionBody } from '../support/provision-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';
import { apiHarness, sessionClient, type HttpClient } from './support/http-client.ts';

describe.each(databases)('copies to an outside recipient on %s (A18)', (kind) => {
  async function setup() {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-export-recipient-'));
    onTestFinished(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const api = await apiHarness(kind, { org: false, env: { DATA_DIR: dataDir } });
    const o = await buildHandlingOrg(api.services);
    const as = (p: 'tokyoKyomuStaff1' | 'tokyoKyomuHead' | 'tokyoPrincipal') =>
      sessionClient(api.app, api.services, o.people[p]);
    const c = { staff: await as('tokyoKyomuStaff1'), manager: await as('tokyoKyomuHead') };
    const chief = await as('tokyoPrincipal');
    const decide = async (by: HttpClient, id: string) => {
      const current = bodyOf<ApprovalView>(await by.get(`/api/approvals/${id}`));
      const res = await by.post(`/api/approvals/${id}/decision`, {
        decision: 'approve',
        comment: '',
        revision: current.revision,
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    const audits = (type: string) => api.services.ledger.list(api.services.database.db, { type });
    // A public body of the register (A18-3: no written agreement needed), added by the 保護管理者.
    const ministry = bodyOf<PartyView>(
      await c.manager.post(
        '/api/provision/parties',
        partyBody({ kind: 'public_body', name: '文部科学省 架空調査室', contractor: false }),
      ),
      201,
    );
    const spec = (over: Record<string, unknown> = {}) => ({
      fileId: o.tokyoFile,
      purpose: 'enrolment',
      fields: ['student_number', 'name'],
      format: 'csv',
      days: 3,
      reason: '文部科学省の調査への回答のため',
      partyId: ministry.id,
      ...over,
    });
    return { api, o, c, chief, decide, audits, ministry, spec };
  }

  it('refuses a copy naming a party without an active provision (409 provision.no_active_provision, audited)', async () => {
    const { c, audits, spec, ministry, o } = await setup();
    expectProblem(await c.staff.post('/api/handling/exports', spec()), 409, 'provision.no_active_provision');
    expectProblem(
      await c.staff.post('/api/handling/exports/requests', spec()),
      409,
      'provision.no_active_provision',
    );
    const denied = (await audits('authz.denied')).filter(
      (e) => e.payload?.code === 'provision.no_active_provision',
    );
    expect(denied).toHaveLength(2);
    expect(denied[0]).toMatchObject({ subjectId: o.tokyoFile, outcome: 'denied' });
    expect(denied[0]!.payload).toMatchObject({ action: 'export', partyId: ministry.id });
    // Nothing was read, recorded or written.
    expect(await audits('vault.records_exported')).toEqual([]);
    expect(await audits('handling.export_made')).toEqual([]);
    const options = bodyOf<ExportOptionsView>(
      await c.staff.get(`/api/handling/exports/options?fileId=${o.tokyoFile}`),
    );
    expect(options.recipients).toEqual([]);
    // A copy kept inside still needs no provision.
    expect((await c.staff.post('/api/handling/exports', spec({ partyId: null }))).statusCode).toBe(201);
  });

  it('under an approved provision the approved copy is made, the act of provision is recorded and the view names the recipient', async () => {
    const { api, o, c, chief, decide, audits, ministry, spec } = await setup();
    // The provision: 東京 教務係's 学籍ファイル (学生番号, 氏名) to the ministry, from November (A17-2(3)).
    const draft = bodyOf<ProvisionView>(
      await c.manager.post(
        '/api/provision/provisions',
        provisionBody(ministry.id, o.tokyoFile, {
          ground: 'public_body',
          recipientPurpose: '高等専門学校の学生に関する調査',
          legalBasis: '文部科学省設置法第4条',
          startsOn: '2026-11-01',
        }),
      ),
      201,
    );
    const pending = bodyOf<ProvisionView>(
      await c.manager.post(`/api/provision/provisions/${draft.id}/submit`, {}),
    );
    await decide(chief, pending.approvalId!);
    const provisionUrl = `/api/provision/provisions/${draft.id}`;
    expect(bodyOf<ProvisionView>(await c.manager.get(provisionUrl)).status).toBe('active');

    // The form offers the recipient with the record items its provision allows.
    const options = bodyOf<ExportOptionsView>(
      await c.staff.get(`/api/handling/exports/options?fileId=${o.tokyoFile}`),
    );
    expect(options.recipients).toEqual([
      {
        partyId: ministry.id,
        partyName: '文部科学省 架空調査室',
        provisionId: draft.id,
        provisionNumber: draft.number,
        items: ['student_number', 'name'],
      },
    ]);
    // Fields beyond the provision's record items do not leave (A18-1).
    expectProblem(
      await c.staff.post('/api/handling/exports', spec({ fields: ['student_number', 'name', 'health'] })),
      409,
      'provision.no_active_provision',
    );

    // The file's rules ask for approval: the 保護管理者 approves, then the holder makes the copy.
    await api.services.handling.rules.update(await o.as('tokyoPrincipal'), o.tokyoFile, {
      rules: {
        ...(await api.services.handling.rules.view(await o.as('tokyoPrincipal'), o.tokyoFile)).rules,
        export: 'protection_manager',
      },
      reason: '外部提供を含むため複製は承認制とする',
    });
    const asked = bodyOf<ExportRequestedView>(
      await c.staff.post('/api/handling/exports/requests', spec()),
      201,
    );
    // The approver reads the recipient in the request (A18).
    const request = bodyOf<ApprovalView>(await c.manager.get(`/api/approvals/${asked.requestId}`));
    expect(request.payload).toMatchObject({ partyId: ministry.id, recipient: '文部科学省 架空調査室' });
    await decide(c.manager, asked.requestId);
    const made = bodyOf<ExportMadeView>(
      await c.staff.post('/api/handling/exports', { requestId: asked.requestId }),
      201,
    );
    expect(made.export).toMatchObject({
      number: asked.number,
      records: 10,
      recipientId: ministry.id,
      recipientName: '文部科学省 架空調査室',
    });
    const view = bodyOf<ExportView>(await c.staff.get(`/api/handling/exports/${made.export.id}`));
    expect(view).toMatchObject({ recipientId: ministry.id, recipientName: '文部科学省 架空調査室' });
    expect(
      bodyOf<ExportView>(await c.manager.get(`/api/handling/exports/${made.export.id}`)).recipientName,
    ).toBe('文部科学省 架空調査室');

    // The act of provision, under the provision: the day, the count, the means, the request number.
    const provided = bodyOf<ProvisionView>(await c.manager.get(provisionUrl));
    expect(provided.acts).toHaveLength(1);
    expect(provided.acts[0]).toMatchObject({
      fileId: o.tokyoFile,
      providedOn: '2026-11-30',
      records: 10,
      means: 'media',
      note: asked.number,
      recordedByName: '清水 大輔',
    });
    const [event] = await audits('handling.export_made');
    expect(event!.payload).toMatchObject({ partyId: ministry.id, provisionId: draft.id });
    expect(await audits('provision.provision_act_recorded')).toHaveLength(1);

    // Closed since: an approved copy request to the party is refused when the copy is made.
    const again = bodyOf<ExportRequestedView>(
      await c.staff.post('/api/handling/exports/requests', spec()),
      201,
    );
    await decide(c.manager, again.requestId);
    bodyOf<ProvisionView>(await c.manager.post(`${provisionUrl}/close`, { reason: '調査の終了（架空）' }));
    expectProblem(
      await c.staff.post('/api/handling/exports', { requestId: again.requestId }),
      409,
      'provision.no_active_provision',
    );
    expect(bodyOf<ProvisionView>(await c.manager.get(provisionUrl)).acts).toHaveLength(1);
  });
});
