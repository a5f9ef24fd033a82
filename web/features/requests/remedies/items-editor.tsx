import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  RemedyCandidateView,
  RemedyItemInput,
  RemedyView,
} from '../../../../shared/api/requests-remedies.ts';
import { errorMessage } from '../../../app/api.ts';
import { usePreferences } from '../../../app/preferences.tsx';
import { Alert, LiveRegion, SavedNotice } from '../../../ui/alert.tsx';
import { Section } from '../../../ui/page.tsx';
import { useSaveItems } from './queries.ts';

interface Draft {
  /** Correction: field key → the value asked for (present: the field is to be corrected). */
  fields: Record<string, string>;
  /** Suspension: the purposes whose use is to stop. */
  purposes: string[];
}

function initial(view: RemedyView): Record<string, Draft> {
  const out: Record<string, Draft> = {};
  for (const item of view.items)
    out[item.matchId] = {
      fields: Object.fromEntries(
        item.fields.map((f) => [f.key, f.requested === null ? '' : String(f.requested)]),
      ),
      purposes: item.purposes.map((p) => p.code),
    };
  return out;
}

/** One record of the parent disclosure: chosen or not; its fields (correction) or purposes (suspension). */
function CandidateCard({
  kind,
  candidate,
  draft,
  onChange,
}: {
  kind: RemedyView['kind'];
  candidate: RemedyCandidateView;
  draft: Draft | undefined;
  onChange: (next: Draft | undefined) => void;
}) {
  const { t } = useTranslation();
  const id = `cand-${candidate.matchId}`;
  return (
    <li className="card">
      <label className="flex min-h-12 items-center gap-3 font-bold">
        <input
          type="checkbox"
          className="size-6 accent-primary"
          checked={draft !== undefined}
          onChange={(e) => onChange(e.target.checked ? { fields: {}, purposes: [] } : undefined)}
        />
        {t('requestsWork.remedies.recordOf', { file: candidate.fileName })}
      </label>
      {draft && kind === 'correction' && (
        <fieldset className="mt-3">
          <legend className="label">{t('requestsWork.remedies.fieldsLegend')}</legend>
          <ul className="grid gap-3">
            {candidate.fields.map((f) => {
              const on = f.key in draft.fields;
              return (
                <li key={f.key} className="grid gap-2 sm:grid-cols-[14rem_1fr] sm:items-center">
                  <label className="flex min-h-12 items-center gap-2">
                    <input
                      type="checkbox"
                      className="size-6 accent-primary"
                      checked={on}
                      onChange={(e) => {
                        const fields = { ...draft.fields };
                        if (e.target.checked) fields[f.key] = '';
                        else delete fields[f.key];
                        onChange({ ...draft, fields });
                      }}
                    />
                    {f.label}
                  </label>
                  {on && (
                    <div>
                      <label htmlFor={`${id}-${f.key}`} className="sr-only">
                        {t('requestsWork.remedies.newValueOf', { label: f.label })}
                      </label>
                      <input
                        id={`${id}-${f.key}`}
                        className="input"
                        placeholder={t('requestsWork.remedies.newValue')}
                        value={draft.fields[f.key]}
                        onChange={(e) =>
                          onChange({ ...draft, fields: { ...draft.fields, [f.key]: e.target.value } })
                        }
                      />
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </fieldset>
      )}
      {draft && kind === 'suspension' && (
        <fieldset className="mt-3">
          <legend className="label">{t('requestsWork.remedies.purposesLegend')}</legend>
          {candidate.purposes.map((p) => (
            <label key={p.code} className="flex min-h-12 items-center gap-2">
              <input
                type="checkbox"
                className="size-6 accent-primary"
                checked={draft.purposes.includes(p.code)}
                onChange={(e) =>
                  onChange({
                    ...draft,
                    purposes: e.target.checked
                      ? [...draft.purposes, p.code]
                      : draft.purposes.filter((c) => c !== p.code),
                  })
                }
              />
              {p.label}
            </label>
          ))}
        </fieldset>
      )}
    </li>
  );
}

/**
 * 対象の記録: the records of the parent disclosure the request concerns — for a correction the fields
 * and the values asked for (sealed at rest), for a suspension the purposes whose use is to stop (法98-1).
 */
export function ItemsEditor({ view }: { view: RemedyView }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const save = useSaveItems(view.requestId);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => initial(view));
  const send = () => {
    const items: RemedyItemInput[] = Object.entries(drafts).map(([matchId, d]) => ({
      matchId,
      fields:
        view.kind === 'correction'
          ? Object.entries(d.fields).map(([key, value]) => ({
              key,
              value: value.trim() === '' ? null : value.trim(),
            }))
          : [],
      purposeCodes: view.kind === 'suspension' ? d.purposes : [],
    }));
    save.mutate({ items });
  };
  return (
    <Section title={t('requestsWork.remedies.itemsTitle')}>
      <p className="mb-4 max-w-3xl">{t(`requestsWork.remedies.itemsLead.${view.kind}`)}</p>
      {view.candidates.length === 0 ? (
        <p className="text-ink-muted">{t('requestsWork.remedies.noCandidates')}</p>
      ) : (
        <ul className="mb-4 grid gap-4">
          {view.candidates.map((c) => (
            <CandidateCard
              key={c.matchId}
              kind={view.kind}
              candidate={c}
              draft={drafts[c.matchId]}
              onChange={(next) =>
                setDrafts((all) => {
                  const copy = { ...all };
                  if (next) copy[c.matchId] = next;
                  else delete copy[c.matchId];
                  return copy;
                })
              }
            />
          ))}
        </ul>
      )}
      <LiveRegion assertive>
        {save.error ? <Alert tone="error" title={errorMessage(save.error, locale)} /> : null}
      </LiveRegion>
      <SavedNotice show={save.isSuccess} text={t('requestsWork.remedies.itemsSaved')} />
      <button type="button" className="btn-primary" disabled={save.isPending} onClick={send}>
        {t('requestsWork.remedies.itemsSave')}
      </button>
    </Section>
  );
}
