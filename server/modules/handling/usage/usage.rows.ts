import type { LedgerRowView, UsageAct } from '../../../../shared/api/handling-usage.ts';
import { IMPORT_TYPE, RECORD_USE_TYPES } from './usage.repo.ts';
import { tokyoDay } from './period.ts';

/** A row before names are put on it. */
export type RowDraft = Omit<LedgerRowView, 'personName' | 'employeeNumber' | 'purposeLabel'> & {
  actorLabel: string;
};

/** What the ledger is built from (rows of usageRepo). */
export interface Sources {
  fileId: string;
  fileEntries: Entry[];
  recordEntries: Entry[];
  exports: {
    person_id: string;
    format: string;
    records: number;
    created_at: string;
    deleted_at: string | null;
    local_deleted_at: string | null;
    number: string | null;
    payload: string | null;
  }[];
  movements: {
    kind: string;
    recipient: string;
    means: string;
    done_at: string | null;
    done_by: string | null;
    due_back: string | null;
    returned_at: string | null;
    number: string | null;
    payload: string | null;
    record_ids: string | null;
    requested_by: string | null;
  }[];
  corrections: {
    fields: string;
    corrected_by: string | null;
    corrected_at: string | null;
    number: string | null;
  }[];
  disposals: {
    certificate: string;
    kind: string;
    records: number;
    method: string;
    executed_by: string;
    executed_at: string;
    number: string | null;
  }[];
  outOfPurpose: {
    id: string;
    number: string;
    record_ids: string | null;
    payload: string;
    requested_by: string;
    done_at: string | null;
  }[];
  /** The payloads of handling.out_of_purpose_done audit entries, by request id. */
  outOfPurposeDone: Map<string, string>;
  fieldLabel: (key: string) => string;
}

export interface Entry {
  seq: number | string | bigint;
  type: string;
  occurred_at: string;
  actor_id: string | null;
  actor_label: string;
  purpose: string | null;
  payload: string;
}

const json = (text: string | null): Record<string, unknown> => {
  if (!text) return {};
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const idCount = (text: string | null) => {
  if (!text) return 0;
  const v = JSON.parse(text) as unknown;
  return Array.isArray(v) ? v.length : 0;
};

/** The purpose an act's request names (its payload's code), if any. */
const purposeOfPayload = (payload: string | null) => {
  const p = json(payload);
  return str(p.purposeCode) ?? str(p.purpose);
};

const EXPORTED = 'vault.records_exported';

/** A17-2's grounds (各号) and modes, as the ledger notes them. */
const GROUND_JA: Record<string, string> = {
  consent_or_self: '第1号（本人の同意・本人への提供）',
  internal_necessary: '第2号（法令の事務に必要な内部利用）',
  public_body: '第3号（行政機関等への提供）',
  statistics_or_benefit: '第4号（統計・学術研究・本人の利益等）',
};
const MODE_JA: Record<string, string> = { use: '内部での利用', provide: '提供' };

/** How many records a log entry names (its ids; an import its count; a record's change one). */
function recordsOf(e: Entry, p: Record<string, unknown>): number {
  if ((RECORD_USE_TYPES as readonly string[]).includes(e.type)) return 1;
  if (e.type === IMPORT_TYPE) return typeof p.count === 'number' ? p.count : 0;
  return Array.isArray(p.records) ? p.records.length : 0;
}

/**
 * The log's entries as rows of uses (A16 「利用」), grouped per Tokyo day × person × purpose × what
 * was done: how many times and how many records. A CSV taken out of the vault is a copy (A12(1)); the
 * read behind an approved export (its entry names the export) is that export's row, not a second one.
 * Audit entries of records' changes are kept only when their payload names this file.
 */
function logRows(s: Sources): RowDraft[] {
  const groups = new Map<string, RowDraft>();
  const entries = [
    ...s.fileEntries,
    ...s.recordEntries.filter((e) => json(e.payload).fileId === s.fileId),
  ].sort((a, b) => Number(a.seq) - Number(b.seq));
  for (const e of entries) {
    const p = json(e.payload);
    if (e.type === EXPORTED && p.exportId) continue;
    const day = tokyoDay(e.occurred_at);
    const purposeCode = str(p.purposeCode);
    const key = [day, e.actor_id ?? e.actor_label, purposeCode ?? e.purpose ?? '', e.type].join('|');
    const records = recordsOf(e, p);
    const row = groups.get(key);
    if (row) {
      row.times += 1;
      row.records += records;
      continue;
    }
    groups.set(key, {
      at: e.occurred_at,
      day,
      act: e.type === EXPORTED ? 'copy' : 'use',
      operation: e.type,
      personId: e.actor_id,
      actorLabel: e.actor_label,
      purposeCode: purposeCode ?? e.purpose,
      times: 1,
      records,
      requestNumber: null,
      note: '',
    });
  }
  return [...groups.values()];
}

const act = (
  at: string,
  a: UsageAct,
  operation: string,
  personId: string | null,
  over: Partial<RowDraft>,
): RowDraft => ({
  at,
  day: tokyoDay(at),
  act: a,
  operation,
  personId,
  actorLabel: '',
  purposeCode: null,
  times: 1,
  records: 0,
  requestNumber: null,
  note: '',
  ...over,
});

const MOVEMENT_ACTS: Record<string, UsageAct> = {
  transmit: 'transmit',
  send_out: 'send_out',
  take_out: 'take_out',
};

/** The acts of the handling tables, one row each (A12, A13, A15, A17-2, A24の2). */
function actRows(s: Sources): RowDraft[] {
  const rows: RowDraft[] = [];
  for (const e of s.exports) {
    const state = e.deleted_at
      ? `（${tokyoDay(e.deleted_at)} 削除済み${e.local_deleted_at ? '・手元の複製削除確認済み' : ''}）`
      : '';
    rows.push(
      act(e.created_at, 'copy', 'export', e.person_id, {
        purposeCode: purposeOfPayload(e.payload),
        records: e.records,
        requestNumber: e.number,
        note: `形式：${e.format}${state}`,
      }),
    );
  }
  for (const m of s.movements) {
    const a = MOVEMENT_ACTS[m.kind];
    if (!a || !m.done_at) continue;
    const back =
      a !== 'take_out'
        ? ''
        : m.returned_at
          ? `／返却：${tokyoDay(m.returned_at)}`
          : m.due_back
            ? `／返却予定：${m.due_back.slice(0, 10)}`
            : '';
    rows.push(
      act(m.done_at, a, m.kind, m.done_by ?? m.requested_by, {
        purposeCode: purposeOfPayload(m.payload),
        records: idCount(m.record_ids),
        requestNumber: m.number,
        note: `宛先：${m.recipient}／方法：${m.means}${back}`,
      }),
    );
  }
  for (const c of s.corrections) {
    if (!c.corrected_at) continue;
    const fields = (JSON.parse(c.fields) as string[]).map(s.fieldLabel).join('、');
    rows.push(
      act(c.corrected_at, 'correction', 'correction', c.corrected_by, {
        records: 1,
        requestNumber: c.number,
        note: fields ? `項目：${fields}` : '',
      }),
    );
  }
  for (const d of s.disposals)
    rows.push(
      act(d.executed_at, 'disposal', `dispose_${d.kind}`, d.executed_by, {
        records: d.records,
        requestNumber: d.number,
        note: `証明書：${d.certificate}／方法：${d.method}`,
      }),
    );
  for (const r of s.outOfPurpose) {
    if (!r.done_at) continue;
    const asked = json(r.payload);
    const done = json(s.outOfPurposeDone.get(r.id) ?? null);
    const ground = str(done.ground) ?? str(asked.ground);
    const mode = str(done.mode) ?? str(asked.mode);
    const recipient = str(done.recipient);
    const note = [
      ground ? `根拠：${GROUND_JA[ground] ?? ground}` : '',
      mode ? `形態：${MODE_JA[mode] ?? mode}` : '',
      recipient ? `提供先：${recipient}` : '',
    ].filter(Boolean);
    rows.push(
      act(r.done_at, 'out_of_purpose', 'out_of_purpose', r.requested_by, {
        purposeCode: purposeOfPayload(r.payload),
        records: typeof done.records === 'number' ? done.records : idCount(r.record_ids),
        requestNumber: r.number,
        note: note.join('／'),
      }),
    );
  }
  return rows;
}

/** Every row of the period, newest first. */
export function buildRows(s: Sources): RowDraft[] {
  return [...logRows(s), ...actRows(s)].sort((a, b) =>
    a.at === b.at ? a.operation.localeCompare(b.operation) : a.at < b.at ? 1 : -1,
  );
}

export interface RowFilter {
  act?: UsageAct | undefined;
  personId?: string | undefined;
  purpose?: string | undefined;
}

export const matchesFilter = (r: Pick<RowDraft, 'act' | 'personId' | 'purposeCode'>, f: RowFilter) =>
  (!f.act || r.act === f.act) &&
  (!f.personId || r.personId === f.personId) &&
  (!f.purpose || r.purposeCode === f.purpose);
