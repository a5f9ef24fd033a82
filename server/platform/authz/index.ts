import { AbilityBuilder, createMongoAbility, subject as asSubject, type MongoAbility } from '@casl/ability';
import type { Grant } from '../../../shared/actor.ts';
import type { Ctx, Actor } from '../context.ts';
import type { Database } from '../db/index.ts';
import type { Ledger } from '../ledger/index.ts';
import { AppError } from '../errors.ts';

export type AppAbility = MongoAbility;
export type PolicyBuilder = AbilityBuilder<AppAbility>;
/** A module's contribution to who may do what, derived from the actor's current appointments. */
export type Policy = (actor: Extract<Actor, { kind: 'person' }>, builder: PolicyBuilder) => void;

/** Where per-resource grants come from (a module's table of grants): those of a person in force now. */
export type GrantSource = (personId: string) => Promise<Grant[]>;

export interface Authz {
  /** What the actor may do (cached per actor object). */
  ability(ctx: Ctx): AppAbility;
  can(ctx: Ctx, action: string, subjectType: string, object?: Record<string, unknown>): boolean;
  /** Throws auth.forbidden (audited) unless the actor may do action on the object. */
  assertCan(ctx: Ctx, action: string, subjectType: string, object?: Record<string, unknown>): Promise<void>;
  /** Adds a source of per-resource grants (called by a module when it is wired). */
  addGrantSource(source: GrantSource): void;
  /** The grants of a person from every source, to put on their actor when the context is built. */
  grantsOf(personId: string): Promise<Grant[]>;
}

/**
 * Authorisation inside services (architecture: "one assertCan"). The system actor may do anything:
 * it is only used by the demo loader and migrations. Denials are written to the ledger.
 */
export function createAuthz(deps: { policies: Policy[]; database: Database; ledger: Ledger }): Authz {
  const cache = new WeakMap<object, AppAbility>();
  const grantSources: GrantSource[] = [];

  function ability(ctx: Ctx): AppAbility {
    const cached = cache.get(ctx.actor);
    if (cached) return cached;
    const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
    if (ctx.actor.kind === 'system') builder.can('manage', 'all');
    else {
      for (const policy of deps.policies) policy(ctx.actor, builder);
      // A11: a grant allows its actions on its one object, nothing wider.
      for (const grant of ctx.actor.grants ?? [])
        builder.can(grant.actions, grant.subjectType, { id: grant.subjectId });
    }
    const built = builder.build();
    cache.set(ctx.actor, built);
    return built;
  }

  function can(ctx: Ctx, action: string, subjectType: string, object?: Record<string, unknown>): boolean {
    const a = ability(ctx);
    return object ? a.can(action, asSubject(subjectType, { ...object })) : a.can(action, subjectType);
  }

  return {
    ability,
    can,
    addGrantSource: (source) => void grantSources.push(source),
    async grantsOf(personId) {
      return (await Promise.all(grantSources.map((source) => source(personId)))).flat();
    },
    async assertCan(ctx, action, subjectType, object) {
      if (can(ctx, action, subjectType, object)) return;
      // Denials are audited outside any transaction of the caller, so they survive its rollback.
      await deps.ledger.audit(deps.database.db, ctx, {
        type: 'authz.denied',
        subjectType,
        subjectId: typeof object?.id === 'string' ? object.id : null,
        // A22-1: denials count in the analysis of the unit or section they concern.
        unitId: typeof object?.unitId === 'string' ? object.unitId : null,
        sectionId: typeof object?.sectionId === 'string' ? object.sectionId : null,
        outcome: 'denied',
        data: { action, object: object ? redact(object) : null },
      });
      throw new AppError('auth.forbidden');
    },
  };
}

/** Keeps only identifiers and codes of a subject for the denial record: no names, no personal data. */
function redact(object: Record<string, unknown>): Record<string, unknown> {
  const keep = ['id', 'role', 'unitId', 'sectionId', 'personId', 'scopeKind'];
  return Object.fromEntries(Object.entries(object).filter(([k]) => keep.includes(k)));
}
