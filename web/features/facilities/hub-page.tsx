import { useTranslation } from 'react-i18next';

/** 「施設・機器」: the hub of issue 11. Skeleton — the devices/systems web helper writes it. */
export function FacilitiesHubPage() {
  const { t } = useTranslation();
  return <h1>{t('facilities.title')}</h1>;
}
