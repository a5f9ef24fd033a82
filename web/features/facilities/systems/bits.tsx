import { useTranslation } from 'react-i18next';
import { Badge } from '../../../ui/badge.tsx';

/** Small pieces of the information systems pages (issue 11; A23, A24, A28). */

/** A safeguard past its due day for checking (A23, A24), in words. */
export function CheckOverdueBadge({ count }: { count?: number }) {
  const { t } = useTranslation();
  return (
    <Badge tone="bad">
      {count === undefined
        ? t('facilities.systems.overdue')
        : t('facilities.systems.overdueCount', { count })}
    </Badge>
  );
}

/** The crumbs above every systems page. */
export function useSystemCrumbs() {
  const { t } = useTranslation();
  return [
    { label: t('facilities.title'), to: '/facilities' },
    { label: t('facilities.systems.title'), to: '/facilities/systems' },
  ];
}
