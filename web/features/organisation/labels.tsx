import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLE_RULES, type Role } from '../../../shared/roles.ts';
import type { AppointmentView, GapView } from '../../../shared/api/organisation.ts';

/** 'A6' → 第6条, 'A7の2' → 第7条の2; '—' (not of the rule) → null. */
export function useArticle() {
  const { t } = useTranslation();
  return useCallback(
    (article: string): string | null => {
      const m = /^A(\d+)(?:の(\d+))?$/.exec(article);
      if (!m) return null;
      return m[2] ? t('articleSub', { n: m[1], m: m[2] }) : t('article', { n: m[1] });
    },
    [t],
  );
}

/** Role names: 保護管理者, or with the article: 保護管理者（第6条）. */
export function useRoleLabel() {
  const { t } = useTranslation();
  const article = useArticle();
  return useCallback(
    (role: Role, withArticle = false): string => {
      const name = t(`roles.${role}`);
      const a = withArticle ? article(ROLE_RULES[role].article) : null;
      return a ? t('roleWithArticle', { role: name, article: a }) : name;
    },
    [t, article],
  );
}

const statusTone: Record<AppointmentView['status'], string> = {
  current: 'border-success bg-success-soft text-success',
  future: 'border-primary bg-primary-soft text-primary',
  expired: 'border-warning bg-warning-soft text-warning',
  terminated: 'border-line bg-surface-muted text-ink-muted',
};

export function StatusBadge({ status }: { status: AppointmentView['status'] }) {
  const { t } = useTranslation();
  return <span className={`badge ${statusTone[status]}`}>{t(`statuses.${status}`)}</span>;
}

const gapTone: Record<GapView['kind'], string> = {
  vacancy: 'border-error bg-error-soft text-error',
  duplicate: 'border-warning bg-warning-soft text-warning',
  expired: 'border-warning bg-warning-soft text-warning',
  inactive_holder: 'border-error bg-error-soft text-error',
  review_overdue: 'border-warning bg-warning-soft text-warning',
  analysis_unsigned: 'border-warning bg-warning-soft text-warning',
  grant_review_overdue: 'border-warning bg-warning-soft text-warning',
  media_return_overdue: 'border-error bg-error-soft text-error',
  usage_review_unsigned: 'border-warning bg-warning-soft text-warning',
  incident_deadline_overdue: 'border-error bg-error-soft text-error',
  contract_expiring: 'border-warning bg-warning-soft text-warning',
  contractor_check_overdue: 'border-warning bg-warning-soft text-warning',
  mynumber_supervision_overdue: 'border-error bg-error-soft text-error',
  provision_check_overdue: 'border-warning bg-warning-soft text-warning',
  training_overdue: 'border-warning bg-warning-soft text-warning',
  audit_finding_overdue: 'border-error bg-error-soft text-error',
  inspection_overdue: 'border-warning bg-warning-soft text-warning',
  evaluation_overdue: 'border-warning bg-warning-soft text-warning',
  register_amendment_overdue: 'border-warning bg-warning-soft text-warning',
  contract_clauses_missing: 'border-error bg-error-soft text-error',
  incident_open: 'border-warning bg-warning-soft text-warning',
  device_return_overdue: 'border-error bg-error-soft text-error',
  system_check_overdue: 'border-warning bg-warning-soft text-warning',
  room_inspection_overdue: 'border-warning bg-warning-soft text-warning',
  backup_overdue: 'border-error bg-error-soft text-error',
  restore_test_overdue: 'border-warning bg-warning-soft text-warning',
  request_overdue: 'border-error bg-error-soft text-error',
};

export function GapBadge({ kind }: { kind: GapView['kind'] }) {
  const { t } = useTranslation();
  return <span className={`badge ${gapTone[kind]}`}>{t(`gapKinds.${kind}`)}</span>;
}

export function FlagBadges({ personalInfo, myNumber }: { personalInfo: boolean; myNumber: boolean }) {
  const { t } = useTranslation();
  if (!personalInfo && !myNumber)
    return <span className="text-sm text-ink-muted">{t('org.notHandling')}</span>;
  return (
    <span className="inline-flex flex-wrap gap-2">
      {personalInfo && (
        <span className="badge border-primary bg-primary-soft text-primary">
          {t('org.handlesPersonalInfo')}
        </span>
      )}
      {myNumber && (
        <span className="badge border-warning bg-warning-soft text-warning">{t('org.handlesMyNumber')}</span>
      )}
    </span>
  );
}
