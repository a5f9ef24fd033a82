import { guidanceInput, type GuidanceView } from '../../../../shared/api/oversight.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { OversightGuidanceTable } from '../../../platform/db/schema-oversight.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { auditOf, directory, personOf } from '../common.ts';
import type { Documents } from '../documents.ts';
import type { OversightDeps } from '../oversight.deps.ts';

const S = 'OversightGuidance';

/**
 * Guidance from ministries (issue 10; A39: 理事長は … 関係省庁と緊密に連携して): what 文部科学省, the
 * 個人情報保護委員会 and others asked or advised, and the response taken. The 総括管理者 (or the
 * 理事長) records; the top roles and 総括保護管理者 read.
 */
export function createGuidance(deps: OversightDeps, documents: Documents) {
  const { database, authz, clock } = deps;
  const db = database.db;
  const audit = auditOf(deps);
  const subject = (id: string) => ({ type: S, id });

  async function load(ctx: Ctx, id: string) {
    personOf(ctx);
    const row = await db.selectFrom('oversight_guidance').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || !authz.can(ctx, 'read', S)) throw new AppError('oversight.not_found');
    return row;
  }

  async function present(ctx: Ctx, rows: OversightGuidanceTable[]): Promise<GuidanceView[]> {
    const docs = await documents.latest(
      'guidance',
      rows.map((r) => r.id),
    );
    const people = directory(deps);
    const canEdit = authz.can(ctx, 'record', S);
    return Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        receivedOn: r.received_on,
        ministry: r.ministry,
        subject: r.subject,
        summary: r.summary,
        response: r.response,
        document: documents.ref(docs.get(r.id), `/api/oversight/guidance/${r.id}/document`),
        recordedBy: await people(r.recorded_by),
        createdAt: r.created_at,
        canEdit,
      })),
    );
  }

  const get = async (ctx: Ctx, id: string) => (await present(ctx, [await load(ctx, id)]))[0]!;

  async function list(ctx: Ctx) {
    personOf(ctx);
    if (!authz.can(ctx, 'read', S)) await authz.assertCan(ctx, 'read', S);
    const rows = await db
      .selectFrom('oversight_guidance')
      .selectAll()
      .orderBy('received_on', 'desc')
      .orderBy('id')
      .execute();
    return { guidance: await present(ctx, rows), canEdit: authz.can(ctx, 'record', S) };
  }

  function fields(raw: unknown) {
    const input = guidanceInput.parse(raw);
    if (input.receivedOn > clock.today()) throw new AppError('oversight.date_in_future');
    return {
      received_on: input.receivedOn,
      ministry: input.ministry,
      subject: input.subject,
      summary: input.summary,
      response: input.response,
    };
  }

  async function create(ctx: Ctx, raw: unknown) {
    const me = personOf(ctx);
    await authz.assertCan(ctx, 'record', S);
    const values = fields(raw);
    const id = newId();
    await database.transaction(async (tx) => {
      const at = clock.now().toISOString();
      await tx
        .insertInto('oversight_guidance')
        .values({ id, ...values, recorded_by: me, created_at: at, updated_at: at })
        .execute();
      await audit(tx, ctx, 'oversight.guidance_recorded', subject(id));
    });
    return get(ctx, id);
  }

  async function update(ctx: Ctx, id: string, raw: unknown) {
    await load(ctx, id);
    await authz.assertCan(ctx, 'record', S, { id });
    const values = fields(raw);
    await database.transaction(async (tx) => {
      await tx
        .updateTable('oversight_guidance')
        .set({ ...values, updated_at: clock.now().toISOString() })
        .where('id', '=', id)
        .execute();
      await audit(tx, ctx, 'oversight.guidance_updated', subject(id));
    });
    return get(ctx, id);
  }

  async function upload(ctx: Ctx, id: string, file: { bytes: Uint8Array; fileName: string }) {
    await load(ctx, id);
    await authz.assertCan(ctx, 'record', S, { id });
    await documents.uploadAudited(ctx, { kind: 'guidance', id }, file, subject(id));
    return get(ctx, id);
  }

  async function readDocument(ctx: Ctx, id: string) {
    await load(ctx, id);
    return documents.readAudited(ctx, { kind: 'guidance', id }, subject(id));
  }

  return { list, get, create, update, upload, readDocument };
}
export type Guidance = ReturnType<typeof createGuidance>;
