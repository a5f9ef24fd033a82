import { useTranslation } from 'react-i18next';
import type { VaultFileView } from '../../../shared/api/vault.ts';
import { Section } from '../../ui/page.tsx';
import { MyNumberActBadge } from './purpose.tsx';

/**
 * The file's settings as its 保護管理者 set them (read only here): the purposes staff choose from
 * (A11-3), whether entries are checked by a second person (A26), the terminals it may be reached
 * from (A29, A11の2), and its record schema.
 */
export function FileSettings({ file }: { file: VaultFileView }) {
  const { t } = useTranslation();
  const label = (key: string | null) => file.fields.find((f) => f.key === key)?.label ?? t('common.none');
  const terminal = !file.terminal
    ? t('vault.settings.terminalAny')
    : file.terminal.areaId
      ? t('vault.settings.terminalArea')
      : file.terminal.areaKind === 'handling_area'
        ? t('vault.settings.terminalHandling')
        : t('vault.settings.terminalRegistered');
  return (
    <Section title={t('vault.settings.title')}>
      <dl className="grid max-w-4xl gap-x-8 gap-y-2 sm:grid-cols-[14rem_1fr]">
        <dt className="font-bold">{t('vault.settings.registeredPurpose')}</dt>
        <dd className="whitespace-pre-line">{file.registeredPurpose}</dd>
        <dt className="font-bold">{t('vault.settings.purposes')}</dt>
        <dd>
          <ul className="list-disc pl-6">
            {file.purposes.map((p) => (
              <li key={p.code}>
                {p.label}
                {p.myNumberAct && <MyNumberActBadge />}
              </li>
            ))}
          </ul>
        </dd>
        <dt className="font-bold">{t('vault.settings.important')}</dt>
        <dd>{file.important ? t('vault.settings.importantYes') : t('vault.settings.importantNo')}</dd>
        <dt className="font-bold">{t('vault.settings.terminal')}</dt>
        <dd>{terminal}</dd>
        <dt className="font-bold">{t('vault.settings.keyField')}</dt>
        <dd>{label(file.keyField)}</dd>
        <dt className="font-bold">{t('vault.settings.scopeField')}</dt>
        <dd>{label(file.scopeField)}</dd>
      </dl>
      <div className="mt-6 overflow-x-auto">
        <table className="data-table">
          <caption className="mb-2 text-left font-bold">
            {t('vault.settings.schema', { version: file.schemaVersion })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('vault.settings.field')}</th>
              <th scope="col">{t('vault.settings.type')}</th>
              <th scope="col">{t('vault.settings.sensitivity')}</th>
              <th scope="col">{t('vault.settings.search')}</th>
              <th scope="col">{t('vault.settings.required')}</th>
            </tr>
          </thead>
          <tbody>
            {file.fields.map((f) => (
              <tr key={f.key}>
                <th scope="row">{f.label}</th>
                <td>{t(`vault.types.${f.type}`)}</td>
                <td>{t(`vault.sensitivity.${f.sensitivity}`)}</td>
                <td>{t(`vault.searchModes.${f.searchable}`)}</td>
                <td>{f.required ? t('common.required') : t('common.optional')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Section>
  );
}
