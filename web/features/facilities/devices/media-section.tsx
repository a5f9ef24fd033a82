import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MediumView } from '../../../../shared/api/handling-movements.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Section } from '../../../ui/page.tsx';
import { MediumStatusBadge } from '../../handling/movements/badges.tsx';
import { OverdueBadge } from './bits.tsx';
import { ListTable } from './list-table.tsx';

/**
 * A14: the media that hold files of the register are kept by handling (issue 7, ADR 0008); this
 * page shows them as handling answers, read-only, and sends the reader to handling's pages to
 * move them (movements, A12(3)).
 */
export function MediaSection({ media }: { media: MediumView[] }) {
  const { t } = useTranslation();
  const dates = useDates();
  const col = (k: string) => t(`facilities.devices.media.col.${k}`);
  return (
    <Section
      title={t('facilities.devices.media.title')}
      actions={
        <Link to="/handling/movements" className="btn-secondary btn-sm">
          {t('facilities.devices.media.movements')}
        </Link>
      }
    >
      <p className="mb-4 max-w-3xl">{t('facilities.devices.media.lead')}</p>
      {media.length === 0 ? (
        <p className="text-ink-muted">{t('facilities.devices.media.empty')}</p>
      ) : (
        <ListTable
          rows={media}
          rowKey={(m) => m.id}
          caption={t('facilities.devices.media.caption')}
          columns={[
            { header: col('label'), className: 'min-w-40', cell: (m) => m.label },
            { header: col('kind'), cell: (m) => t(`movement.media.kindsLabel.${m.kind}`) },
            { header: col('section'), cell: (m) => `${m.unitName} ${m.sectionName}`.trim() },
            { header: col('place'), cell: (m) => m.storagePlace },
            { header: col('files'), cell: (m) => m.files.map((f) => f.name).join('、') },
            {
              header: col('status'),
              cell: (m) => (
                <>
                  <MediumStatusBadge status={m.status} />
                  {m.outWith?.dueBack && (
                    <span className="mt-1 block text-sm">
                      {t('facilities.devices.media.dueBack', { date: dates.date(m.outWith.dueBack) })}
                    </span>
                  )}
                  {m.outWith?.overdue && <OverdueBadge />}
                </>
              ),
            },
          ]}
        />
      )}
    </Section>
  );
}
