import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OversightHubView } from '../../../shared/api/oversight.ts';
import { ApiError } from '../../app/api.ts';
import { useDates } from '../../app/preferences.tsx';
import { useSignedIn } from '../../app/session.ts';
import { todayInTokyo } from '../../ui/format-date.ts';
import { Page, Section } from '../../ui/page.tsx';
import { QueryState } from '../../ui/query-state.tsx';
import { useCommittee, useGuidanceList, useHistorical, useHub, useLocalRules } from './queries.ts';

type Area = keyof OversightHubView['can'];

/** A card of the hub: what the page holds, the article behind it and what awaits the reader there. */
function Card({ to, area, status }: { to: string; area: Area; status: ReactNode }) {
  const { t } = useTranslation();
  return (
    <li>
      <Link to={to} className="card block h-full no-underline hover:border-primary hover:bg-primary-soft">
        <span className="block text-lg font-bold text-primary underline">
          {t(`oversight.hub.${area}.label`)}
        </span>
        <span className="mt-1 block text-ink">{t(`oversight.hub.${area}.desc`)}</span>
        <span className="mt-2 block font-bold text-ink-strong">{status}</span>
        <span className="mt-2 block text-sm text-ink-muted">{t(`oversight.hub.${area}.article`)}</span>
      </Link>
    </li>
  );
}

/** A9: the next meeting scheduled, or none. */
function CommitteeStatus() {
  const { t } = useTranslation();
  const dates = useDates();
  const committee = useCommittee();
  if (!committee.data) return null;
  const today = todayInTokyo();
  const next = committee.data.meetings
    .filter((m) => m.status === 'scheduled' && m.heldOn >= today)
    .sort((a, b) => a.heldOn.localeCompare(b.heldOn))[0];
  return next
    ? t('oversight.hub.committee.next', { date: dates.date(next.heldOn), place: next.place })
    : t('oversight.hub.committee.noNext');
}

function GuidanceStatus() {
  const { t } = useTranslation();
  const dates = useDates();
  const list = useGuidanceList();
  if (!list.data) return null;
  const latest = [...list.data.guidance].sort((a, b) => b.receivedOn.localeCompare(a.receivedOn))[0];
  return latest
    ? t('oversight.hub.guidance.count', {
        count: list.data.guidance.length,
        date: dates.date(latest.receivedOn),
      })
    : t('oversight.hub.guidance.none');
}

function LocalRulesStatus() {
  const { t } = useTranslation();
  const list = useLocalRules({ superseded: 'exclude' });
  if (!list.data) return null;
  return t('oversight.hub.localRules.count', { count: list.data.rules.length });
}

function HistoricalStatus() {
  const { t } = useTranslation();
  const list = useHistorical({ status: 'marked' });
  if (!list.data) return null;
  return t('oversight.hub.historical.count', { count: list.data.files.length });
}

function Cards({ hub }: { hub: OversightHubView }) {
  const { t } = useTranslation();
  const { can, counts } = hub;
  const inspections = [
    counts.inspectionsOverdue > 0 &&
      t('oversight.hub.inspections.overdue', { count: counts.inspectionsOverdue }),
    counts.inspectionsToAcknowledge > 0 &&
      t('oversight.hub.inspections.toAcknowledge', { count: counts.inspectionsToAcknowledge }),
  ].filter(Boolean);
  const cards: { area: Area; to: string; status: ReactNode }[] = [
    {
      area: 'inspections',
      to: '/oversight/inspections',
      status: inspections.length ? inspections.join('・') : t('oversight.hub.inspections.none'),
    },
    {
      area: 'evaluations',
      to: '/oversight/evaluations',
      status:
        counts.openActions > 0
          ? t('oversight.hub.evaluations.open', { count: counts.openActions })
          : t('oversight.hub.evaluations.none'),
    },
    { area: 'committee', to: '/oversight/committee', status: <CommitteeStatus /> },
    { area: 'guidance', to: '/oversight/guidance', status: <GuidanceStatus /> },
    { area: 'localRules', to: '/oversight/local-rules', status: <LocalRulesStatus /> },
    { area: 'historical', to: '/oversight/historical', status: <HistoricalStatus /> },
  ];
  const shown = cards.filter((c) => can[c.area]);
  if (shown.length === 0) return <p className="text-ink-muted">{t('oversight.hub.nothing')}</p>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {shown.map((c) => (
        <Card key={c.area} {...c} />
      ))}
    </ul>
  );
}

/**
 * Staff without a role of the rule are refused the hub (403) but read the supplementary rules of the
 * organisation and of their unit (A40): the hub then offers those alone.
 */
const STAFF_VIEW: OversightHubView = {
  can: {
    inspections: false,
    evaluations: false,
    committee: false,
    guidance: false,
    localRules: true,
    historical: false,
  },
  counts: { inspectionsOverdue: 0, inspectionsToAcknowledge: 0, openActions: 0, meetingsScheduled: 0 },
};

/** The roles the navigation shows 監査 to (web/app/shell.tsx; A36). */
const AUDIT_READERS = [
  'audit_officer',
  'chief_manager',
  'president',
  'chief_protection_manager',
  'protection_manager',
];

/** Related pages of issue 10, where the reader may see them: audits (A36), training (A10), the overview. */
function Related() {
  const { t } = useTranslation();
  const { roles, permissions } = useSignedIn();
  const links = [
    roles.some((r) => AUDIT_READERS.includes(r.role)) && { to: '/audits', key: 'audits' },
    { to: '/training', key: 'training' },
    permissions.viewGaps && { to: '/compliance', key: 'compliance' },
  ].filter((l): l is { to: string; key: string } => Boolean(l));
  return (
    <Section title={t('oversight.hub.related')}>
      <ul className="grid gap-2">
        {links.map((l) => (
          <li key={l.to}>
            <Link to={l.to} className="font-bold">
              {t(`oversight.hub.links.${l.key}.label`)}
            </Link>
            <span className="ml-2 text-ink-muted">{t(`oversight.hub.links.${l.key}.desc`)}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/**
 * /oversight: 「点検・評価・委員会」 — inspections (A37) and evaluation (A38), the committee (A9),
 * guidance from ministries (A39), supplementary rules (A40) and historical materials (A41). The
 * server says which of them the reader may open (GET /api/oversight); each card says what awaits.
 */
export function OversightHubPage() {
  const { t } = useTranslation();
  const hub = useHub();
  const forbidden = hub.error instanceof ApiError && hub.error.status === 403;
  return (
    <Page title={t('oversight.hub.title')} lead={<p>{t('oversight.hub.lead')}</p>}>
      {/* Each card's own query runs only when the card is shown (the reader may open its page). */}
      {forbidden ? (
        <Cards hub={STAFF_VIEW} />
      ) : (
        <QueryState query={hub}>{(h) => <Cards hub={h} />}</QueryState>
      )}
      <Related />
    </Page>
  );
}
