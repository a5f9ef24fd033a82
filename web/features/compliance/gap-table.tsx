import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ComplianceGapView } from '../../../shared/api/compliance.ts';
import { GapBadge, useRoleLabel } from '../organisation/labels.tsx';
import { ColourBadge, useArticleLabel, useFamilyLabel } from './labels.tsx';

/**
 * Gaps with the page of the records behind each (issue 10's drill-down): what, how grave, where,
 * who must act, under which article, and a link to the records. `extra` adds columns (new gaps).
 */
export function GapTable<G extends ComplianceGapView>({
  gaps,
  caption,
  showFamily = false,
  extra,
}: {
  gaps: G[];
  caption: string;
  showFamily?: boolean;
  extra?: { header: string; cell: (g: G) => ReactNode };
}) {
  const { t } = useTranslation();
  const roleLabel = useRoleLabel();
  const article = useArticleLabel();
  const familyLabel = useFamilyLabel();
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('compliance.cell.kind')}</th>
            <th scope="col">{t('compliance.cell.severity')}</th>
            <th scope="col">{t('compliance.cell.where')}</th>
            <th scope="col">{t('compliance.cell.role')}</th>
            <th scope="col">{t('compliance.cell.article')}</th>
            {extra && <th scope="col">{extra.header}</th>}
            <th scope="col">{t('compliance.cell.records')}</th>
          </tr>
        </thead>
        <tbody>
          {gaps.map((g) => {
            const where =
              [g.unitName, g.sectionName].filter(Boolean).join(' ') || t('compliance.matrix.organisation');
            const label = g.label ?? t(`gapKinds.${g.kind}`);
            return (
              <tr key={g.key}>
                <th scope="row">
                  <GapBadge kind={g.kind} />
                  {g.label && <span className="mt-1 block font-normal">{g.label}</span>}
                </th>
                <td>
                  <ColourBadge colour={g.severity} />
                </td>
                <td>{where}</td>
                <td>{roleLabel(g.role)}</td>
                <td className="whitespace-nowrap">
                  {article(g.article)}
                  {showFamily && (
                    <span className="block text-sm text-ink-muted">{familyLabel(g.family)}</span>
                  )}
                </td>
                {extra && <td>{extra.cell(g)}</td>}
                <td>
                  <Link to={g.path} className="btn-secondary btn-sm">
                    {t('compliance.cell.open')}
                    <span className="sr-only">{t('compliance.cell.openLabel', { label, where })}</span>
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
