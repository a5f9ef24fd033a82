import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LiveRegion } from '../../ui/alert.tsx';

/** Copies a text (a signed checkpoint, a key) to the clipboard and says so. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        className="btn-secondary btn-sm"
        aria-label={`${t('log.status.copy')}: ${label}`}
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => setState('copied'),
            () => setState('failed'),
          );
        }}
      >
        {t('log.status.copy')}
      </button>
      <LiveRegion>
        {state !== 'idle' && (
          <span className={state === 'failed' ? 'text-error' : 'text-success'}>
            {t(state === 'copied' ? 'log.status.copied' : 'log.status.copyFailed')}
          </span>
        )}
      </LiveRegion>
    </div>
  );
}
