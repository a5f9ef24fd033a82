import type { ApprovalKind } from '../../../../shared/api/approvals.ts';
import { rulesInput, type RulesView } from '../../../../shared/api/handling-rules.ts';
import { actorPersonId, type Ctx } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import type { VaultFacts } from '../../register/register.service.ts';
import type { HandlingDeps } from '../handling.deps.ts';
import { defaults, minimums, raise, type Requirement, type Rules } from './acts.ts';

const fileScope = (fileId: string) => `file:${fileId}`;

/**
 * The rules of which acts need approval, per file (issue 7; A12 「その内容に応じて」): the defaults of
 * its sensitivity and importance, or the 総括保護管理者's setting for it, never below the minimums.
 */
export function createHandlingRules(deps: HandlingDeps) {
  const { database, ledger, authz, clock } = deps;
  const db = database.db;

  async function factsOr404(fileId: string): Promise<VaultFacts> {
    const facts = await deps.fileFacts(fileId);
    if (!facts) throw new AppError('handling.file_not_found');
    return facts;
  }

  async function stored(fileId: string) {
    return db
      .selectFrom('handling_rules')
      .selectAll()
      .where('scope', '=', fileScope(fileId))
      .executeTakeFirst();
  }

  async function rulesOf(
    facts: VaultFacts,
  ): Promise<{ rules: Rules; row: Awaited<ReturnType<typeof stored>> }> {
    const row = await stored(facts.fileId);
    const base = defaults(facts.sensitivity, facts.importance, facts.myNumber);
    const rules = row ? raise(JSON.parse(row.rules) as Rules, minimums(facts.myNumber)) : base;
    return { rules, row };
  }

  /** What an act on a file needs now. */
  async function requirement(fileId: string, act: ApprovalKind): Promise<Requirement> {
    return (await rulesOf(await factsOr404(fileId))).rules[act];
  }

  const subject = (f: VaultFacts) => ({ unitId: f.unitId, sectionId: f.sectionId });

  async function view(ctx: Ctx, fileId: string): Promise<RulesView> {
    const facts = await factsOr404(fileId);
    await authz.assertCan(ctx, 'read', 'HandlingRules', subject(facts));
    const { rules, row } = await rulesOf(facts);
    return {
      fileId,
      fileName: facts.name,
      sensitivity: facts.sensitivity,
      importance: facts.importance,
      myNumber: facts.myNumber,
      rules,
      defaults: defaults(facts.sensitivity, facts.importance, facts.myNumber),
      minimums: minimums(facts.myNumber),
      overridden: row !== undefined,
      updatedAt: row?.updated_at ?? null,
      canEdit: authz.can(ctx, 'manage', 'HandlingRules', subject(facts)),
    };
  }

  /** The 総括保護管理者 sets a file's rules (A12, A5); a rule below its minimum is refused. */
  async function update(ctx: Ctx, fileId: string, raw: unknown): Promise<RulesView> {
    const input = rulesInput.parse(raw);
    const facts = await factsOr404(fileId);
    await authz.assertCan(ctx, 'manage', 'HandlingRules', subject(facts));
    const floor = minimums(facts.myNumber);
    const asked = input.rules;
    if (JSON.stringify(raise(asked, floor)) !== JSON.stringify(asked))
      throw new AppError('handling.rule_below_minimum');
    const before = (await rulesOf(facts)).rules;
    await database.transaction(async (tx) => {
      const row = {
        scope: fileScope(fileId),
        rules: JSON.stringify(asked),
        updated_at: clock.now().toISOString(),
        updated_by: actorPersonId(ctx),
      };
      await tx.deleteFrom('handling_rules').where('scope', '=', row.scope).execute();
      await tx.insertInto('handling_rules').values(row).execute();
      await ledger.audit(tx, ctx, {
        type: 'handling.rules_set',
        subjectType: 'RegisterFile',
        subjectId: fileId,
        unitId: facts.unitId,
        sectionId: facts.sectionId,
        before,
        after: asked,
        reason: input.reason,
      });
    });
    return view(ctx, fileId);
  }

  return { requirement, view, update, factsOr404 };
}

export type HandlingRules = ReturnType<typeof createHandlingRules>;
