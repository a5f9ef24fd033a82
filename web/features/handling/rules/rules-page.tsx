import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { APPROVAL_KINDS, type ApprovalKind } from '../../../../shared/api/approvals.ts';
import { REQUIREMENTS, type RulesView } from '../../../../shared/api/handling-rules.ts';
import { errorMessage } from '../../../app/api.ts';
import { useCan } from '../../../app/ability.ts';
import { useDates, usePreferences } from '../../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../../ui/alert.tsx';
import { RequiredBadge } from '../../../ui/field.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { useRules, useSaveRules } from './queries.ts';

type Requirement = (typeof REQUIREMENTS)[number];
type Rules = Record<ApprovalKind, Requirement>;
const RANK: Record<Requirement, number> = { none: 0, protection_manager: 1, chief_protection_manager: 2 };

const tone: Record<Requirement, string> = {
  none: 'border-line bg-surface text-ink',
  protection_manager: 'border-primary bg-primary-soft text-primary',
  chief_protection_manager: 'border-warning bg-warning-soft text-warning',
};

function RequirementBadge({ value }: { value: Requirement }) {
  const { t } = useTranslation();
  return <span className={`badge ${tone[value]}`}>{t(`handlingRules.requirements.${value}`)}</span>;
}

function Facts({ view }: { view: RulesView }) {
  const { t, i18n } = useTranslation();
  const dates = useDates();
  const word = (group: string, v: string) =>
    i18n.exists(`handlingRules.${group}.${v}`) ? t(`handlingRules.${group}.${v}`) : v;
  return (
    <>
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(10rem,auto)_1fr]">
        <dt className="font-bold">{t('handlingRules.sensitivity')}</dt>
        <dd>{word('sensitivities', view.sensitivity)}</dd>
        <dt className="font-bold">{t('handlingRules.importance')}</dt>
        <dd>{word('importances', view.importance)}</dd>
        <dt className="font-bold">{t('handlingRules.myNumber')}</dt>
        <dd>{view.myNumber ? t('handlingRules.myNumberYes') : t('handlingRules.myNumberNo')}</dd>
      </dl>
      <p className="mt-4">
        {view.overridden
          ? t('handlingRules.overridden', { date: dates.dateTime(view.updatedAt) })
          : t('handlingRules.defaultsApply')}
      </p>
    </>
  );
}

function RulesTable({ view }: { view: RulesView }) {
  const { t } = useTranslation();
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{t('handlingRules.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('handlingRules.act')}</th>
            <th scope="col">{t('handlingRules.article')}</th>
            <th scope="col">{t('handlingRules.current')}</th>
            <th scope="col">{t('handlingRules.default')}</th>
            <th scope="col">{t('handlingRules.minimum')}</th>
          </tr>
        </thead>
        <tbody>
          {APPROVAL_KINDS.map((k) => (
            <tr key={k}>
              <th scope="row" className="whitespace-nowrap">
                {t(`handlingRules.acts.${k}`)}
              </th>
              <td className="whitespace-nowrap">{t(`handlingRules.articles.${k}`)}</td>
              <td>
                <RequirementBadge value={view.rules[k]} />
              </td>
              <td className="whitespace-nowrap">{t(`handlingRules.requirements.${view.defaults[k]}`)}</td>
              <td className="whitespace-nowrap">{t(`handlingRules.requirements.${view.minimums[k]}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The 総括保護管理者's change of the rules: a choice per act (never below its minimum) and a reason. */
function RulesForm({ view, onDone }: { view: RulesView; onDone: () => void }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const save = useSaveRules(view.fileId);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [rules, setRules] = useState<Rules>({ ...view.rules });
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <Section title={t('handlingRules.editTitle')} id="edit-rules">
      <p className="mb-6 max-w-3xl">{t('handlingRules.editLead')}</p>
      <LiveRegion assertive>
        {save.isError && (
          <Alert tone="error" title={t('common.errorTitle')}>
            <p>{errorMessage(save.error, locale)}</p>
          </Alert>
        )}
      </LiveRegion>
      <form
        noValidate
        className="max-w-3xl"
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) {
            setMissing(true);
            document.getElementById('rules-reason')?.focus();
            return;
          }
          save.mutate(
            { rules, reason: reason.trim() },
            {
              onSuccess: () => {
                onDone();
                void navigate(pathname, { replace: true, state: { notice: 'handlingRules.saved' } });
              },
            },
          );
        }}
      >
        <div className="grid gap-x-6 sm:grid-cols-2">
          {APPROVAL_KINDS.map((k) => {
            const id = `rule-${k}`;
            return (
              <div key={k} className="mb-6">
                <label htmlFor={id} className="label mb-1">
                  {t('handlingRules.selectFor', { act: t(`handlingRules.acts.${k}`) })}
                </label>
                <select
                  id={id}
                  className="input"
                  value={rules[k]}
                  onChange={(e) => setRules({ ...rules, [k]: e.target.value as Requirement })}
                >
                  {REQUIREMENTS.map((r) => {
                    const below = RANK[r] < RANK[view.minimums[k]];
                    return (
                      <option key={r} value={r} disabled={below}>
                        {t(`handlingRules.requirements.${r}`)}
                        {below ? ` ${t('handlingRules.belowMinimum')}` : ''}
                      </option>
                    );
                  })}
                </select>
              </div>
            );
          })}
        </div>
        <div className="mb-1 flex flex-wrap items-center gap-2">
          <label htmlFor="rules-reason" className="label">
            {t('handlingRules.reason')}
          </label>
          <RequiredBadge />
        </div>
        <p id="rules-reason-help" className="mb-1 text-sm text-ink-muted">
          {t('handlingRules.reasonHelp')}
        </p>
        {missing && (
          <p id="rules-reason-error" className="mb-1 font-bold text-error">
            <span aria-hidden="true">⚠ </span>
            {t('validation.required')}
          </p>
        )}
        <textarea
          id="rules-reason"
          className="input mb-6 min-h-32"
          value={reason}
          maxLength={1000}
          aria-required
          aria-invalid={missing || undefined}
          aria-describedby={missing ? 'rules-reason-help rules-reason-error' : 'rules-reason-help'}
          onChange={(e) => {
            setReason(e.target.value);
            if (e.target.value.trim()) setMissing(false);
          }}
        />
        <div className="flex flex-wrap gap-4">
          <button type="submit" className="btn-primary" disabled={save.isPending}>
            {t('handlingRules.save')}
          </button>
          <button type="button" className="btn-secondary" onClick={onDone}>
            {t('handlingRules.cancel')}
          </button>
        </div>
      </form>
    </Section>
  );
}

function RulesBody({ view }: { view: RulesView }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <>
      <Section title={t('handlingRules.facts')}>
        <Facts view={view} />
      </Section>
      <Section
        title={t('handlingRules.caption')}
        actions={
          view.canEdit &&
          !editing && (
            <button type="button" className="btn-primary" onClick={() => setEditing(true)}>
              {t('handlingRules.edit')}
            </button>
          )
        }
      >
        <RulesTable view={view} />
        {!view.canEdit && <p className="mt-4 text-ink-muted">{t('handlingRules.readOnly')}</p>}
      </Section>
      {view.canEdit && editing && <RulesForm view={view} onDone={() => setEditing(false)} />}
    </>
  );
}

/** /handling/files/:fileId/rules — which acts on the file need approval, and whose (issue 7, A12). */
export function RulesPage() {
  const { t } = useTranslation();
  const { fileId = '' } = useParams();
  const can = useCan();
  const rules = useRules(fileId);
  const name = rules.data?.fileName ?? t('handlingRules.fileCrumb');
  return (
    <Page
      title={t('handlingRules.title', { name })}
      crumbs={[
        ...(can('read', 'RegisterFile')
          ? [{ label: name, to: `/register-admin/files/${encodeURIComponent(fileId)}` }]
          : [{ label: name }]),
        { label: t('handlingRules.crumb') },
      ]}
      lead={<p>{t('handlingRules.lead')}</p>}
    >
      <QueryState query={rules}>{(view) => <RulesBody view={view} />}</QueryState>
    </Page>
  );
}
