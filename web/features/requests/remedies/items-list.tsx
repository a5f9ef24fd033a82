import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RemedyItemView, RemedyView } from '../../../../shared/api/requests-remedies.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Section } from '../../../ui/page.tsx';

/** 認める / 認めない, in words. */
function Outcome({ item }: { item: RemedyItemView }) {
  const { t } = useTranslation();
  if (!item.outcome) return null;
  return (
    <p className="mt-2">
      <Badge tone={item.outcome === 'accepted' ? 'good' : 'plain'}>
        {t(`requestsWork.remedies.outcome.${item.outcome}`)}
      </Badge>
      {item.outcomeReason && <span className="ml-2 whitespace-pre-wrap">{item.outcomeReason}</span>}
    </p>
  );
}

/** 訂正の状況: 指示済 → 訂正済, applied by staff with the update grant on /handling/corrections (A13). */
function CorrectionState({ item }: { item: RemedyItemView }) {
  const { t } = useTranslation();
  const dates = useDates();
  if (!item.correctionStatus) return null;
  const done = item.correctionStatus === 'corrected';
  return (
    <p className="mt-2 flex flex-wrap items-center gap-3">
      <Badge tone={done ? 'good' : 'warn'}>{t(`correction.status.${item.correctionStatus}`)}</Badge>
      {item.appliedAt && (
        <span>{t('requestsWork.remedies.appliedAt', { at: dates.dateTime(item.appliedAt) })}</span>
      )}
      {!done && <Link to="/handling/corrections">{t('requestsWork.remedies.toCorrections')}</Link>}
    </p>
  );
}

/** The records concerned as recorded: fields and values asked for, or purposes; outcomes; corrections. */
export function ItemsList({ view, saved = false }: { view: RemedyView; saved?: boolean }) {
  const { t } = useTranslation();
  return (
    <Section title={t(saved ? 'requestsWork.remedies.savedTitle' : 'requestsWork.remedies.itemsTitle')}>
      {view.items.length === 0 ? (
        <p className="text-ink-muted">{t('requestsWork.remedies.noItems')}</p>
      ) : (
        <ul className="grid gap-4">
          {view.items.map((item) => (
            <li key={item.id} className="card" data-testid="remedy-item">
              <h3 className="text-lg">{t('requestsWork.remedies.recordOf', { file: item.fileName })}</h3>
              {item.fields.length > 0 && (
                <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-[auto_1fr]">
                  {item.fields.map((f) => (
                    <div key={f.key} className="contents">
                      <dt className="font-bold">{f.label}</dt>
                      <dd>
                        {f.requested === null
                          ? t('requestsWork.remedies.valueHidden')
                          : t('requestsWork.remedies.requested', { value: String(f.requested) })}
                      </dd>
                    </div>
                  ))}
                </dl>
              )}
              {item.purposes.length > 0 && (
                <p className="mt-2">
                  <span className="font-bold">{t('requestsWork.remedies.purposesLegend')}：</span>
                  {item.purposes.map((p) => p.label).join('、')}
                </p>
              )}
              <Outcome item={item} />
              <CorrectionState item={item} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
