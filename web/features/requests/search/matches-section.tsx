import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatchView, MatchesView } from '../../../../shared/api/requests-search.ts';
import { errorMessage } from '../../../app/api.ts';
import { useDates, usePreferences } from '../../../app/preferences.tsx';
import { Alert, LiveRegion } from '../../../ui/alert.tsx';
import { NoteForm } from '../../../ui/note-form.tsx';
import { Section } from '../../../ui/page.tsx';
import { FileGroups } from '../common/file-groups.tsx';
import { MatchStatusBadge, TermChips } from './labels.tsx';
import { useConfirmMatch, useRejectMatch } from './queries.ts';

/** The identifying values of a candidate (氏名・フリガナ・生年月日・番号), shown to handlers only. */
function Identifying({ match }: { match: MatchView }) {
  const { t } = useTranslation();
  const dates = useDates();
  if (match.erased) return <p className="text-ink-muted">{t('requestsWork.search.erased')}</p>;
  const v = match.identifying;
  if (!v) return <p className="text-ink-muted">{t('requestsWork.search.valuesHidden')}</p>;
  const rows: [string, string | undefined][] = [
    [t('requestsWork.terms.name'), v.name],
    [t('requestsWork.terms.nameKana'), v.nameKana],
    [t('requestsWork.terms.birthDate'), v.birthDate ? dates.date(v.birthDate) : undefined],
    [t('requestsWork.search.number'), v.number],
  ];
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
      {rows
        .filter(([, value]) => value)
        .map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-bold">{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/** 「本人のものと確認」 and 「本人のものではない」 (the latter with its reason, required). */
function MatchActions({ requestId, match }: { requestId: string; match: MatchView }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const confirm = useConfirmMatch(requestId);
  const reject = useRejectMatch(requestId);
  const [rejecting, setRejecting] = useState(false);
  const error = confirm.error ?? reject.error;
  return (
    <div className="mt-3">
      <LiveRegion assertive>{error && <Alert tone="error" title={errorMessage(error, locale)} />}</LiveRegion>
      <div className="flex flex-wrap gap-3">
        {match.status !== 'confirmed' && (
          <button
            type="button"
            className="btn-primary btn-sm"
            disabled={confirm.isPending}
            onClick={() => confirm.mutate({ matchId: match.id, reason: '' })}
          >
            {t('requestsWork.search.confirm')}
          </button>
        )}
        {match.status !== 'rejected' && !rejecting && (
          <button type="button" className="btn-secondary btn-sm" onClick={() => setRejecting(true)}>
            {t('requestsWork.search.reject')}
          </button>
        )}
      </div>
      {rejecting && (
        <NoteForm
          className="mt-3 max-w-xl"
          label={t('requestsWork.search.rejectReason')}
          submitLabel={t('requestsWork.search.rejectSubmit')}
          pending={reject.isPending}
          serverError={null}
          onSubmit={(reason) =>
            reject.mutateAsync({ matchId: match.id, reason }).then(() => setRejecting(false))
          }
          onCancel={() => setRejecting(false)}
        />
      )}
    </div>
  );
}

function MatchCard({ match, view }: { match: MatchView; view: MatchesView }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <li className="card" data-testid="match">
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <MatchStatusBadge status={match.status} />
        <span className="text-sm text-ink-muted">{t('requestsWork.search.agreed')}</span>
        <TermChips terms={match.matchedOn} label={t('requestsWork.search.agreed')} />
      </div>
      <Identifying match={match} />
      <p className="mt-2 text-sm text-ink-muted">
        {t('requestsWork.search.foundBy', { name: match.foundByName, at: dates.dateTime(match.foundAt) })}
        {match.decidedByName &&
          match.decidedAt &&
          ` · ${t('requestsWork.search.decidedBy', { name: match.decidedByName, at: dates.dateTime(match.decidedAt) })}`}
      </p>
      {match.reason && (
        <p className="mt-1 whitespace-pre-wrap">
          <span className="font-bold">{t('requestsWork.search.reason')}：</span>
          {match.reason}
        </p>
      )}
      {view.can.decide && !match.erased && <MatchActions requestId={view.requestId} match={match} />}
    </li>
  );
}

/** 候補: the matches grouped by file, each with what agreed and the handler's confirmation. */
export function MatchesSection({ view }: { view: MatchesView }) {
  const { t } = useTranslation();
  const confirmed = view.matches.filter((m) => m.status === 'confirmed').length;
  return (
    <Section title={t('requestsWork.search.matchesTitle')}>
      {view.matches.length === 0 ? (
        <p className="text-ink-muted">{t('requestsWork.search.noMatches')}</p>
      ) : (
        <p className="mb-4">{t('requestsWork.search.counts', { count: view.matches.length, confirmed })}</p>
      )}
      <FileGroups
        items={view.matches}
        idPrefix="file"
        note={(list) => (
          <span className="ml-2 text-base font-normal text-ink-muted">
            {t('requestsWork.search.fileCount', { count: list.length })}
          </span>
        )}
      >
        {(list) => (
          <ul className="grid gap-3 lg:grid-cols-2">
            {list.map((m) => (
              <MatchCard key={m.id} match={m} view={view} />
            ))}
          </ul>
        )}
      </FileGroups>
    </Section>
  );
}
