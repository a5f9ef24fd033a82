import { useTranslation } from 'react-i18next';
import type { EntryFields } from '../../../shared/api/register.ts';
import {
  EXEMPTION_LABELS,
  PUBLISHED_FIELDS,
  type FileState,
  type VersionStatus,
} from '../../../shared/register-fields.ts';
import { usePreferences } from '../../app/preferences.tsx';

const stateTone: Record<FileState, string> = {
  draft: 'border-primary bg-primary-soft text-primary',
  registered: 'border-success bg-success-soft text-success',
  discontinued: 'border-line bg-surface-muted text-ink-muted',
};

export function StateBadge({ state }: { state: FileState }) {
  const { t } = useTranslation();
  return <span className={`badge ${stateTone[state]}`}>{t(`fileRegister.states.${state}`)}</span>;
}

const statusTone: Record<VersionStatus, string> = {
  draft: 'border-primary bg-primary-soft text-primary',
  submitted: 'border-warning bg-warning-soft text-warning',
  returned: 'border-error bg-error-soft text-error',
  accepted: 'border-success bg-success-soft text-success',
  superseded: 'border-line bg-surface-muted text-ink-muted',
};

export function VersionBadge({ status }: { status: VersionStatus }) {
  const { t } = useTranslation();
  return <span className={`badge ${statusTone[status]}`}>{t(`fileRegister.statuses.${status}`)}</span>;
}

/** Whether the file is in the public register, and whether it holds My Numbers (A20-5). */
export function FileFlags({
  state,
  published,
  myNumber,
  myNumberApprovedAt,
}: {
  state: FileState;
  published: boolean;
  myNumber: boolean;
  myNumberApprovedAt: string | null;
}) {
  const { t } = useTranslation();
  return (
    <span className="inline-flex flex-wrap gap-2">
      {state === 'registered' &&
        (published ? (
          <span className="badge border-success bg-success-soft text-success">
            {t('fileRegister.published')}
          </span>
        ) : (
          <span className="badge border-line bg-surface-muted text-ink">
            {t('fileRegister.notPublished')}
          </span>
        ))}
      {myNumber && (
        <span className="badge border-warning bg-warning-soft text-warning">
          {myNumberApprovedAt ? t('fileRegister.myNumber') : t('fileRegister.myNumberPending')}
        </span>
      )}
    </span>
  );
}

type FieldKey = keyof EntryFields | 'agencyName';

/** The label of a field of an entry in the language shown: published ones from 別紙様式1, internal ones from i18n. */
export function useFieldLabel(): (key: string) => string {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const published = new Map<string, { ja: string; en: string }>(PUBLISHED_FIELDS.map((f) => [f.key, f]));
  const internal: Record<string, string> = {
    sensitivity: t('fileRegister.form.sensitivity'),
    importance: t('fileRegister.form.importance'),
    myNumber: t('fileRegister.form.myNumber'),
    exemption: t('fileRegister.form.exemption'),
    exemptionNote: t('fileRegister.form.exemptionNote'),
    historical: t('fileRegister.form.historical'),
    retentionBasis: t('fileRegister.form.retentionBasis'),
    retentionYears: t('fileRegister.form.retentionYears'),
    linkedSystems: t('fileRegister.form.linkedSystems'),
  };
  return (key) => published.get(key)?.[locale] ?? internal[key] ?? key;
}

/** A field's value as staff read it (lists one per line; choices by their label). */
export function useFieldValue(): (key: FieldKey, value: unknown) => string {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  return (key, value) => {
    if (value === null || value === undefined || value === '') return '－';
    if (Array.isArray(value)) return value.length ? value.map(String).join('\n') : '－';
    const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    switch (key) {
      case 'sensitive':
        return value ? t('fileRegister.form.sensitiveYes') : t('fileRegister.form.sensitiveNo');
      case 'rei20Para7':
        return value ? t('fileRegister.form.rei20Yes') : t('fileRegister.form.rei20No');
      case 'kind':
        return t(`fileRegister.form.kinds.${text}`);
      case 'sensitivity':
        return t(`fileRegister.form.sensitivities.${text}`);
      case 'importance':
        return t(`fileRegister.form.importances.${text}`);
      case 'exemption':
        return EXEMPTION_LABELS[value as EntryFields['exemption']][locale];
      default:
        if (typeof value === 'boolean') return value ? t('fileRegister.form.yes') : t('fileRegister.form.no');
        return text || JSON.stringify(value);
    }
  };
}
