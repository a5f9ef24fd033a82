import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Purpose, VaultFileView } from '../../../shared/api/vault.ts';
import { mayDo } from './labels.tsx';

const q = (params: Record<string, string | undefined>) =>
  new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
  ).toString();

/**
 * What else can be done with a file beyond reading it (issue 7): copying (A12(1)), sending (A12(2)),
 * media sent or taken out (A12(3)), disposal (A15), use outside the purpose (A17-2), and for its
 * keepers the usage ledger (A16) and the rules of which acts need approval (A12). Each link opens
 * the act's own page, which asks for an approval where the file's rules need one.
 */
export function FileHandlingLinks({ file, purpose }: { file: VaultFileView; purpose: Purpose | null }) {
  const { t } = useTranslation();
  const fileId = file.fileId;
  const links: { to: string; label: string }[] = [];
  if (purpose && mayDo(file, 'export'))
    links.push({
      to: `/handling/exports/new?${q({ fileId, purpose: purpose.code })}`,
      label: t('vault.handling.export'),
    });
  if (mayDo(file, 'transmit'))
    links.push({
      to: `/handling/movements/new?${q({ fileId, kind: 'transmit' })}`,
      label: t('vault.handling.transmit'),
    });
  if (mayDo(file, 'take_out'))
    links.push({
      to: `/handling/movements/new?${q({ fileId, kind: 'take_out' })}`,
      label: t('vault.handling.takeOut'),
    });
  if (mayDo(file, 'dispose'))
    links.push({ to: `/handling/disposals/new?${q({ fileId })}`, label: t('vault.handling.dispose') });
  if (file.myGrant)
    links.push({
      to: `/handling/out-of-purpose/new?${q({ fileId })}`,
      label: t('vault.handling.outOfPurpose'),
    });
  if (file.canManage) {
    links.push({ to: `/handling/files/${fileId}/ledger`, label: t('vault.handling.ledger') });
    links.push({ to: `/handling/files/${fileId}/rules`, label: t('vault.handling.rules') });
  }
  if (links.length === 0) return null;
  return (
    <nav
      aria-labelledby="handling-links"
      className="mb-6 rounded border border-line-soft bg-surface-muted p-4"
    >
      <h2 id="handling-links" className="mb-2 font-bold">
        {t('vault.handling.title')}
      </h2>
      <p className="mb-3 text-sm text-ink-muted">{t('vault.handling.lead')}</p>
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        {links.map((l) => (
          <li key={l.to}>
            <Link to={l.to}>{l.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** On a record (issue 7): report an error in it (A13) and, with the permission, ask to dispose of it (A15). */
export function RecordHandlingLinks({
  file,
  purpose,
  recordId,
}: {
  file: VaultFileView;
  purpose: Purpose;
  recordId: string;
}) {
  const { t } = useTranslation();
  const fileId = file.fileId;
  return (
    <ul className="mt-6 flex flex-wrap gap-x-6 gap-y-2" aria-label={t('vault.handling.recordTitle')}>
      <li>
        <Link to={`/handling/corrections/new?${q({ fileId, recordId, purpose: purpose.code })}`}>
          {t('vault.handling.reportError')}
        </Link>
      </li>
      {mayDo(file, 'dispose') && (
        <li>
          <Link to={`/handling/disposals/new?${q({ fileId, recordId })}`}>
            {t('vault.handling.disposeRecord')}
          </Link>
        </li>
      )}
    </ul>
  );
}
