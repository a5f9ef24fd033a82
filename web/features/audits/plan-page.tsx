import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { PlanForm } from './plan-form.tsx';
import { useAudit, useCreatePlan, useUpdatePlan } from './queries.ts';

/** /audits/new: the 監査責任者 plans an audit (A36). */
export function NewPlanPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePlan();
  return (
    <Page
      title={t('audits.plan.title')}
      crumbs={[{ label: t('audits.detail.crumb'), to: '/audits' }, { label: t('audits.plan.title') }]}
      lead={<p>{t('audits.plan.lead')}</p>}
    >
      <PlanForm
        submitLabel={t('audits.plan.submit')}
        pending={create.isPending}
        serverError={create.error}
        onSubmit={(input) =>
          create
            .mutateAsync(input)
            .then((view) =>
              navigate(`/audits/${view.id}`, { state: { notice: 'audits.plan.createdNotice' } }),
            )
        }
      />
    </Page>
  );
}

/** /audits/:id/edit: the plan changes while the audit is planned (the server refuses afterwards). */
export function EditPlanPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const audit = useAudit(id);
  const update = useUpdatePlan(id);
  return (
    <Page
      title={t('audits.plan.editTitle')}
      crumbs={[
        { label: t('audits.detail.crumb'), to: '/audits' },
        ...(audit.data ? [{ label: audit.data.number, to: `/audits/${id}` }] : []),
        { label: t('audits.plan.editTitle') },
      ]}
    >
      <QueryState query={audit}>
        {(view) => (
          <PlanForm
            audit={view}
            submitLabel={t('audits.plan.save')}
            pending={update.isPending}
            serverError={update.error}
            onSubmit={(input) =>
              update
                .mutateAsync(input)
                .then(() => navigate(`/audits/${id}`, { state: { notice: 'audits.plan.updatedNotice' } }))
            }
          />
        )}
      </QueryState>
    </Page>
  );
}
