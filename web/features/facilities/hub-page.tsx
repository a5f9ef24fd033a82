import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../app/api.ts';
import { Page } from '../../ui/page.tsx';
import { Loading } from '../../ui/query-state.tsx';

/**
 * The four parts of 「施設・機器」 (issue 11), each with the list the server answers only to those
 * who may read it: devices and media (A14, A30), information systems (A23, A24, A28), server rooms
 * (A32, A33) and backups (A27).
 */
type Body = Record<string, unknown>;
const some = (v: unknown): boolean => Array.isArray(v) && v.length > 0;

interface Area {
  key: 'devices' | 'systems' | 'rooms' | 'backups';
  to: string;
  probe: string;
  /** From the list's answer: the reader has something there, or may add something. */
  offers: (body: Body) => boolean;
}
const AREAS: Area[] = [
  // A30: every member of a section reads its devices and may ask to bring one in.
  {
    key: 'devices',
    to: '/facilities/devices',
    probe: '/api/facilities/devices',
    offers: (b) => some(b.devices) || some(b.media) || some(b.keeperSections) || some(b.memberSections),
  },
  // A23, A24: the keepers and readers of systems; staff get an empty list.
  {
    key: 'systems',
    to: '/facilities/systems',
    probe: '/api/facilities/systems',
    offers: (b) => some(b.systems) || b.canCreate === true,
  },
  {
    key: 'rooms',
    to: '/facilities/rooms',
    probe: '/api/facilities/rooms',
    offers: (b) => some(b.rooms) || some(b.keepableSections),
  },
  // A27: the backups answer only those who read them.
  { key: 'backups', to: '/facilities/backups', probe: '/api/facilities/backups', offers: () => true },
];

/**
 * Whether the reader may open an area: its list answers with something for them, or refuses
 * (403/404). The server decides who reads what; the hub only asks, as the oversight hub asks
 * GET /api/oversight.
 */
function probe(area: Area) {
  return {
    queryKey: ['facilities', 'hub', area.key],
    queryFn: async () => {
      try {
        const body = await api<unknown>(area.probe);
        return typeof body === 'object' && body !== null && area.offers(body as Body);
      } catch (e) {
        if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return false;
        throw e;
      }
    },
    retry: false,
    staleTime: 60_000,
  };
}

function Card({ area }: { area: Area }) {
  const { t } = useTranslation();
  return (
    <li>
      <Link
        to={area.to}
        className="card block h-full no-underline hover:border-primary hover:bg-primary-soft"
      >
        <span className="block text-lg font-bold text-primary underline">
          {t(`facilities.hub.${area.key}.label`)}
        </span>
        <span className="mt-1 block text-ink">{t(`facilities.hub.${area.key}.desc`)}</span>
        <span className="mt-2 block text-sm text-ink-muted">{t(`facilities.hub.${area.key}.article`)}</span>
      </Link>
    </li>
  );
}

/** The cards, once every area has answered; a sentence when none may be read. */
function Cards() {
  const { t } = useTranslation();
  const answers = useQueries({ queries: AREAS.map(probe) });
  if (answers.some((a) => a.isPending)) return <Loading />;
  const shown = AREAS.filter((_, i) => answers[i]?.data === true);
  if (shown.length === 0) return <p className="text-ink-muted">{t('facilities.hub.nothing')}</p>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2">
      {shown.map((a) => (
        <Card key={a.key} area={a} />
      ))}
    </ul>
  );
}

/**
 * /facilities: 「施設・機器」 — the register of devices and media, the information systems, the server
 * rooms and the backups; a card is shown only where the reader may open the page behind it.
 */
export function FacilitiesHubPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('facilities.title')} lead={<p>{t('facilities.hub.lead')}</p>}>
      <Cards />
    </Page>
  );
}
