/**
 * The vault import over HTTP (issue 6): a multipart dry run that writes nothing, the import of the
 * file previewed (202 and its id, all rows or none), its progress for the person who started it
 * and no one else, and refusals as problem+json without personal data.
 */
import { describe, expect, it, onTestFinished } from 'vitest';
import type { VaultImportPreviewView, VaultImportProgressView } from '../../shared/api/vault-import.ts';
import { createHttpApp } from '../../server/app.ts';
import { csvText } from '../../server/platform/tabular/index.ts';
import { databases, type DatabaseKind } from '../support/databases.ts';
import type { PersonKey } from '../support/org-fixture.ts';
import { testServices } from '../support/test-services.ts';
import { buildVaultOrg, students } from '../support/vault-fixture.ts';
import { expectProblem } from './support/expect-problem.ts';
import { multipart, sessionClient, type HttpClient } from './support/http-client.ts';

// Every student here is fictional.
const HEADER = ['学生番号', '氏名', 'フリガナ', '生年月日', '学科・学年・クラス', '電話番号', '健康上の配慮'];
const csv = (list: ReturnType<typeof students>) =>
  csvText({
    header: HEADER,
    rows: list.map((s) => [s.student_number, s.name, s.kana, s.birth_date, s.class, s.phone, s.health]),
  });

async function setUp(kind: DatabaseKind) {
  const services = await testServices(kind);
  const v = await buildVaultOrg(services);
  await v.grant(v.tokyoFile, 'tokyoKyomuStaff1');
  await v.grant(v.tokyoFile, 'tokyoKyomuStaff2');
  const app = await createHttpApp(services, { ready: true });
  onTestFinished(() => app.close());
  const as = (person: PersonKey) => sessionClient(app, services, v.people[person]);
  return { services, v, as };
}

function upload(client: HttpClient, url: string, content: string, fields: Record<string, string>) {
  const { payload, headers } = multipart({ filename: 'students.csv', content }, fields);
  return client.post(url, undefined, { payload, headers });
}

/** Polls the import's progress until it has finished. */
async function finished(client: HttpClient, importId: string): Promise<VaultImportProgressView> {
  for (let i = 0; i < 200; i++) {
    const res = await client.get(`/api/vault/imports/${importId}`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json<VaultImportProgressView>();
    if (p.status !== 'running') return p;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the import did not finish');
}

describe.each(databases)('the vault import over HTTP on %s', (kind) => {
  it('previews, refuses a bad file with its rows, then imports the fixed one and shows its progress', async () => {
    const { services, v, as } = await setUp(kind);
    const staff = await as('tokyoKyomuStaff1');
    const base = `/api/vault/files/${v.tokyoFile}/import`;
    const list = students('H27', 20);
    const bad = list.map((s, i) => (i === 4 ? { ...s, phone: '09-99' } : s));

    const res = await upload(staff, `${base}/preview`, csv(bad), { purpose: 'enrolment' });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json<VaultImportPreviewView>();
    expect(preview).toMatchObject({ total: 20, invalid: 1, format: 'utf-8', headings: HEADER });
    expect(preview.rows).toEqual([{ line: 6, errors: [{ field: 'phone', code: 'invalid_phone' }] }]);

    const refused = await upload(staff, base, csv(bad), {
      purpose: 'enrolment',
      mapping: JSON.stringify(preview.mapping),
      digest: preview.digest,
    });
    const problem = expectProblem(refused, 422, 'vault.import_rows_invalid');
    expect(problem.errors).toEqual([{ row: 6, path: 'phone', code: 'invalid_phone' }]);
    expect(refused.body).not.toContain('09-99');
    expect(refused.body).not.toContain(bad[4]!.name);

    const good = await upload(staff, `${base}/preview`, csv(list), {
      purpose: 'enrolment',
      mapping: JSON.stringify(preview.mapping),
    });
    const ok = good.json<VaultImportPreviewView>();
    expect(ok).toMatchObject({ total: 20, valid: 20, invalid: 0 });
    const started = await upload(staff, base, csv(list), {
      purpose: 'enrolment',
      mapping: JSON.stringify(ok.mapping),
      digest: ok.digest,
    });
    expect(started.statusCode, started.body).toBe(202);
    const { importId } = started.json<{ importId: string }>();
    expect(await finished(staff, importId)).toMatchObject({
      status: 'done',
      total: 20,
      done: 20,
      imported: 20,
      pending: false,
      error: null,
    });
    // Only the person who started it sees it.
    const other = await as('tokyoKyomuStaff2');
    expectProblem(await other.get(`/api/vault/imports/${importId}`), 404, 'vault.import_not_found');
    const found = await staff.post(`/api/vault/files/${v.tokyoFile}/records/search`, {
      purpose: 'enrolment',
      field: 'student_number',
      value: 'H270020',
    });
    expect(found.json<{ records: unknown[] }>().records).toHaveLength(1);
    const rows = await services.database.db.selectFrom('vault_records').select('id').execute();
    expect(rows).toHaveLength(20);
  });

  it('refuses a mapping that is not JSON, a stale digest, and a person without a grant', async () => {
    const { v, as } = await setUp(kind);
    const staff = await as('tokyoKyomuStaff1');
    const base = `/api/vault/files/${v.tokyoFile}/import`;
    const content = csv(students('H27', 2));
    expectProblem(
      await upload(staff, `${base}/preview`, content, { purpose: 'enrolment', mapping: '{' }),
      400,
      'request.invalid',
    );
    expectProblem(
      await upload(staff, base, content, { purpose: 'enrolment', digest: 'f'.repeat(64) }),
      409,
      'vault.import_stale',
    );
    const stranger = await as('tokyoToshoHead');
    expectProblem(
      await upload(stranger, `${base}/preview`, content, { purpose: 'enrolment' }),
      403,
      'vault.no_grant',
    );
  });
});
