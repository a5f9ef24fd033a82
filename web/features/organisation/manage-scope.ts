import { useMemo } from 'react';
import { useAbility } from '../../app/ability.ts';
import { subject } from '@casl/ability';

/**
 * Where the signed-in person keeps people and sections, read from the abilities the server sent
 * (organisation.policy.ts, A5-2): everywhere as システム管理者, else within the units where they are
 * 総括保護管理者. It only decides what the screens offer; the server decides what is allowed, and its
 * refusal (403 auth.forbidden) is shown as it comes.
 */
export function useManageScope() {
  const ability = useAbility();
  return useMemo(() => {
    const rules = ability.rulesFor('create', 'Person');
    const everywhere = rules.some((r) => !r.inverted && !r.conditions);
    const units = new Set(
      rules.flatMap((r) => {
        const unitId = (r.conditions as { unitId?: unknown } | undefined)?.unitId;
        return typeof unitId === 'string' ? [unitId] : [];
      }),
    );
    return {
      /** null: every unit; else the units the person keeps. */
      units: everywhere ? null : units,
      people: (unitId: string) => ability.can('update', subject('Person', { unitId })),
      sections: (unitId: string) => ability.can('create', subject('Section', { unitId })),
    };
  }, [ability]);
}
