import {
  localRuleInput,
  localRuleListQuery,
  localRuleUpdate,
  type LocalRuleView,
} from '../../../../shared/api/oversight.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { OversightLocalRuleTable } from '../../../platform/db/schema-oversight.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { auditOf, personOf } from '../common.ts';
import type { Documents } from '../documents.ts';
import type { OversightDeps } from '../oversight.deps.ts';

const S = 'OversightLocalRule';
type Row = OversightLocalRuleTable;

/**
 * Supplementary rules (issue 10; A40): the organisation's (A40-1, 別に定める; kept by the 総括管理者)
 * and each unit's (A40-2, 総括保護管理者が定める; kept by that unit's 総括保護管理者), with their
 * document. Everyone reads the organisation's and their own unit's.
 */
export function createLocalRules(deps: OversightDeps, documents: Documents) {
  const { database, authz, clock } = deps;
  const db = database.db;
  const audit = auditOf(deps);
  const subject = (r: { id: string; unit_id: string | null }) => ({ type: S, id: r.id, unitId: r.unit_id });
  const obj = (r: { id?: string; unit_id: string | null }) => ({
    ...(r.id ? { id: r.id } : {}),
    unitId: r.unit_id,
  });

  async function load(ctx: Ctx, id: string): Promise<Row> {
    personOf(ctx);
    const row = await db
      .selectFrom('oversight_local_rules')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || !authz.can(ctx, 'read', S, obj(row))) throw new AppError('oversight.not_found');
    return row;
  }

  async function present(ctx: Ctx, rows: Row[]): Promise<LocalRuleView[]> {
    const docs = await documents.latest(
      'local_rule',
      rows.map((r) => r.id),
    );
    const names = await deps.names();
    return rows.map((r) => ({
      id: r.id,
      unitId: r.unit_id,
      unitName: r.unit_id ? (names.units.get(r.unit_id) ?? null) : null,
      article: r.unit_id ? 'A40-2' : 'A40-1',
      title: r.title,
      number: r.number,
      effectiveOn: r.effective_on,
      superseded: r.superseded === 1,
      document: documents.ref(docs.get(r.id), `/api/oversight/local-rules/${r.id}/document`),
      createdAt: r.created_at,
      canEdit: authz.can(ctx, 'keep', S, obj(r)),
    }));
  }

  const get = async (ctx: Ctx, id: string) => (await present(ctx, [await load(ctx, id)]))[0]!;

  async function list(ctx: Ctx, raw: unknown = {}) {
    personOf(ctx);
    const q = localRuleListQuery.parse(raw ?? {});
    let query = db.selectFrom('oversight_local_rules').selectAll();
    if (q.unitId === 'organisation') query = query.where('unit_id', 'is', null);
    else if (q.unitId) query = query.where('unit_id', '=', q.unitId);
    if (q.superseded === 'exclude') query = query.where('superseded', '=', 0);
    const rows = (await query.orderBy('effective_on', 'desc').orderBy('id').execute()).filter((r) =>
      authz.can(ctx, 'read', S, obj(r)),
    );
    const structure = await deps.structure();
    return {
      rules: await present(ctx, rows),
      canEdit: {
        organisation: authz.can(ctx, 'keep', S, { unitId: null }),
        unitIds: structure.units.filter((u) => authz.can(ctx, 'keep', S, { unitId: u.id })).map((u) => u.id),
      },
    };
  }

  async function create(ctx: Ctx, raw: unknown) {
    const me = personOf(ctx);
    const input = localRuleInput.parse(raw);
    if (input.unitId && !(await deps.structure()).units.some((u) => u.id === input.unitId))
      throw new AppError('oversight.unit_invalid');
    const o = { unitId: input.unitId };
    if (!authz.can(ctx, 'read', S, o)) throw new AppError('oversight.not_found');
    await authz.assertCan(ctx, 'keep', S, o);
    const id = newId();
    await database.transaction(async (tx) => {
      const at = clock.now().toISOString();
      await tx
        .insertInto('oversight_local_rules')
        .values({
          id,
          unit_id: input.unitId,
          title: input.title,
          number: input.number,
          effective_on: input.effectiveOn,
          superseded: 0,
          created_by: me,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await audit(tx, ctx, 'oversight.local_rule_added', subject({ id, unit_id: input.unitId }));
    });
    return get(ctx, id);
  }

  async function update(ctx: Ctx, id: string, raw: unknown) {
    const row = await load(ctx, id);
    await authz.assertCan(ctx, 'keep', S, obj(row));
    const input = localRuleUpdate.parse(raw);
    await database.transaction(async (tx) => {
      await tx
        .updateTable('oversight_local_rules')
        .set({
          title: input.title,
          number: input.number,
          effective_on: input.effectiveOn,
          superseded: input.superseded ? 1 : 0,
          updated_at: clock.now().toISOString(),
        })
        .where('id', '=', id)
        .execute();
      await audit(tx, ctx, 'oversight.local_rule_updated', subject(row), { superseded: input.superseded });
    });
    return get(ctx, id);
  }

  async function upload(ctx: Ctx, id: string, file: { bytes: Uint8Array; fileName: string }) {
    const row = await load(ctx, id);
    await authz.assertCan(ctx, 'keep', S, obj(row));
    await documents.uploadAudited(ctx, { kind: 'local_rule', id }, file, subject(row));
    return get(ctx, id);
  }

  async function readDocument(ctx: Ctx, id: string) {
    const row = await load(ctx, id);
    return documents.readAudited(ctx, { kind: 'local_rule', id }, subject(row));
  }

  return { list, get, create, update, upload, readDocument };
}
export type LocalRules = ReturnType<typeof createLocalRules>;
