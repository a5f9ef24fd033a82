import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { GrantView, VaultFileView } from '../../../shared/api/vault.ts';
import { errorMessage } from '../../app/api.ts';
import { useDates, usePreferences } from '../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../ui/alert.tsx';
import { Dialog } from '../../ui/dialog.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { VaultQueryState } from './vault-query.tsx';
import { useUnits } from '../organisation/queries.ts';
import { GrantStateBadge, PermissionBadges, useNotify } from './labels.tsx';
import { useGrants, useReviewGrant, useRevokeGrant, useVaultFile } from './queries.ts';
import { FileSettings } from './settings-section.tsx';

// Issue 10 (A10): a suspended grant stays among the live ones, for its keeper to see and revoke.
const LIVE: GrantView['state'][] = ['in_force', 'review_overdue', 'not_yet', 'suspended'];

/** What a grant reaches: its fields (all, or some by label) and its records (all, or some units/groups). */
function useReach(file: VaultFileView) {
  const { t } = useTranslation();
  const units = useUnits();
  const unitName = (id: string) => units.data?.find((u) => u.id === id)?.name ?? id;
  const scopeLabel = file.fields.find((f) => f.key === file.scopeField)?.label ?? '';
  return {
    fields: (g: GrantView) =>
      g.fields
        ? g.fields.map((k) => file.fields.find((f) => f.key === k)?.label ?? k).join('、')
        : t('vault.grants.allFields'),
    scope: (g: GrantView) => {
      if (!g.scope) return t('vault.grants.allRecords');
      const parts = [];
      if (g.scope.unitIds) parts.push(g.scope.unitIds.map(unitName).join('、'));
      if (g.scope.groups) parts.push(`${scopeLabel}：${g.scope.groups.join('、')}`);
      return parts.join(' / ');
    },
  };
}

function RevokeDialog({
  grant,
  onClose,
  onDone,
}: {
  grant: GrantView | null;
  onClose: () => void;
  onDone: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const revoke = useRevokeGrant();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const close = () => {
    revoke.reset();
    setReason('');
    setMissing(false);
    onClose();
  };
  return (
    <Dialog
      open={grant !== null}
      title={t('vault.grants.revokeTitle', { name: grant?.personName ?? '' })}
      onClose={close}
    >
      {grant && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) return setMissing(true);
            revoke.mutate(
              { grantId: grant.id, reason: reason.trim() },
              {
                onSuccess: () => {
                  close();
                  onDone('vault.grants.revoked');
                },
              },
            );
          }}
        >
          {revoke.isError && (
            <div role="alert">
              <Alert tone="error" title={t('common.errorTitle')}>
                <p>{errorMessage(revoke.error, locale)}</p>
              </Alert>
            </div>
          )}
          <label htmlFor="revoke-reason" className="label mb-1">
            {t('vault.grants.revokeReason')}
          </label>
          <p id="revoke-help" className="mb-1 text-sm text-ink-muted">
            {t('vault.grants.revokeHelp')}
          </p>
          {missing && (
            <p id="revoke-error" className="mb-1 font-bold text-error">
              <span aria-hidden="true">⚠ </span>
              {t('validation.required')}
            </p>
          )}
          <textarea
            id="revoke-reason"
            className="input mb-6 min-h-32"
            value={reason}
            aria-required
            aria-invalid={missing || undefined}
            aria-describedby={missing ? 'revoke-help revoke-error' : 'revoke-help'}
            onChange={(e) => {
              setReason(e.target.value);
              setMissing(false);
            }}
          />
          <button type="submit" className="btn-danger" disabled={revoke.isPending}>
            {t('vault.grants.revoke')}
          </button>
        </form>
      )}
    </Dialog>
  );
}

function GrantsTable({
  file,
  grants,
  caption,
  actions,
}: {
  file: VaultFileView;
  grants: GrantView[];
  caption: string;
  actions?: (g: GrantView) => ReactNode;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const reach = useReach(file);
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('vault.grants.person')}</th>
            <th scope="col">{t('vault.grants.permissions')}</th>
            <th scope="col">{t('vault.grants.reach')}</th>
            <th scope="col">{t('vault.grants.validity')}</th>
            <th scope="col">{t('vault.grants.reviewDue')}</th>
            <th scope="col">{t('vault.grants.state')}</th>
            {actions && <th scope="col">{t('common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {grants.map((g) => (
            <tr key={g.id}>
              <th scope="row" className="min-w-44 font-bold">
                {g.personName}
                <p className="text-sm font-normal text-ink-muted">{g.reason}</p>
              </th>
              <td className="min-w-36">
                <PermissionBadges permissions={g.permissions} />
              </td>
              <td className="min-w-40">
                <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-sm">
                  <dt className="font-bold">{t('vault.grants.fields')}</dt>
                  <dd>{reach.fields(g)}</dd>
                  <dt className="font-bold">{t('vault.grants.scope')}</dt>
                  <dd>{reach.scope(g)}</dd>
                </dl>
              </td>
              <td className="whitespace-nowrap">
                {dates.date(g.validFrom)}
                <br />
                {t('vault.grants.until', { date: dates.date(g.validUntil) })}
              </td>
              <td className="whitespace-nowrap">{dates.date(g.reviewDue)}</td>
              <td>
                <GrantStateBadge state={g.state} />
                {g.revokeReason && <p className="mt-1 text-sm">{g.revokeReason}</p>}
              </td>
              {actions && <td>{actions(g)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function GrantsBody({ file }: { file: VaultFileView }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const grants = useGrants(file.fileId);
  const review = useReviewGrant();
  const [revoking, setRevoking] = useState<GrantView | null>(null);
  const notify = useNotify();
  const actions = file.canManage
    ? (g: GrantView) => (
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className="btn-secondary btn-sm"
            disabled={review.isPending}
            aria-label={t('vault.grants.reviewOf', { name: g.personName })}
            onClick={() => {
              review.mutate(g.id, { onSuccess: () => notify('vault.grants.reviewed') });
            }}
          >
            {t('vault.grants.review')}
          </button>
          <button
            type="button"
            className="btn-danger btn-sm"
            aria-label={t('vault.grants.revokeOf', { name: g.personName })}
            onClick={() => setRevoking(g)}
          >
            {t('vault.grants.revoke')}
          </button>
        </div>
      )
    : undefined;
  return (
    <>
      <LiveRegion>
        {review.isError && (
          <Alert tone="error" title={t('common.errorTitle')}>
            <p>{errorMessage(review.error, locale)}</p>
          </Alert>
        )}
      </LiveRegion>
      <VaultQueryState query={grants}>
        {({ grants: list }) => {
          const live = list.filter((g) => LIVE.includes(g.state));
          const past = list.filter((g) => !LIVE.includes(g.state));
          const overdue = live.filter((g) => g.state === 'review_overdue').length;
          return (
            <>
              <Section title={t('vault.grants.current')}>
                {overdue > 0 && (
                  <Alert tone="warning" title={t('vault.grants.overdue', { count: overdue })} />
                )}
                {live.length === 0 ? (
                  <p>{t('vault.grants.noneLive')}</p>
                ) : (
                  <GrantsTable
                    file={file}
                    grants={live}
                    caption={t('vault.grants.current')}
                    actions={actions}
                  />
                )}
              </Section>
              {past.length > 0 && (
                <Section title={t('vault.grants.past')}>
                  <GrantsTable file={file} grants={past} caption={t('vault.grants.past')} />
                </Section>
              )}
            </>
          );
        }}
      </VaultQueryState>
      <FileSettings file={file} />
      <RevokeDialog grant={revoking} onClose={() => setRevoking(null)} onDone={notify} />
    </>
  );
}

/**
 * A11-1, A11-2: who may use the file, for what, until when; reviewed on a schedule. Its 保護管理者
 * grants, reviews and revokes; the 総括管理者 and the 監査責任者 see them.
 */
export function GrantsPage() {
  const { t } = useTranslation();
  const { fileId = '' } = useParams();
  const file = useVaultFile(fileId);
  const name = file.data?.name ?? t('vault.fileCrumb');
  const title = t('vault.grants.title', { name });
  return (
    <Page
      title={title}
      crumbs={[
        { label: t('vault.title'), to: '/vault' },
        ...(file.data?.myGrant ? [{ label: name, to: `/vault/files/${fileId}` }] : []),
        { label: t('vault.grants.crumb') },
      ]}
      lead={<p>{t('vault.grants.lead')}</p>}
      actions={
        file.data?.canManage && (
          <Link to={`/vault/files/${fileId}/grants/new`} className="btn-primary">
            {t('vault.grants.new')}
          </Link>
        )
      }
    >
      <VaultQueryState query={file}>{(f) => <GrantsBody file={f} />}</VaultQueryState>
    </Page>
  );
}
