import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { recipientsView } from '../../../shared/api/provision-provisions.ts';
import { api } from '../../app/api.ts';

/**
 * The 経常的提供先 of the file as the provisions record them (issue 9: "the register's 経常的提供先 is
 * offered from these provisions", A18): the recipients of its active regular provisions, with a
 * button that puts them into the field. Shown only when there are some and the caller may read them.
 */
export function RecipientsOffer({ fileId, onUse }: { fileId: string; onUse: (text: string) => void }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['provision', 'recipients', fileId],
    queryFn: () =>
      api(`/api/provision/provisions/recipients?fileId=${encodeURIComponent(fileId)}`, {
        schema: recipientsView,
      }),
    retry: false,
  });
  const names = q.data?.recipients ?? [];
  if (names.length === 0) return null;
  const text = names.join('、');
  return (
    <div className="-mt-3 mb-6 max-w-3xl rounded border border-line bg-surface-muted p-3">
      <p className="text-sm">{t('fileRegister.form.recipientsOffered', { names: text })}</p>
      <button type="button" className="btn-secondary btn-sm mt-2" onClick={() => onUse(text)}>
        {t('fileRegister.form.recipientsUse')}
      </button>
    </div>
  );
}
