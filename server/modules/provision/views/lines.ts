import type { ContractSummaryView } from '../../../../shared/api/provision-contracts.ts';
import type {
  FileOverviewView,
  PartyKind,
  PartyOverviewView,
} from '../../../../shared/api/provision-parties.ts';
import type { ProvisionSummary } from '../../../../shared/api/provision-provisions.ts';

/**
 * The cross views as rows for people (A18, A19 "Views"): one row per provision (提供, A17–A18), per
 * contract (委託, A19-1; 派遣, A19-2) and per subcontractor in a contract's chain (再委託, A19-3).
 * Japanese words, as the XLSX and PDF exports show them.
 */
export const HEADER = [
  '区分',
  '番号',
  '相手方',
  '係',
  '状態',
  '根拠・形態',
  '目的・業務',
  '期間',
  '対象ファイル',
  '備考',
];
/** Relative widths of the columns (XLSX characters; PDF shares). */
export const WIDTHS = [10, 12, 26, 18, 12, 26, 34, 24, 26, 30];

export const PARTY_KIND_LABELS: Record<PartyKind, string> = {
  public_body: '国の行政機関',
  independent_agency: '独立行政法人等',
  local_government: '地方公共団体',
  company: '企業',
  research_partner: '研究機関等',
  other: 'その他',
};

const PROVISION_STATUS: Record<string, string> = {
  draft: '起案中',
  pending: '承認待ち',
  active: '提供中',
  rejected: '却下',
  closed: '終了',
};
const GROUND: Record<string, string> = {
  purpose: '利用目的内（経常的提供）',
  law: '法令に基づく（第17条第1項）',
  consent_or_self: '本人の同意・本人への提供（第17条第2項第1号）',
  public_body: '行政機関等への提供（第17条第2項第3号）',
  statistics_or_benefit: '統計・学術研究等（第17条第2項第4号）',
};
const FREQUENCY: Record<string, string> = { once: '一回限り', regular: '定期' };
const USE_FORM: Record<string, string> = {
  inspection: '閲覧',
  copy: '写しの交付',
  electronic: '電子データ',
  online: 'オンライン',
};
const CONTRACT_STATUS: Record<string, string> = {
  draft: '起案中',
  active: '契約中',
  ending: '終了手続中',
  closed: '終了',
};
const CONTRACT_KIND: Record<string, string> = {
  outsourcing: '業務委託',
  dispatch: '労働者派遣（第19条第2項）',
};
const SUBCONTRACT_STATUS: Record<string, string> = {
  requested: '許諾申請中',
  permitted: '許諾済',
  refused: '不許諾',
  withdrawn: '取下げ',
  working: '従事中',
  ended: '終了',
};

const label = (map: Record<string, string>, code: string) => map[code] ?? code;
const period = (from: string | null, to: string | null) => (from || to ? `${from ?? ''}〜${to ?? ''}` : '');

/** Names the lines need that the summaries carry as ids. */
export interface LineNames {
  sections: Map<string, string>;
  files: Map<string, string>;
}

export function provisionRow(p: ProvisionSummary, n: LineNames): string[] {
  return [
    '提供',
    p.number,
    p.partyName,
    n.sections.get(p.sectionId) ?? '',
    label(PROVISION_STATUS, p.status),
    [label(GROUND, p.ground), label(FREQUENCY, p.frequency), label(USE_FORM, p.useForm)].join('／'),
    p.recipientPurpose,
    period(p.startsOn, p.endsOn),
    p.fileIds.map((id) => n.files.get(id) ?? id).join('、'),
    p.isPublicBody ? '行政機関等（第18条第3項）' : '行政機関等以外（第18条第1項・第2項）',
  ];
}

function contractNote(c: ContractSummaryView): string {
  const notes: string[] = [];
  if (c.myNumber) notes.push('個人番号関係事務（第19条第4項）');
  if (c.missingClauses.length) notes.push(`第19条第1項の条項 ${c.missingClauses.length} 件不足`);
  if (c.expiring) notes.push('期間満了が近い又は経過');
  return notes.join('、');
}

export function contractRow(c: ContractSummaryView, files: string): string[] {
  return [
    '委託',
    c.number,
    c.partyName,
    c.sectionName,
    label(CONTRACT_STATUS, c.status),
    label(CONTRACT_KIND, c.kind),
    c.title,
    period(c.startsOn, c.endsOn),
    files,
    contractNote(c),
  ];
}

export function subcontractRow(
  c: ContractSummaryView,
  s: ContractSummaryView['subcontractors'][number],
  files: string,
): string[] {
  return [
    '再委託',
    c.number,
    s.partyName,
    c.sectionName,
    label(SUBCONTRACT_STATUS, s.status),
    `${s.depth}次再委託（第19条第3項）`,
    c.title,
    period(c.startsOn, c.endsOn),
    files,
    `委託先: ${c.partyName}`,
  ];
}

/** Who receives or processes a file: its provisions, contracts and their subcontractors. */
export function fileRows(v: FileOverviewView, n: LineNames): string[][] {
  return [
    ...v.provisions.map((p) => provisionRow(p, n)),
    ...v.contracts.flatMap((c) => [
      contractRow(c, v.file.name),
      ...c.subcontractors.map((s) => subcontractRow(c, s, v.file.name)),
    ]),
  ];
}

/** What a party receives or processes: its provisions, its contracts, and chains it works in. */
export function partyRows(v: PartyOverviewView, n: LineNames): string[][] {
  return [
    ...v.provisions.map((p) => provisionRow(p, n)),
    ...v.contracts.flatMap((c) =>
      c.partyId === v.party.id
        ? [contractRow(c, '')]
        : c.subcontractors.filter((s) => s.partyId === v.party.id).map((s) => subcontractRow(c, s, '')),
    ),
  ];
}
