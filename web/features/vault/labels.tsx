import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { GrantView, VaultFileView, VaultPermission } from '../../../shared/api/vault.ts';
import {
  VALUE_CODES,
  VALUE_MESSAGES,
  displayValue,
  type FieldDefinition,
  type FieldValue,
} from '../../../shared/vault/index.ts';
import { usePreferences } from '../../app/preferences.tsx';

/** The fields the person's grant reaches, in the schema's order (all of them when it names none). */
export function grantFields(file: VaultFileView): FieldDefinition[] {
  const only = file.myGrant?.fields;
  return only ? file.fields.filter((f) => only.includes(f.key)) : file.fields;
}

/**
 * Says that an action was done, as the page's notice (ui/page.tsx): the one notice on the page,
 * replacing the one the person arrived with. The URL (and its purpose) stays as it is.
 */
export function useNotify(): (notice: string) => void {
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  return (notice) => void navigate({ pathname, search }, { replace: true, state: { notice } });
}

/** Whether the person's grant in force allows something. */
export const mayDo = (file: VaultFileView, permission: VaultPermission): boolean =>
  file.myGrant?.permissions.includes(permission) ?? false;

export function PermissionBadges({ permissions }: { permissions: readonly VaultPermission[] }) {
  const { t } = useTranslation();
  if (permissions.length === 0) return <span className="text-ink-muted">{t('vault.permissions.none')}</span>;
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t('vault.permissions.label')}>
      {permissions.map((p) => (
        <li key={p} className="badge border-primary bg-primary-soft text-primary">
          {t(`vault.permissions.${p}`)}
        </li>
      ))}
    </ul>
  );
}

const grantTone: Record<GrantView['state'], string> = {
  in_force: 'border-success bg-success-soft text-success',
  review_overdue: 'border-error bg-error-soft text-error',
  not_yet: 'border-primary bg-primary-soft text-primary',
  expired: 'border-line bg-surface-muted text-ink-muted',
  revoked: 'border-line bg-surface-muted text-ink-muted',
  suspended: 'border-error bg-error-soft text-error',
};

export function GrantStateBadge({ state }: { state: GrantView['state'] }) {
  const { t } = useTranslation();
  return <span className={`badge ${grantTone[state]}`}>{t(`vault.grantStates.${state}`)}</span>;
}

/** A value the person may not read without revealing it (要配慮, My Number), or outside their reach. */
export function MaskedText() {
  const { t } = useTranslation();
  return <span className="text-ink-muted">{t('vault.masked')}</span>;
}

/** A record whose ciphertext failed to authenticate: nothing of it is shown (the server logged it). */
export function DamagedText() {
  const { t } = useTranslation();
  return (
    <span className="font-bold text-error">
      <span aria-hidden="true">⚠ </span>
      {t('vault.damaged')}
    </span>
  );
}

/** A stored value as text in the person's language and calendar (和暦 by default); '－' when empty. */
export function useValueText(): (field: FieldDefinition, value: FieldValue | null | undefined) => string {
  const { locale, calendar } = usePreferences();
  return (field, value) => {
    if (value === null || value === undefined || value === '') return '－';
    return displayValue(field.type, value, locale, calendar) || '－';
  };
}

/** The message of a value code (shared/vault VALUE_MESSAGES) in the language shown, or null. */
export function useValueMessage(): (code: string) => string | null {
  const { locale } = usePreferences();
  return (code) => {
    const known = VALUE_CODES.find((c) => c === code);
    return known ? VALUE_MESSAGES[known][locale] : null;
  };
}
