import { useTranslation } from 'react-i18next';
import { useCan } from '../../../app/ability.ts';

/** The 「管理」 links of the log analysis the signed-in person may open (per the abilities sent). */
export function useLogAnalysisLinks(): { to: string; label: string; desc: string }[] {
  const { t } = useTranslation();
  const can = useCan();
  const links = [];
  if (can('read', 'LogAnalysisReport'))
    links.push({
      to: '/logs/analysis',
      label: t('logAnalysis.nav.reports'),
      desc: t('logAnalysis.adminDesc.reports'),
    });
  if (can('query', 'AccessLog'))
    links.push({
      to: '/logs/analysis/access',
      label: t('logAnalysis.nav.access'),
      desc: t('logAnalysis.adminDesc.access'),
    });
  return links;
}
