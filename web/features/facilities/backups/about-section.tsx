import { useTranslation } from 'react-i18next';
import { Section } from '../../../ui/page.tsx';

/** How to restore, as `npx mamori restore --help` describes it (server/cli/backup-commands.ts). */
export const RESTORE_USAGE =
  'npx mamori restore <backup file or s3://bucket/key> --key-file <key file> --data-dir <empty folder> --sha256 <SHA-256>';

/** A27 in a few words: kept in more than one place, encrypted, restore tested; and how to restore. */
export function AboutSection() {
  const { t } = useTranslation();
  return (
    <Section title={t('facilityBackups.about.title')}>
      <ul className="mb-6 grid max-w-3xl list-disc gap-2 pl-6">
        <li>{t('facilityBackups.about.multiple')}</li>
        <li>{t('facilityBackups.about.encrypted')}</li>
        <li>{t('facilityBackups.about.tested')}</li>
      </ul>
      <h3 className="mb-2 text-xl">{t('facilityBackups.about.restoreTitle')}</h3>
      <p className="mb-2 max-w-3xl">{t('facilityBackups.about.restoreLead')}</p>
      <pre className="mb-2 overflow-x-auto rounded-lg bg-surface-muted p-4 font-mono text-sm">
        <code>{RESTORE_USAGE}</code>
      </pre>
      <ul className="grid max-w-3xl list-disc gap-2 pl-6">
        <li>{t('facilityBackups.about.restoreSha')}</li>
        <li>{t('facilityBackups.about.restorePg')}</li>
        <li>{t('facilityBackups.about.restoreAfter')}</li>
      </ul>
    </Section>
  );
}
