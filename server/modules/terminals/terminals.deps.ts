import type { Authz } from '../../platform/authz/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Database } from '../../platform/db/index.ts';
import type { Keys } from '../../platform/keys.ts';
import type { Ledger } from '../../platform/ledger/index.ts';
import { areaSubject } from './terminals.policy.ts';
import type { AreaRow } from './terminals.repo.ts';

/**
 * What the terminal services need. As everywhere: authorisation (which may write a denial to the
 * ledger) runs before a transaction opens, never inside it.
 */
export interface TerminalsDeps {
  database: Database;
  ledger: Ledger;
  authz: Authz;
  clock: Clock;
  keys: Keys;
}

/** Whether the caller manages the area (see terminals.policy.ts). */
export const manages = (authz: Authz, ctx: Ctx, area: Pick<AreaRow, 'id' | 'unit_id' | 'section_id'>) =>
  authz.can(ctx, 'approve', 'TerminalArea', areaSubject(area));

/**
 * Whether the caller may see the area at all: its managers, and the people of its unit (who may ask to
 * register a terminal there). Anything else answers 404, never 403.
 */
export const sees = (authz: Authz, ctx: Ctx, area: Pick<AreaRow, 'id' | 'unit_id' | 'section_id'>) =>
  (ctx.actor.kind === 'person' && ctx.actor.unitId === area.unit_id) || manages(authz, ctx, area);
