/**
 * The values of an imported register's cells (A20-1): the words the public register, our downloads
 * and people in college offices write for the same thing — 有/無, 該当/非該当, 第1号/電算, －.
 */
import {
  EXEMPTION_LABELS,
  EXEMPTIONS,
  type Exemption,
  type FileKind,
  type Importance,
  type Sensitivity,
} from '../../../../shared/register-fields.ts';

/** What the public register writes for "nothing" (－), and its look-alikes. */
const EMPTY_MARKS = new Set(['－', '-', '‐', '−', '―', '—', '–']);

/**
 * A cell as text: line ends as \n, trimmed, the apostrophe our downloads put before a cell that
 * looks like a formula removed (platform/tabular spreadsheetSafe), and '－' read as empty.
 */
export function cellValue(raw: string): string {
  let s = raw.replace(/\r\n?/g, '\n').trim();
  if (/^'[=+\-@\t\r]/.test(s)) s = s.slice(1);
  return EMPTY_MARKS.has(s) ? '' : s;
}

/** For matching words: NFKC, no whitespace, no thousands separators or middle dots, lower case. */
export const wordKey = (s: string): string =>
  s
    .normalize('NFKC')
    .replace(/[\s,、・･]/gu, '')
    .toLowerCase();

const TRUE_WORDS = new Set(
  [
    '有',
    'あり',
    '有り',
    '該当',
    '該当する',
    '含む',
    '含まれる',
    '要配慮個人情報が含まれる',
    '要配慮個人情報を含む',
    'はい',
    'yes',
    'y',
    'true',
    '1',
    '○',
    '◯',
    '〇',
  ].map(wordKey),
);
const FALSE_WORDS = new Set(
  [
    '',
    '無',
    'なし',
    '無し',
    '非該当',
    '該当しない',
    '該当なし',
    '含まない',
    '含まれない',
    'いいえ',
    'no',
    'n',
    'false',
    '0',
    '×',
    '✕',
  ].map(wordKey),
);

/** 有/無, 該当/非該当, 含む… → boolean; undefined when it is none of them. */
export function parseBoolean(s: string): boolean | undefined {
  const k = wordKey(s);
  if (TRUE_WORDS.has(k)) return true;
  if (FALSE_WORDS.has(k)) return false;
  return undefined;
}

/** 法60②: 第1号（電算処理ファイル） or 第2号（マニュアル処理ファイル）, in any of the usual words. */
export function parseKind(s: string): FileKind | undefined {
  const k = wordKey(s);
  const computer = /第1号|電算|電子計算機|computer|^1$/.test(k);
  const manual = /第2号|マニュアル|手作業|紙|manual|^2$/.test(k);
  if (computer === manual) return undefined;
  return computer ? 'computer' : 'manual';
}

const EXEMPTION_WORDS = new Map<string, Exemption>();
for (const e of EXEMPTIONS) {
  EXEMPTION_WORDS.set(wordKey(e), e);
  EXEMPTION_WORDS.set(wordKey(EXEMPTION_LABELS[e].ja), e);
  EXEMPTION_WORDS.set(wordKey(EXEMPTION_LABELS[e].en), e);
}
for (const [w, e] of [
  ['', 'none'],
  ['公表', 'none'],
  ['公表あり', 'none'],
  ['公表する', 'none'],
  ['published', 'none'],
  ['人事給与', 'personnel'],
  ['1000人未満', 'under_1000'],
  ['他ファイルに包含', 'contained'],
  ['事務に支障', 'impede'],
] as const) {
  EXEMPTION_WORDS.set(wordKey(w), e);
}
/** Words (and articles of the law) that point at one ground when the cell is written more freely. */
const EXEMPTION_HINTS: [RegExp, Exemption][] = [
  [/人事|給与|福利厚生|personnel|第74条第2項第3号/, 'personnel'],
  [/1000人未満|under_?1000|第74条第2項第9号/, 'under_1000'],
  [/包含|全部が含まれる|contained|第74条第2項第10号/, 'contained'],
  [/支障|impede|第75条第3項/, 'impede'],
];

/** 公表する, a ground for not publishing (法74②, 75③) by its label, short form or key. */
export function parseExemption(s: string): Exemption | undefined {
  const k = wordKey(s);
  const exact = EXEMPTION_WORDS.get(k);
  if (exact) return exact;
  const hits = [...new Set(EXEMPTION_HINTS.filter(([re]) => re.test(k)).map(([, e]) => e))];
  return hits.length === 1 ? hits[0] : undefined;
}

export const SENSITIVITY_WORDS = new Map<string, Sensitivity>(
  (
    [
      ['', 'ordinary'],
      ['通常', 'ordinary'],
      ['一般', 'ordinary'],
      ['ordinary', 'ordinary'],
      ['要配慮', 'sensitive'],
      ['sensitive', 'sensitive'],
      ['特に要配慮', 'highly_sensitive'],
      ['機微', 'highly_sensitive'],
      ['highly_sensitive', 'highly_sensitive'],
      ['highlysensitive', 'highly_sensitive'],
    ] as const
  ).map(([w, v]) => [wordKey(w), v]),
);
export const IMPORTANCE_WORDS = new Map<string, Importance>(
  (
    [
      ['', 'medium'],
      ['低', 'low'],
      ['low', 'low'],
      ['中', 'medium'],
      ['普通', 'medium'],
      ['medium', 'medium'],
      ['高', 'high'],
      ['high', 'high'],
    ] as const
  ).map(([w, v]) => [wordKey(w), v]),
);

/**
 * The lines of a list cell (記録項目, 連携システム). The public register numbers 記録項目 one to a line
 * ("1 氏名\n2 住所"); registers kept elsewhere often write them on one line ("1 氏名、2 住所"). A
 * leading number is taken off only when the lines are numbered 1, 2, 3… in order, so an item that
 * merely starts with a number keeps it.
 */
export function splitItems(cell: string): string[] {
  if (cell === '') return [];
  let lines = cell
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 1) lines = splitNumberedLine(lines[0]!);
  const numbered = /^([0-9０-９]+)(?:[.．)）:：]\s*|\s+)(.*)$/u;
  const parts = lines.map((l) => numbered.exec(l));
  const sequential = parts.every((m, i) => m && Number(m[1]!.normalize('NFKC')) === i + 1 && m[2]!.trim());
  const items = sequential ? parts.map((m) => m![2]!) : lines;
  return items.map((l) => l.replace(/[、，,]\s*$/u, '').trim()).filter(Boolean);
}

/** "1 氏名、2 住所、3 電話番号" → its numbered parts; any other line stays whole. */
function splitNumberedLine(line: string): string[] {
  if (!/^[1１](?:[.．)）:：]|\s)/u.test(line)) return [line];
  const out: string[] = [];
  let rest = line;
  for (let n = 2; ; n++) {
    const digits = `(?:${n}|${String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)))})`;
    const next = new RegExp(`[、，,;；\\s]\\s*${digits}(?:[.．)）:：]|\\s)`, 'u').exec(rest);
    if (!next) break;
    out.push(rest.slice(0, next.index));
    rest = rest.slice(next.index + 1).trimStart();
  }
  out.push(rest);
  return out;
}

// ───────────────────────────── one row ─────────────────────────────
