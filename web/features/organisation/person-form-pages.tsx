import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../app/session.ts';
import { Page } from '../../ui/page.tsx';
import { Alert } from '../../ui/alert.tsx';
import { Loading, QueryError, QueryState } from '../../ui/query-state.tsx';
import { PersonForm } from './person-form.tsx';
import { usePerson, useUnits } from './queries.ts';

/** /people/new: 教職員の登録. */
export function PersonNewPage() {
  const { t } = useTranslation();
  const { permissions } = useSignedIn();
  const units = useUnits();
  return (
    <Page
      title={t('personForm.newTitle')}
      crumbs={[{ label: t('nav.people'), to: '/people' }, { label: t('personForm.newTitle') }]}
      lead={<p>{t('personForm.newIntro')}</p>}
    >
      {permissions.managePeople ? (
        <QueryState query={units}>{(list) => <PersonForm units={list} />}</QueryState>
      ) : (
        <Alert tone="info" title={t('personForm.noRights')} />
      )}
    </Page>
  );
}

/** /people/:id/edit: the same form with the person's details, the employee number fixed, and 在職状況. */
export function PersonEditPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { permissions } = useSignedIn();
  const person = usePerson(id);
  const units = useUnits();
  if (person.isPending) return <Loading />;
  if (person.isError)
    return (
      <Page title={t('common.errorTitle')} crumbs={[{ label: t('nav.people'), to: '/people' }]}>
        <QueryError error={person.error} onRetry={() => void person.refetch()} />
      </Page>
    );
  const p = person.data.person;
  const name = `${p.familyName} ${p.givenName}`;
  return (
    <Page
      title={t('personForm.editTitle')}
      crumbs={[
        { label: t('nav.people'), to: '/people' },
        { label: name, to: `/people/${p.id}` },
        { label: t('personForm.editTitle') },
      ]}
      lead={<p>{t('personForm.editIntro', { name })}</p>}
    >
      {permissions.managePeople ? (
        <QueryState query={units}>{(list) => <PersonForm key={p.id} person={p} units={list} />}</QueryState>
      ) : (
        <Alert tone="info" title={t('personForm.noRights')} />
      )}
    </Page>
  );
}
