/**
 * Disposal over HTTP (issue 7, A15) as the browser meets it: a request, the decision, the act with
 * the witness confirmed, the list, and the certificate as a PDF download that is not cached and is
 * byte for byte the one issued; refusals as problems in Japanese with stable codes. SQLite and
 * PostgreSQL.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ApprovalView } from '../../shared/api/approvals.ts';
import type { DisposalFileFacts, DisposalView } from '../../shared/api/handling-disposal.ts';
import { ERRORS } from '../../shared/errors.ts';
import { databases } from '../support/databases.ts';
import { buildHandlingOrg } from '../support/handling-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';
import { apiHarness, sessionClient } from './support/http-client.ts';

describe.each(databases)('disposal over HTTP on %s (A15)', (kind) => {
  it('requests, carries out with a witness, lists, and serves the certificate as issued', async () => {
    const api = await apiHarness(kind, { org: false });
    const o = await buildHandlingOrg(api.services);
    const staff = await sessionClient(api.app, api.services, o.people.tokyoKyomuStaff1);
    const manager = await sessionClient(api.app, api.services, o.people.tokyoKyomuHead);
    const librarian = await sessionClient(api.app, api.services, o.people.tokyoToshoHead);

    const facts = await staff.request('GET', `/api/handling/disposals/files/${o.tokyoFile}`);
    expect(facts.statusCode).toBe(200);
    expect(facts.json<DisposalFileFacts>()).toMatchObject({
      fileName: '学籍ファイル',
      records: 10,
      held: 0,
      levels: { dispose_records: 'protection_manager', dispose_file: 'chief_protection_manager' },
    });
    expectProblem(
      await librarian.request('GET', `/api/handling/disposals/files/${o.tokyoFile}`),
      403,
      'auth.forbidden',
    );

    const body = {
      kind: 'dispose_records',
      fileId: o.tokyoFile,
      purpose: 'enrolment',
      recordIds: o.records.slice(0, 3),
      witnessId: o.people.tokyoKyomuStaff2,
      plannedOn: '2026-12-01',
      reason: '保存期間を満了した記録の廃棄',
    };
    const bad = expectProblem(
      await staff.request('POST', '/api/handling/disposals/requests', {
        ...body,
        witnessId: o.people.tokyoKyomuStaff1,
      }),
      400,
      'handling.disposal_witness_invalid',
    );
    expect(bad.detail).toBe(ERRORS['handling.disposal_witness_invalid'].ja);
    expectProblem(
      await staff.request('POST', '/api/handling/disposals/requests', { ...body, method: 'shredding' }),
      400,
      'request.invalid',
    );
    const submitted = await staff.request('POST', '/api/handling/disposals/requests', body);
    expect(submitted.statusCode).toBe(201);
    const req = submitted.json<ApprovalView>();
    expect(req).toMatchObject({ kind: 'dispose_records', status: 'submitted', number: 'R2026-000001' });

    expectProblem(
      await staff.request('POST', '/api/handling/disposals', { witnessPresent: true }),
      403,
      'approval.required',
    );
    expectProblem(
      await staff.request('POST', '/api/handling/disposals', { requestId: req.id, witnessPresent: true }),
      409,
      'approval.not_approved',
    );
    const decided = await manager.request('POST', `/api/approvals/${req.id}/decision`, {
      decision: 'approve',
      comment: '',
      revision: 1,
    });
    expect(decided.statusCode).toBe(200);
    const ready = await staff.request('GET', '/api/handling/disposals/ready');
    expect(ready.json<{ requests: ApprovalView[] }>().requests.map((r) => r.id)).toEqual([req.id]);
    expectProblem(
      await staff.request('POST', '/api/handling/disposals', { requestId: req.id, witnessPresent: false }),
      400,
      'request.invalid',
    );
    const done = await staff.request('POST', '/api/handling/disposals', {
      requestId: req.id,
      witnessPresent: true,
    });
    expect(done.statusCode).toBe(201);
    const disposal = done.json<DisposalView>();
    expect(disposal).toMatchObject({
      number: 'D2026-000001',
      records: 3,
      requestNumber: 'R2026-000001',
      executedByName: '清水 大輔',
      approvedByName: '佐藤 花子',
      witnessName: '鈴木 美咲',
    });

    const list = await manager.request('GET', `/api/handling/disposals?fileId=${o.tokyoFile}`);
    expect(list.json<{ disposals: DisposalView[] }>().disposals.map((x) => x.id)).toEqual([disposal.id]);
    expect(
      (await librarian.request('GET', '/api/handling/disposals')).json<{ disposals: unknown[] }>().disposals,
    ).toEqual([]);
    expectProblem(
      await librarian.request('GET', `/api/handling/disposals/${disposal.id}`),
      404,
      'handling.disposal_not_found',
    );

    const pdf = await manager.request('GET', `/api/handling/disposals/${disposal.id}/certificate`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toBe('no-store');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="D2026-000001.pdf"');
    expect(pdf.headers['x-certificate-original']).toBe('true');
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(disposal.certificateSha256);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // The erased records answer 410 in the vault; the others are still served.
    expectProblem(
      await staff.request('GET', `/api/vault/files/${o.tokyoFile}/records/${o.records[0]}?purpose=enrolment`),
      410,
      'vault.record_erased',
    );
    expect(
      (
        await staff.request(
          'GET',
          `/api/vault/files/${o.tokyoFile}/records/${o.records[5]}?purpose=enrolment`,
        )
      ).statusCode,
    ).toBe(200);
  });
});
