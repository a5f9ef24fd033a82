import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { RequestView } from '../../../../shared/api/requests.ts';
import type { MatchesView, SearchTerm } from '../../../../shared/api/requests-search.ts';
import { useDates } from '../../../app/preferences.tsx';
import { SavedNotice } from '../../../ui/alert.tsx';
import { DatePreview, TextField } from '../../../ui/field.tsx';
import { FormErrors } from '../../../ui/form-errors.tsx';
import { Section } from '../../../ui/page.tsx';
import { TermItem } from '../../../ui/term-list.tsx';
import { useSearch } from './queries.ts';

type Terms = Record<SearchTerm, string>;
const EMPTY: Terms = { name: '', nameKana: '', birthDate: '', studentNumber: '', staffNumber: '' };

/** The requester's particulars that serve as terms (shown to handlers only; null for the 監査責任者). */
function particulars(request: RequestView): Terms | null {
  const r = request.requester;
  if (!r) return null;
  return {
    name: r.name,
    nameKana: r.nameKana ?? '',
    birthDate: r.birthDate ?? '',
    studentNumber: r.studentNumber ?? '',
    staffNumber: r.staffNumber ?? '',
  };
}

/**
 * 検索に使う事項: the requester's particulars (氏名・フリガナ・生年月日・学生番号/職員番号, 法77-1-1) and
 * optional extra terms (a former name, another number), then 「全ファイルを検索」. The terms travel in
 * the request body only — never in the URL (they are personal data).
 */
export function TermsSection({ request, view }: { request: RequestView; view: MatchesView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const search = useSearch(request.id);
  const form = useForm<Terms>({ defaultValues: EMPTY });
  const given = particulars(request);
  const submit = form.handleSubmit((v) =>
    search
      .mutateAsync({
        terms: {
          name: v.name,
          nameKana: v.nameKana,
          birthDate: v.birthDate,
          studentNumber: v.studentNumber,
          staffNumber: v.staffNumber,
        },
      })
      .catch(() => undefined),
  );
  const show = (term: SearchTerm, value: string) =>
    value === '' ? '－' : term === 'birthDate' ? dates.date(value) : value;
  return (
    <Section title={t('requestsWork.search.termsTitle')}>
      {given ? (
        <dl className="max-w-3xl">
          {(Object.keys(EMPTY) as SearchTerm[]).map((term) => (
            <TermItem key={term} narrow term={t(`requestsWork.terms.${term}`)}>
              {show(term, given[term])}
            </TermItem>
          ))}
        </dl>
      ) : (
        <p className="text-ink-muted">{t('requestsWork.search.termsHidden')}</p>
      )}
      {view.can.search && (
        <form noValidate className="mt-6 max-w-3xl" onSubmit={(e) => void submit(e)}>
          <h3 className="mb-2 text-xl">{t('requestsWork.search.extraTitle')}</h3>
          <p className="mb-4 text-sm text-ink-muted">{t('requestsWork.search.extraHelp')}</p>
          <div className="grid gap-x-6 sm:grid-cols-2">
            <TextField label={t('requestsWork.terms.name')} registration={form.register('name')} />
            <TextField label={t('requestsWork.terms.nameKana')} registration={form.register('nameKana')} />
            <TextField
              label={t('requestsWork.terms.birthDate')}
              type="date"
              registration={form.register('birthDate')}
              after={<DatePreview text={dates.date(form.watch('birthDate'))} />}
            />
            <TextField
              label={t('requestsWork.terms.studentNumber')}
              registration={form.register('studentNumber')}
            />
            <TextField
              label={t('requestsWork.terms.staffNumber')}
              registration={form.register('staffNumber')}
            />
          </div>
          <FormErrors errors={form.formState.errors} serverError={search.error} />
          <SavedNotice
            show={search.isSuccess}
            text={t('requestsWork.search.done', {
              count: (search.data ?? view).matches.filter((m) => m.status === 'candidate').length,
            })}
          />
          <button type="submit" className="btn-primary" disabled={search.isPending}>
            {search.isPending ? t('requestsWork.search.searching') : t('requestsWork.search.submit')}
          </button>
        </form>
      )}
    </Section>
  );
}
