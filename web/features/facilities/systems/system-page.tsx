import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SystemView } from '../../../../shared/api/facility-systems.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Page } from '../../../ui/page.tsx';
import { QueryState } from '../../../ui/query-state.tsx';
import { TermItem } from '../../../ui/term-list.tsx';
import { CheckOverdueBadge, useSystemCrumbs } from './bits.tsx';
import { DocumentsSection } from './documents-section.tsx';
import { MeasuresSection } from './measures-section.tsx';
import { useSystem } from './queries.ts';

function Facts({ system: s }: { system: SystemView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const f = (k: string) => t(`facilities.systems.system.${k}`);
  return (
    <dl className="max-w-4xl">
      <TermItem term={f('state')}>
        <span className="flex flex-wrap items-center gap-2">
          {s.active ? (
            <Badge tone="good">{t('facilities.systems.active')}</Badge>
          ) : (
            <Badge tone="plain">{t('facilities.systems.retired')}</Badge>
          )}
          {s.overdueCount > 0 && <CheckOverdueBadge count={s.overdueCount} />}
        </span>
      </TermItem>
      <TermItem term={f('section')}>{`${s.unitName} ${s.sectionName}`.trim()}</TermItem>
      <TermItem term={f('hosting')}>{t(`facilities.systems.hostings.${s.hosting}`)}</TermItem>
      <TermItem term={f('purpose')}>{s.purpose}</TermItem>
      <TermItem term={f('files')}>
        {s.files.length === 0 ? (
          t('facilities.none')
        ) : (
          <ul>
            {s.files.map((file) => (
              <li key={file.id}>{file.name}</li>
            ))}
          </ul>
        )}
      </TermItem>
      <TermItem term={f('interval')}>
        {t('facilities.systems.system.intervalDays', { days: s.checkIntervalDays })}
      </TermItem>
      {s.notes && <TermItem term={f('notes')}>{s.notes}</TermItem>}
      <TermItem term={f('updatedAt')}>{dates.dateTime(s.updatedAt)}</TermItem>
    </dl>
  );
}

/**
 * /facilities/systems/:id: a system, its safeguards with their last checks and due days (A23, A24),
 * the files it processes, and — only for those the server lets list them — its design documents (A28).
 */
export function SystemPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const crumbs = useSystemCrumbs();
  const system = useSystem(id);
  const title = system.data?.name ?? t('facilities.systems.system.titlePlain');
  return (
    <Page
      title={title}
      crumbs={[...crumbs, { label: title }]}
      actions={
        system.data?.can.edit && (
          <Link to={`/facilities/systems/${id}/edit`} className="btn-secondary">
            {t('facilities.systems.system.edit')}
          </Link>
        )
      }
    >
      <QueryState query={system}>
        {(s) => (
          <>
            <Facts system={s} />
            <MeasuresSection system={s} />
            {s.can.documents && <DocumentsSection system={s} />}
          </>
        )}
      </QueryState>
    </Page>
  );
}
