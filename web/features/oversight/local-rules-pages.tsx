import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LocalRuleView } from '../../../shared/api/oversight.ts';
import { useDates } from '../../app/preferences.tsx';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { Badge } from '../../ui/badge.tsx';
import { TermItem } from '../../ui/term-list.tsx';
import { DocumentLink } from './bits.tsx';
import { LocalRuleForm } from './local-rule-form.tsx';
import { useLocalRule, useLocalRules } from './queries.ts';

const crumbs = (t: (k: string) => string, last?: string) => [
  { label: t('oversight.hub.title'), to: '/oversight' },
  last
    ? { label: t('oversight.localRules.title'), to: '/oversight/local-rules' }
    : { label: t('oversight.localRules.title') },
  ...(last ? [{ label: last }] : []),
];

/** 施行中 / 失効 in words. */
function StateBadge({ rule }: { rule: LocalRuleView }) {
  const { t } = useTranslation();
  return rule.superseded ? (
    <Badge tone="plain">{t('oversight.localRules.superseded')}</Badge>
  ) : (
    <Badge tone="good">{t('oversight.localRules.inForce')}</Badge>
  );
}

/** One table of rules (organisation-wide, or the units'), in force first, then the latest. */
function RulesTable({
  rules,
  caption,
  withUnit,
}: {
  rules: LocalRuleView[];
  caption: string;
  withUnit: boolean;
}) {
  const { t } = useTranslation();
  const dates = useDates();
  const k = 'oversight.localRules';
  const sorted = [...rules].sort(
    (a, b) =>
      (a.unitName ?? '').localeCompare(b.unitName ?? '', 'ja') ||
      Number(a.superseded) - Number(b.superseded) ||
      b.effectiveOn.localeCompare(a.effectiveOn) ||
      a.id.localeCompare(b.id),
  );
  if (sorted.length === 0) return <p className="text-ink-muted">{t(`${k}.none`)}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="data-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {withUnit && <th scope="col">{t(`${k}.unit`)}</th>}
            <th scope="col">{t(`${k}.ruleTitle`)}</th>
            <th scope="col">{t(`${k}.number`)}</th>
            <th scope="col">{t(`${k}.effectiveOn`)}</th>
            <th scope="col">{t('oversight.col.status')}</th>
            <th scope="col">{t(`${k}.document`)}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.id} className={r.superseded ? 'text-ink-muted' : undefined}>
              {withUnit && <td>{r.unitName}</td>}
              <th scope="row">
                <Link to={`/oversight/local-rules/${r.id}`}>{r.title}</Link>
              </th>
              <td>{r.number ?? '—'}</td>
              <td>{dates.date(r.effectiveOn)}</td>
              <td>
                <StateBadge rule={r} />
              </td>
              <td>{r.document ? <DocumentLink href={r.document.path} name={r.document.fileName} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * /oversight/local-rules: 細則 (A40) — rules the 総括管理者 made for the organisation (A40-1) and those
 * each unit's 総括保護管理者 made for the unit (A40-2). Staff read the organisation's and their unit's.
 */
export function LocalRulesPage() {
  const { t } = useTranslation();
  const [hideSuperseded, setHideSuperseded] = useState(false);
  const rules = useLocalRules({ superseded: hideSuperseded ? 'exclude' : 'include' });
  const k = 'oversight.localRules';
  return (
    <Page title={t(`${k}.title`)} crumbs={crumbs(t)} lead={<p>{t(`${k}.lead`)}</p>}>
      <label className="flex min-h-12 items-center gap-2">
        <input
          type="checkbox"
          className="size-6 accent-primary"
          checked={hideSuperseded}
          onChange={(e) => setHideSuperseded(e.target.checked)}
        />
        {t(`${k}.hideSuperseded`)}
      </label>
      <QueryState query={rules}>
        {(l) => (
          <>
            <Section title={t(`${k}.organisationRules`)}>
              <RulesTable
                rules={l.rules.filter((r) => r.unitId === null)}
                caption={t(`${k}.organisationRules`)}
                withUnit={false}
              />
            </Section>
            <Section title={t(`${k}.unitRules`)}>
              <RulesTable
                rules={l.rules.filter((r) => r.unitId !== null)}
                caption={t(`${k}.unitRules`)}
                withUnit
              />
            </Section>
            {(l.canEdit.organisation || l.canEdit.unitIds.length > 0) && (
              <Section title={t(`${k}.new`)}>
                <LocalRuleForm canEdit={l.canEdit} />
              </Section>
            )}
          </>
        )}
      </QueryState>
    </Page>
  );
}

function RuleDetail({ rule: r }: { rule: LocalRuleView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const k = 'oversight.localRules';
  return (
    <>
      <dl className="max-w-4xl">
        <TermItem term={t(`${k}.scope`)}>
          {r.unitName ?? t(`${k}.organisation`)}
          <span className="ml-2 text-sm text-ink-muted">
            {t(`${k}.article.${r.article === 'A40-1' ? 'a401' : 'a402'}`)}
          </span>
        </TermItem>
        <TermItem term={t(`${k}.number`)}>{r.number ?? '—'}</TermItem>
        <TermItem term={t(`${k}.effectiveOn`)}>{dates.date(r.effectiveOn)}</TermItem>
        <TermItem term={t('oversight.col.status')}>
          <StateBadge rule={r} />
        </TermItem>
        <TermItem term={t(`${k}.document`)}>
          {r.document ? (
            <DocumentLink href={r.document.path} name={r.document.fileName} />
          ) : (
            t(`${k}.noDocument`)
          )}
        </TermItem>
      </dl>
      {r.canEdit && (
        <Section title={t(`${k}.edit`)}>
          <LocalRuleForm rule={r} />
        </Section>
      )}
    </>
  );
}

/** /oversight/local-rules/:id: one supplementary rule (A40), its PDF; its keeper may revise it. */
export function LocalRulePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const rule = useLocalRule(id);
  const title = rule.data?.title ?? t('oversight.localRules.one');
  return (
    <Page title={title} crumbs={crumbs(t, title)}>
      <QueryState query={rule}>{(r) => <RuleDetail rule={r} />}</QueryState>
    </Page>
  );
}
