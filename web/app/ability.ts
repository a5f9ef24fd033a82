import { useMemo } from 'react';
import { createMongoAbility, subject as asSubject, type MongoAbility } from '@casl/ability';
import { useSignedIn } from './session.ts';

/**
 * The signed-in person's abilities in the browser, built from the rules the server sent with the
 * session (issue 3). Only for showing or hiding: every action is decided again by the server.
 */
export function useAbility(): MongoAbility {
  const { abilityRules } = useSignedIn();
  return useMemo(() => createMongoAbility(abilityRules), [abilityRules]);
}

/** Whether the person may do `action` on a subject type, or on one object of it (its fields as conditions see them). */
export function useCan(): (action: string, subjectType: string, object?: Record<string, unknown>) => boolean {
  const ability = useAbility();
  return (action, subjectType, object) =>
    object ? ability.can(action, asSubject(subjectType, { ...object })) : ability.can(action, subjectType);
}
