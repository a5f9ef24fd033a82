import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useDates } from '../../../app/preferences.tsx';
import { TextAreaField } from '../../../ui/field.tsx';
import { FormErrors } from '../../../ui/form-errors.tsx';
import { required } from '../../../ui/form-rules.ts';
import { QueryState } from '../../../ui/query-state.tsx';
import { useNotify } from '../../vault/labels.tsx';
import { useDisposeDocument, useDocumentHistory } from './queries.ts';

/** A28: who downloaded a design document and when, newest first (read when the dialog opens). */
export function DownloadHistory({ systemId, documentId }: { systemId: string; documentId: string }) {
  const { t } = useTranslation();
  const dates = useDates();
  const history = useDocumentHistory(systemId, documentId);
  return (
    <QueryState query={history}>
      {(h) =>
        h.downloads.length === 0 ? (
          <p>{t('facilities.systems.documents.noDownloads')}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="data-table">
              <caption className="sr-only">
                {t('facilities.systems.documents.historyCaption', { title: h.document.title })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('facilities.systems.documents.col.at')}</th>
                  <th scope="col">{t('facilities.systems.documents.col.person')}</th>
                </tr>
              </thead>
              <tbody>
                {h.downloads.map((d) => (
                  <tr key={d.id}>
                    <td className="whitespace-nowrap">{dates.dateTime(d.at)}</td>
                    <td>{d.personName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      }
    </QueryState>
  );
}

/** A28 廃棄: the file is deleted, its record stays with who, when and why. */
export function DisposeForm({
  systemId,
  documentId,
  done,
}: {
  systemId: string;
  documentId: string;
  done: () => void;
}) {
  const { t } = useTranslation();
  const notify = useNotify();
  const dispose = useDisposeDocument(systemId);
  const form = useForm({ defaultValues: { reason: '' }, shouldFocusError: false });
  const { errors, submitCount } = form.formState;
  const submit = form.handleSubmit((v) =>
    dispose
      .mutateAsync({ documentId, input: { reason: v.reason.trim() } })
      .then(() => {
        done();
        notify('facilities.systems.documents.disposedNotice');
      })
      .catch(() => undefined),
  );
  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <p className="mb-4">{t('facilities.systems.documents.disposeLead')}</p>
      <FormErrors errors={errors} serverError={dispose.error} submitCount={submitCount} />
      <TextAreaField
        label={t('facilities.systems.documents.reason')}
        help={t('facilities.systems.documents.reasonHelp')}
        registration={form.register('reason', required(t('validation.required')))}
        error={errors.reason}
        required
      />
      <button type="submit" className="btn-danger" disabled={dispose.isPending}>
        {t('facilities.systems.documents.disposeSubmit')}
      </button>
    </form>
  );
}
