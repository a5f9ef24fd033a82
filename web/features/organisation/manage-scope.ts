import { useMemo } from 'react';
import { useSignedIn } from '../../app/session.ts';

/**
 * Where the signed-in person keeps people and sections (organisation.policy.ts, A5-2): everywhere as
 * システム管理者, else within the units where they are 総括保護管理者. It only decides what the screens
 * offer; the server decides what is allowed, and its refusal (403 auth.forbidden) is shown as it comes.
 */
export function useManageScope() {
  const { roles, permissions } = useSignedIn();
  return useMemo(() => {
    const everywhere = roles.some((r) => r.role === 'system_administrator');
    const units = new Set(
      roles.flatMap((r) => (r.role === 'chief_protection_manager' && r.unitId ? [r.unitId] : [])),
    );
    const within = (unitId: string) => everywhere || units.has(unitId);
    return {
      /** null: every unit; else the units the person keeps. */
      units: everywhere ? null : units,
      people: (unitId: string) => permissions.managePeople && within(unitId),
      sections: (unitId: string) => permissions.manageSections && within(unitId),
    };
  }, [roles, permissions]);
}
