import { useTranslation } from 'react-i18next';
import { CONTRACT_CLAUSES } from '../../../shared/api/provision-contracts.ts';
import { useDates } from '../../app/preferences.tsx';
import { useVaultFile } from '../vault/queries.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CLAUSES: readonly string[] = CONTRACT_CLAUSES;

/**
 * Whether a payload is a contract exception's (A19-1): by the request's kind where the caller gives
 * it, else by its shape ({ contractId, number, clauses }; a subcontract's has no clauses).
 */
const isContractException = (payload: Record<string, unknown>, kind?: string | null) =>
  kind ? kind === 'contract_exception' : 'contractId' in payload && Array.isArray(payload.clauses);

/** A payload value as text: dates in the person's calendar, lists joined, anything else as it is. */
function useValueText(): (value: unknown) => string {
  const { t } = useTranslation();
  const dates = useDates();
  const text = (value: unknown): string => {
    if (value === null || value === undefined || value === '') return '－';
    if (typeof value === 'boolean') return value ? t('approvals.yes') : t('approvals.no');
    if (typeof value === 'number') return String(value);
    if (typeof value === 'string') {
      if (ISO_DATE.test(value)) return dates.date(value);
      if (ISO_DATE_TIME.test(value)) return dates.dateTime(value);
      return value;
    }
    if (Array.isArray(value)) return value.length ? value.map(text).join('、') : '－';
    // e.g. a retention exception { reason }: its reason is what a reader needs.
    if (typeof value === 'object' && 'reason' in value) return text(value.reason);
    return JSON.stringify(value);
  };
  return text;
}

/**
 * The act's details of a request (its payload: ids and organisational facts only, ADR 0008 §2) as
 * label and value; a key the app has no words for is shown as it is, so nothing is hidden.
 */
export function PayloadList({
  payload,
  fileId,
  kind,
}: {
  payload: Record<string, unknown>;
  fileId?: string | null;
  /** The request's kind (e.g. contract_exception), for values only that kind's words name. */
  kind?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const valueText = useValueText();
  // The file's purposes and fields by their words, where the reader may see the file (its keepers do).
  const file = useVaultFile(fileId ?? '', 'purpose' in payload || 'fields' in payload).data;
  const exception = isContractException(payload, kind);
  const words = (key: string, value: unknown): unknown => {
    // A19-1: the clauses a contract lacks, in the words of the six clauses (not their codes).
    if (key === 'clauses' && exception && Array.isArray(value))
      return (value as unknown[]).map((c) =>
        typeof c === 'string' && CLAUSES.includes(c) ? t(`provision.clauses.${c}`) : c,
      );
    if (key === 'purpose' && typeof value === 'string')
      return file?.purposes.find((p) => p.code === value)?.label ?? value;
    if (key === 'fields' && Array.isArray(value))
      return (value as unknown[]).map((k) => file?.fields.find((f) => f.key === k)?.label ?? k);
    if (key === 'format' && (value === 'xlsx' || value === 'csv')) return t(`approvals.formats.${value}`);
    return value;
  };
  const entries = Object.entries(payload).map(([k, v]) => [k, words(k, v)] as const);
  if (entries.length === 0) return <p className="text-ink-muted">{t('approvals.detail.noPayload')}</p>;
  const label = (key: string) =>
    i18n.exists(`approvals.payload.${key}`) ? t(`approvals.payload.${key}`) : key;
  return (
    <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[minmax(10rem,auto)_1fr]">
      {entries.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="font-bold">{label(key)}</dt>
          {/* An id (of a person, a medium, a report) says little to a reader: shown small, as an id. */}
          <dd
            className={
              typeof value === 'string' && UUID.test(value)
                ? 'font-mono text-sm break-all text-ink-muted'
                : 'break-words'
            }
          >
            {valueText(value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
