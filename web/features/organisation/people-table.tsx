import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PersonView } from '../../../shared/api/organisation.ts';

/** Staff rows: employee number, name (link to the profile), kana, kind, job title, whether active. */
export function PeopleTable({
  people,
  caption,
  unitName,
}: {
  people: PersonView[];
  caption: string;
  unitName?: (p: PersonView) => string;
}) {
  const { t } = useTranslation();
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('people.employeeNumber')}</th>
            <th scope="col">{t('people.name')}</th>
            <th scope="col">{t('people.kana')}</th>
            <th scope="col">{t('people.kind')}</th>
            <th scope="col">{t('people.jobTitle')}</th>
            {unitName && <th scope="col">{t('people.unitSection')}</th>}
            <th scope="col">{t('people.active')}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.id}>
              <td className="font-mono tabular-nums">{p.employeeNumber}</td>
              <th scope="row" className="font-normal">
                <Link to={`/people/${p.id}`} className="font-bold">
                  {p.familyName} {p.givenName}
                </Link>
              </th>
              <td>
                {p.familyNameKana} {p.givenNameKana}
              </td>
              <td>{t(`personKinds.${p.kind}`)}</td>
              <td>{p.title ?? ''}</td>
              {unitName && <td>{unitName(p)}</td>}
              <td>
                {p.active ? (
                  t('people.isActive')
                ) : (
                  <span className="badge border-line bg-surface-muted text-ink-muted">
                    {t('people.isInactive')}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
