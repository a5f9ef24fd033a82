import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PersonView } from '../../../../shared/api/organisation.ts';
import type { RestrictionView } from '../../../../shared/api/handling-purpose.ts';
import { useDates } from '../../../app/preferences.tsx';
import { useSignedIn } from '../../../app/session.ts';
import { Alert } from '../../../ui/alert.tsx';
import { FormErrors } from '../../../ui/form-errors.tsx';
import { Page, Section } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { PersonPicker } from '../../organisation/person-picker.tsx';
import { useRestriction, useSetRestriction } from './queries.ts';

function RestrictionForm({ view }: { view: RestrictionView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const save = useSetRestriction(view.unitId);
  const [people, setPeople] = useState(view.people);
  const [picked, setPicked] = useState<PersonView | null>(null);
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState(false);
  return (
    <>
      <p className="mb-4">
        {view.restricted
          ? t('outOfPurpose.restriction.on', { count: view.people.length })
          : t('outOfPurpose.restriction.off')}
        {view.updatedAt &&
          ` ${t('outOfPurpose.restriction.updated', { when: dates.dateTime(view.updatedAt) })}`}
      </p>
      {view.reason && (
        <p className="mb-6">
          {t('outOfPurpose.restriction.reason')}: {view.reason}
        </p>
      )}
      {saved && <Alert tone="success" title={t('outOfPurpose.restriction.saved')} />}
      <FormErrors errors={{}} serverError={save.error} />
      <Section title={t('outOfPurpose.restriction.people')}>
        {people.length === 0 ? (
          <p className="mb-4">{t('outOfPurpose.restriction.nobody')}</p>
        ) : (
          <ul className="mb-4 grid gap-2">
            {people.map((p) => (
              <li key={p.id} className="flex items-center gap-4">
                <span>{p.name}</span>
                {view.canEdit && (
                  <button
                    type="button"
                    className="btn-secondary btn-sm"
                    aria-label={t('outOfPurpose.restriction.removeLabel', { name: p.name })}
                    onClick={() => setPeople(people.filter((x) => x.id !== p.id))}
                  >
                    {t('outOfPurpose.restriction.remove')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {view.canEdit && (
          <div className="max-w-xl">
            <PersonPicker
              label={t('outOfPurpose.restriction.add')}
              unitId={view.unitId}
              value={picked}
              onChange={(p) => {
                if (p && !people.some((x) => x.id === p.id))
                  setPeople([...people, { id: p.id, name: `${p.familyName} ${p.givenName}` }]);
                setPicked(null);
              }}
            />
          </div>
        )}
      </Section>
      {view.canEdit && (
        <Section title={t('outOfPurpose.restriction.save')}>
          <label className="mb-4 grid max-w-3xl gap-1">
            <span className="label">{t('outOfPurpose.restriction.reason')}</span>
            <span className="text-sm text-ink-muted">{t('outOfPurpose.restriction.reasonHelp')}</span>
            <textarea className="input" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button
            type="button"
            className="btn-primary"
            disabled={save.isPending || reason.trim() === ''}
            onClick={() =>
              save.mutate(
                { personIds: people.map((p) => p.id), reason },
                { onSuccess: () => (setSaved(true), setReason('')) },
              )
            }
          >
            {t('outOfPurpose.restriction.save')}
          </button>
        </Section>
      )}
    </>
  );
}

/** A17-4: the 総括保護管理者 limits internal use outside the purpose to named staff of the unit. */
export function RestrictionPage() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const [params] = useSearchParams();
  const unitId =
    params.get('unitId') ?? session.roles.find((r) => r.role === 'chief_protection_manager')?.unitId ?? '';
  const view = useRestriction(unitId);
  return (
    <Page
      title={t('outOfPurpose.restriction.title')}
      crumbs={[
        { label: t('outOfPurpose.title'), to: '/handling/out-of-purpose' },
        { label: t('outOfPurpose.restriction.title') },
      ]}
      lead={<p>{t('outOfPurpose.restriction.lead')}</p>}
    >
      {unitId ? (
        <QueryState query={view}>{(v) => <RestrictionForm view={v} />}</QueryState>
      ) : (
        <Alert tone="warning" title={t('outOfPurpose.restriction.noUnit')} />
      )}
    </Page>
  );
}
