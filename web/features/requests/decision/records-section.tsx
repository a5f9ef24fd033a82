import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  DecisionRecordView,
  DecisionView,
  WithheldItemView,
} from '../../../../shared/api/requests-decision.ts';
import { errorMessage } from '../../../app/api.ts';
import { usePreferences } from '../../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../../ui/alert.tsx';
import { Badge } from '../../../ui/badge.tsx';
import { Section } from '../../../ui/page.tsx';
import { FileGroups } from '../common/file-groups.tsx';
import { useRecordValues, useSaveWithheld } from './queries.ts';
import { itemsOf, useGroundLabel, WithholdDialog, type WithholdTarget } from './withhold-dialog.tsx';

function WithheldBadge({ item }: { item: WithheldItemView }) {
  const { t } = useTranslation();
  const groundLabel = useGroundLabel();
  return (
    <div>
      <Badge tone="warn">{t('requestsWork.decision.withheld')}</Badge>
      <p className="mt-1 text-sm">{groundLabel(item.ground)}</p>
      <p className="text-sm whitespace-pre-wrap text-ink-muted">{item.reason}</p>
    </div>
  );
}

/** One confirmed record: its field labels, the values when asked for (logged), and what is withheld. */
function RecordCard({
  view,
  record,
  index,
  onWithhold,
}: {
  view: DecisionView;
  record: DecisionRecordView;
  index: number;
  onWithhold: (target: WithholdTarget) => void;
}) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const [shown, setShown] = useState(false);
  const values = useRecordValues(view.requestId, record.matchId, shown);
  const save = useSaveWithheld(view.requestId);
  const mine = view.withheld.filter((w) => w.matchId === record.matchId);
  const whole = mine.find((w) => w.fieldKey === null);
  const valueOf = (key: string) => values.data?.fields.find((f) => f.key === key)?.value ?? null;
  const remove = (item: WithheldItemView) =>
    save.mutate({
      items: itemsOf(view).filter((i) => !(i.matchId === item.matchId && i.fieldKey === item.fieldKey)),
    });
  const titleId = `record-${record.matchId}`;
  return (
    <section aria-labelledby={titleId} className="card mb-4" data-testid="decision-record">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h4 id={titleId} className="text-lg">
          {t('requestsWork.decision.recordTitle', { n: index + 1 })}
        </h4>
        <div className="flex flex-wrap gap-3">
          {view.can.readValues && !shown && (
            <button type="button" className="btn-secondary btn-sm" onClick={() => setShown(true)}>
              {t('requestsWork.decision.showValues')}
            </button>
          )}
          {view.can.editWithheld && !whole && (
            <button
              type="button"
              className="btn-secondary btn-sm"
              onClick={() =>
                onWithhold({
                  matchId: record.matchId,
                  fieldKey: null,
                  label: t('requestsWork.decision.wholeRecord'),
                })
              }
            >
              {t('requestsWork.decision.withholdRecord')}
            </button>
          )}
        </div>
      </div>
      <LiveRegion assertive>
        {(values.error ?? save.error) && (
          <Alert tone="error" title={errorMessage(values.error ?? save.error, locale)} />
        )}
      </LiveRegion>
      {shown && values.isPending && <p role="status">{t('common.loading')}</p>}
      {shown && values.data && (
        <p className="mb-2 text-sm text-ink-muted">{t('requestsWork.decision.valuesLogged')}</p>
      )}
      {whole && (
        <div className="mb-3 rounded-lg border border-warning bg-warning-soft p-3">
          <p className="font-bold">{t('requestsWork.decision.wholeWithheld')}</p>
          <WithheldBadge item={whole} />
          {view.can.editWithheld && (
            <button type="button" className="btn-secondary btn-sm mt-2" onClick={() => remove(whole)}>
              {t('requestsWork.decision.unwithhold')}
            </button>
          )}
        </div>
      )}
      <div className="overflow-x-auto">
        <table className="data-table">
          <caption className="sr-only">{t('requestsWork.decision.fieldsCaption', { n: index + 1 })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('requestsWork.decision.field')}</th>
              {shown && <th scope="col">{t('requestsWork.decision.value')}</th>}
              <th scope="col">{t('requestsWork.decision.disclosure')}</th>
              {view.can.editWithheld && (
                <th scope="col">
                  <span className="sr-only">{t('requestsWork.decision.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {record.fields.map((f) => {
              const item = mine.find((w) => w.fieldKey === f.key);
              return (
                <tr key={f.key}>
                  <th scope="row" className="font-bold">
                    {f.label}
                  </th>
                  {shown && <td className="whitespace-pre-wrap">{valueOf(f.key) ?? '－'}</td>}
                  <td>
                    {f.myNumber ? (
                      <Badge tone="plain">{t('requestsWork.decision.myNumber')}</Badge>
                    ) : item ? (
                      <WithheldBadge item={item} />
                    ) : whole ? (
                      <Badge tone="warn">{t('requestsWork.decision.withheld')}</Badge>
                    ) : (
                      <Badge tone="good">{t('requestsWork.decision.disclosed')}</Badge>
                    )}
                  </td>
                  {view.can.editWithheld && (
                    <td>
                      {f.myNumber || whole ? null : item ? (
                        <button
                          type="button"
                          className="btn-secondary btn-sm"
                          aria-label={t('requestsWork.decision.unwithholdField', { label: f.label })}
                          onClick={() => remove(item)}
                        >
                          {t('requestsWork.decision.unwithhold')}
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="btn-secondary btn-sm"
                          aria-label={t('requestsWork.decision.withholdField', { label: f.label })}
                          onClick={() =>
                            onWithhold({ matchId: record.matchId, fieldKey: f.key, label: f.label })
                          }
                        >
                          {t('requestsWork.decision.withhold')}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** 開示の対象となる記録: the confirmed records grouped by file, each with its fields and withheld items. */
export function RecordsSection({ view }: { view: DecisionView }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<WithholdTarget | null>(null);
  return (
    <Section title={t('requestsWork.decision.recordsTitle')}>
      {view.records.length === 0 ? (
        <Alert tone="info" title={t('requestsWork.decision.noRecords')}>
          <p>{t('requestsWork.decision.noRecordsBody')}</p>
        </Alert>
      ) : (
        <FileGroups items={view.records} idPrefix="dfile">
          {(list) =>
            list.map((r, n) => (
              <RecordCard key={r.matchId} view={view} record={r} index={n} onWithhold={setTarget} />
            ))
          }
        </FileGroups>
      )}
      <WithholdDialog view={view} target={target} onClose={() => setTarget(null)} />
    </Section>
  );
}
