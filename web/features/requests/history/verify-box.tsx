import { useTranslation } from 'react-i18next';
import type { HistoryView } from '../../../../shared/api/requests-history.ts';

/**
 * 検証の方法: the command the requester (or anyone) runs on the downloaded bundle, and where the
 * verifier key and the checkpoint are published — an independent check that no entry was edited.
 */
export function VerifyBox({ view }: { view: HistoryView }) {
  const { t } = useTranslation();
  const file = `${view.number}-history.json`;
  return (
    <aside
      aria-labelledby="verify-title"
      className="mt-6 rounded-xl border-2 border-primary bg-primary-soft p-6"
    >
      <h3 id="verify-title" className="text-xl">
        {t('requestsWork.history.verifyTitle')}
      </h3>
      <ol className="mt-3 list-decimal space-y-2 pl-6">
        <li>{t('requestsWork.history.verifyStep1')}</li>
        <li>
          {t('requestsWork.history.verifyStep2')}
          <ul className="mt-1 list-disc pl-6">
            <li>
              <a href="/log/key">/log/key</a> — {t('requestsWork.history.keyWhere')}
            </li>
            <li>
              <a href="/log/checkpoint">/log/checkpoint</a> — {t('requestsWork.history.checkpointWhere')}
            </li>
          </ul>
        </li>
        <li>
          {t('requestsWork.history.verifyStep3')}
          <pre className="mt-2 overflow-x-auto rounded-lg bg-surface p-3 font-mono text-sm">
            <code>{`npx mamori log verify-history ${file} --key <key>`}</code>
          </pre>
        </li>
      </ol>
      <p className="mt-3 text-sm">{t('requestsWork.history.verifyNote')}</p>
    </aside>
  );
}
