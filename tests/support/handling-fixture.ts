/**
 * The organisation of vault-fixture.ts with what the acts of issue 7 need: the 教務係's staff
 * granted on 東京's 学籍ファイル (清水 with every permission, 鈴木 read only), a class of ten fictional
 * students, and helpers to decide requests as their managers.
 */
import type { Services } from '../../server/app.ts';
import type { Ctx } from '../../server/platform/context.ts';
import type { PersonKey } from './org-fixture.ts';
import { buildVaultOrg, students } from './vault-fixture.ts';

export type HandlingOrg = Awaited<ReturnType<typeof buildHandlingOrg>>;

export async function buildHandlingOrg(services: Services, opts: { important?: boolean } = {}) {
  const v = await buildVaultOrg(services, opts);
  await v.grant(v.tokyoFile, 'tokyoKyomuStaff1', {
    permissions: ['read', 'reveal', 'create', 'update', 'export', 'transmit', 'take_out', 'dispose'],
  });
  await v.grant(v.tokyoFile, 'tokyoKyomuStaff2', { permissions: ['read'] });
  const records: string[] = [];
  for (const s of students('T26')) records.push(await v.student(v.tokyoFile, s));
  const { approvals } = services.approvals;

  /** `by` decides request `id` (its current revision). */
  async function decide(by: PersonKey, id: string, decision: 'approve' | 'deny' | 'send_back', comment = '') {
    const ctx = await v.as(by);
    const current = await approvals.get(ctx, id);
    return approvals.decide(ctx, id, { decision, comment, revision: current.revision });
  }

  /** The section's 保護管理者 (佐藤) approves; the unit's 総括保護管理者 (東京の校長) where the level says so. */
  async function approve(id: string) {
    const row = await approvals.row(id);
    return decide(
      row!.level === 'chief_protection_manager' ? 'tokyoPrincipal' : 'tokyoKyomuHead',
      id,
      'approve',
    );
  }

  const staff: Promise<Ctx> = v.as('tokyoKyomuStaff1');
  return { ...v, records, decide, approve, staff: await staff };
}
