import {
  actionDoneInput,
  actionInput,
  assessmentInput,
  evaluationCreateInput,
  type EvaluationSummary,
  type EvaluationView,
} from '../../../../shared/api/oversight.ts';
import { ARTICLE_ITEMS } from '../../../../shared/compliance/articles.ts';
import type { Ctx } from '../../../platform/context.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { auditOf, directory, fiscalYearOf, personOf } from '../common.ts';
import { ownersFor } from './owners.ts';
import { hasIssues, presentSummary } from '../inspections/inspections.present.ts';
import type { OversightDeps } from '../oversight.deps.ts';
import {
  fiscalPeriod,
  presentAction,
  presentEvaluationSummary,
  type ActionRow,
  type EvaluationRow,
} from './evaluations.present.ts';

const S = 'OversightEvaluation';
type StateCode = 'oversight.evaluation_not_draft' | 'oversight.evaluation_not_decided';

/**
 * The yearly evaluation (issue 10; A38): 監査又は点検の結果等を踏まえ … 評価し、必要があると認めるときは、
 * その見直し等の措置を講ずる. One per fiscal year and scope (the organisation's by the 総括管理者, a
 * unit's by its 総括保護管理者); its inputs are the audits reported in the year and the inspections of
 * the year; its decided changes (actions) have owners and due dates. draft → decided.
 */
export function createEvaluations(deps: OversightDeps) {
  const { database, authz, clock } = deps;
  const db = database.db;
  const audit = auditOf(deps);
  const now = () => clock.now().toISOString();
  const subject = (r: EvaluationRow) => ({ type: S, id: r.id, unitId: r.unit_id });
  const obj = (r: { id?: string; unit_id: string | null }) => ({
    ...(r.id ? { id: r.id } : {}),
    unitId: r.unit_id,
  });

  const actionsOf = (exec: Executor, ids: string[]) =>
    ids.length === 0
      ? Promise.resolve([] as ActionRow[])
      : exec
          .selectFrom('oversight_evaluation_actions')
          .selectAll()
          .where('evaluation_id', 'in', ids)
          .orderBy('due_on')
          .orderBy('id')
          .execute();

  /** Readable by scope, or by the owner of one of its actions (who records progress). */
  async function load(ctx: Ctx, id: string, exec: Executor = db) {
    const me = personOf(ctx);
    const row = await exec
      .selectFrom('oversight_evaluations')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new AppError('oversight.not_found');
    const actions = await actionsOf(exec, [id]);
    if (!authz.can(ctx, 'read', S, obj(row)) && !actions.some((a) => a.owner_id === me))
      throw new AppError('oversight.not_found');
    return { row, actions, me };
  }

  async function get(ctx: Ctx, id: string): Promise<EvaluationView> {
    const { row, actions, me } = await load(ctx, id);
    const today = clock.today();
    const names = await deps.names();
    const keep = authz.can(ctx, 'keep', S, obj(row));
    const { from, to } = fiscalPeriod(row.fiscal_year);
    let q = db
      .selectFrom('oversight_inspections')
      .selectAll()
      .where('status', 'in', ['completed', 'reported'])
      .where('inspected_on', '>=', from)
      .where('inspected_on', '<=', to);
    if (row.unit_id) q = q.where('unit_id', '=', row.unit_id);
    const inspections = await q.orderBy('inspected_on').orderBy('number').execute();
    const people = directory(deps);
    const decided = row.status === 'decided';
    return {
      ...presentEvaluationSummary(row, actions, names.units, today),
      from,
      to,
      assessment: row.assessment,
      decidedBy: await people(row.decided_by),
      // A unit's evaluation takes the audits whose scope includes the unit (A38).
      audits: (await deps.audits(from, to)).filter(
        (a) => !row.unit_id || a.unitIds === null || a.unitIds.includes(row.unit_id),
      ),
      inspections: inspections.map((i) => ({
        ...presentSummary(i, names),
        hasIssues: hasIssues(i),
        issues: i.issues,
        actions: i.actions,
      })),
      actionList: await Promise.all(
        actions.map((a) =>
          presentAction(a, people, today, decided && a.status === 'open' && (keep || a.owner_id === me)),
        ),
      ),
      can: { edit: keep && !decided, decide: keep && !decided },
    };
  }

  async function list(ctx: Ctx) {
    const me = personOf(ctx);
    const rows = await db
      .selectFrom('oversight_evaluations')
      .selectAll()
      .orderBy('fiscal_year', 'desc')
      .execute();
    const actions = await actionsOf(
      db,
      rows.map((r) => r.id),
    );
    const names = await deps.names();
    const today = clock.today();
    const evaluations: EvaluationSummary[] = rows
      .filter(
        (r) =>
          authz.can(ctx, 'read', S, obj(r)) ||
          actions.some((a) => a.evaluation_id === r.id && a.owner_id === me),
      )
      .map((r) =>
        presentEvaluationSummary(
          r,
          actions.filter((a) => a.evaluation_id === r.id),
          names.units,
          today,
        ),
      );
    const structure = await deps.structure();
    return {
      evaluations,
      canCreate: {
        organisation: authz.can(ctx, 'keep', S, { unitId: null }),
        unitIds: structure.units.filter((u) => authz.can(ctx, 'keep', S, { unitId: u.id })).map((u) => u.id),
      },
    };
  }

  async function create(ctx: Ctx, raw: unknown): Promise<EvaluationView> {
    const me = personOf(ctx);
    const input = evaluationCreateInput.parse(raw);
    if (input.unitId && !(await deps.structure()).units.some((u) => u.id === input.unitId))
      throw new AppError('oversight.unit_invalid');
    const o = { unitId: input.unitId };
    if (!authz.can(ctx, 'read', S, o)) throw new AppError('oversight.not_found');
    await authz.assertCan(ctx, 'keep', S, o);
    if (input.fiscalYear > fiscalYearOf(clock.today())) throw new AppError('oversight.fiscal_year_invalid');
    const scopeKey = input.unitId ?? 'org';
    const id = newId();
    await database.transaction(async (tx) => {
      const exists = await tx
        .selectFrom('oversight_evaluations')
        .select('id')
        .where('fiscal_year', '=', input.fiscalYear)
        .where('scope_key', '=', scopeKey)
        .executeTakeFirst();
      if (exists) throw new AppError('oversight.evaluation_exists');
      const at = now();
      const row: EvaluationRow = {
        id,
        fiscal_year: input.fiscalYear,
        unit_id: input.unitId,
        scope_key: scopeKey,
        assessment: null,
        status: 'draft',
        created_by: me,
        created_at: at,
        decided_at: null,
        decided_by: null,
        updated_at: at,
      };
      await tx.insertInto('oversight_evaluations').values(row).execute();
      await audit(tx, ctx, 'oversight.evaluation_created', subject(row), { fiscalYear: input.fiscalYear });
    });
    return get(ctx, id);
  }

  /** A change by the keeper of the evaluation in a state, with its audit event. */
  async function change(
    ctx: Ctx,
    id: string,
    state: { status: string; code: StateCode },
    write: (tx: Executor, row: EvaluationRow, actions: ActionRow[], at: string, me: string) => Promise<void>,
    action = 'keep',
  ) {
    const { row } = await load(ctx, id);
    if (action === 'keep') await authz.assertCan(ctx, 'keep', S, obj(row));
    await database.transaction(async (tx) => {
      const l = await load(ctx, id, tx);
      if (l.row.status !== state.status) throw new AppError(state.code);
      await write(tx, l.row, l.actions, now(), l.me);
    });
    return get(ctx, id);
  }
  const draft = { status: 'draft', code: 'oversight.evaluation_not_draft' as const };

  const assess = (ctx: Ctx, id: string, raw: unknown) =>
    change(ctx, id, draft, async (tx, row, _a, at) => {
      const input = assessmentInput.parse(raw);
      await tx
        .updateTable('oversight_evaluations')
        .set({ assessment: input.assessment, updated_at: at })
        .where('id', '=', id)
        .execute();
      await audit(tx, ctx, 'oversight.evaluation_assessed', subject(row));
    });

  async function addAction(ctx: Ctx, id: string, raw: unknown) {
    const { row } = await load(ctx, id);
    await authz.assertCan(ctx, 'keep', S, obj(row));
    const input = actionInput.parse(raw);
    if (!ARTICLE_ITEMS.some((i) => i.id === input.featureId)) throw new AppError('oversight.feature_invalid');
    if (!(await deps.roster()).some((p) => p.id === input.ownerId))
      throw new AppError('oversight.owner_invalid');
    return change(ctx, id, draft, async (tx, row, _a, at) => {
      const actionId = newId();
      await tx
        .insertInto('oversight_evaluation_actions')
        .values({
          id: actionId,
          evaluation_id: id,
          description: input.description,
          feature_id: input.featureId,
          owner_id: input.ownerId,
          due_on: input.due,
          status: 'open',
          note: null,
          done_at: null,
          done_by: null,
          created_at: at,
        })
        .execute();
      await audit(tx, ctx, 'oversight.evaluation_action_added', subject(row), {
        actionId,
        featureId: input.featureId,
      });
    });
  }

  const removeAction = (ctx: Ctx, id: string, actionId: string) =>
    change(ctx, id, draft, async (tx, row, actions) => {
      if (!actions.some((a) => a.id === actionId)) throw new AppError('oversight.not_found');
      await tx.deleteFrom('oversight_evaluation_actions').where('id', '=', actionId).execute();
      await audit(tx, ctx, 'oversight.evaluation_action_removed', subject(row), { actionId });
    });

  /** Decides: the assessment is written; the owners of the actions are told (evaluation.action_assigned). */
  async function decide(ctx: Ctx, id: string) {
    const out = await change(ctx, id, draft, async (tx, row, actions, at, me) => {
      if (!row.assessment) throw new AppError('oversight.evaluation_incomplete');
      await tx
        .updateTable('oversight_evaluations')
        .set({ status: 'decided', decided_at: at, decided_by: me, updated_at: at })
        .where('id', '=', id)
        .execute();
      await deps.notifications.notify(
        tx,
        actions.map((a) => a.owner_id),
        'evaluation.action_assigned',
        { data: { number: `${row.fiscal_year}`, path: `/oversight/evaluations/${id}` } },
      );
      await audit(tx, ctx, 'oversight.evaluation_decided', subject(row), { actions: actions.length });
    });
    deps.notifications.flushSoon();
    return out;
  }

  /** An action done, with a note: its owner or the evaluation's keeper, once decided. */
  async function actionDone(ctx: Ctx, id: string, actionId: string, raw: unknown) {
    const input = actionDoneInput.parse(raw);
    // Checked before the transaction (a denial is audited on its own connection).
    const l = await load(ctx, id);
    const mine = l.actions.find((x) => x.id === actionId);
    if (!mine) throw new AppError('oversight.not_found');
    if (mine.owner_id !== l.me) await authz.assertCan(ctx, 'keep', S, obj(l.row));
    return change(
      ctx,
      id,
      { status: 'decided', code: 'oversight.evaluation_not_decided' },
      async (tx, row, actions, at, me) => {
        const a = actions.find((x) => x.id === actionId);
        if (!a) throw new AppError('oversight.not_found');
        if (a.status === 'done') throw new AppError('oversight.action_done');
        await tx
          .updateTable('oversight_evaluation_actions')
          .set({ status: 'done', note: input.note, done_at: at, done_by: me })
          .where('id', '=', actionId)
          .execute();
        await audit(tx, ctx, 'oversight.evaluation_action_done', subject(row), { actionId });
      },
      'progress',
    );
  }

  const owners = (ctx: Ctx) => ownersFor(deps, ctx);

  return { list, get, create, assess, addAction, removeAction, decide, actionDone, owners };
}
export type Evaluations = ReturnType<typeof createEvaluations>;
