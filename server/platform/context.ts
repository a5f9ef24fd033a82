import type { Grant, HeldRole } from '../../shared/actor.ts';

/** Who acts: a signed-in person, or the system itself (demo loader, migrations, scheduled jobs). */
export type Actor =
  | {
      kind: 'person';
      personId: string;
      label: string;
      roles: HeldRole[];
      /** Per-resource grants in force now (loaded with the roles; see authz grantSources). */
      grants?: Grant[];
      unitId: string | null;
      sectionId: string | null;
    }
  | { kind: 'system'; label: string };

/** Built by every entry point (HTTP, CLI, job) and passed first to every service method. */
export interface Ctx {
  actor: Actor;
  requestId: string | null;
  ip: string | null;
  terminal: string | null;
}

export const systemCtx = (label: string): Ctx => ({
  actor: { kind: 'system', label },
  requestId: null,
  ip: null,
  terminal: null,
});

export const actorPersonId = (ctx: Ctx): string | null =>
  ctx.actor.kind === 'person' ? ctx.actor.personId : null;
