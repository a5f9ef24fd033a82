import type { Role } from './roles.ts';

/** One current appointment of the actor, as the basis of what they may do (A3: never a free-form flag). */
export interface HeldRole {
  role: Role;
  unitId: string | null;
  sectionId: string | null;
}
