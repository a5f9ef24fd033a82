import type { Role } from './roles.ts';

/** One current appointment of the actor, as the basis of what they may do (A3: never a free-form flag). */
export interface HeldRole {
  role: Role;
  unitId: string | null;
  sectionId: string | null;
}

/**
 * A per-resource grant (A11: least privilege): the actor may do `actions` on one object, e.g. a
 * personal information file of the vault. Later modules add the sources of grants; the
 * authorisation core turns each into an ability on that object's id.
 */
export interface Grant {
  subjectType: string;
  subjectId: string;
  actions: string[];
}
