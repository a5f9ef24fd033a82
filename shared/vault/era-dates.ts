import { fail, ok, type ValueResult } from './value-codes.ts';

/**
 * Dates as they are typed in a Japanese office, 西暦 or 和暦, read into a calendar day 'YYYY-MM-DD'.
 * Each era by the day it began (令和: 2019-05-01, 平成: 1989-01-08, 昭和: 1926-12-25, 大正:
 * 1912-07-30); 元年 is year 1. A 和暦 date outside its era (令和1年4月30日, 平成元年1月7日,
 * 平成31年5月1日) is refused rather than moved to another day (A26: an entry matches its source).
 */
export const ERAS = [
  { name: '令和', letter: 'R', start: '2019-05-01' },
  { name: '平成', letter: 'H', start: '1989-01-08' },
  { name: '昭和', letter: 'S', start: '1926-12-25' },
  { name: '大正', letter: 'T', start: '1912-07-30' },
] as const;

/** Years a record may carry (a typo such as 0226 or 20266 is refused, not stored). */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

const SEPARATED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const KANJI = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const ERA =
  /^(令和|平成|昭和|大正|[RHST])(元|\d{1,3})(?:年(\d{1,2})月(\d{1,2})日|([-/.])(\d{1,2})\5(\d{1,2}))$/i;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** 'YYYY-MM-DD' when the day exists in the Gregorian calendar, else null. */
function calendarDay(y: number, m: number, d: number): string | null {
  if (y < FIRST_YEAR || y > LAST_YEAR || m < 1 || m > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d > last ? null : `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

function fromEra(m: RegExpExecArray): ValueResult<string> {
  const [, eraText = '', yearText = '', kYear, kDay, , sMonth, sDay] = m;
  const i = ERAS.findIndex((e) => e.name === eraText || e.letter === eraText.toUpperCase());
  const era = ERAS[i];
  if (!era) return fail('invalid_date');
  const year = yearText === '元' ? 1 : Number(yearText);
  if (year < 1) return fail('invalid_date');
  const day = calendarDay(
    Number(era.start.slice(0, 4)) + year - 1,
    Number(kYear ?? sMonth),
    Number(kDay ?? sDay),
  );
  if (!day) return fail('invalid_date');
  // ERAS runs newest first: the era before ends the day the next one (at i - 1) begins.
  const next = ERAS[i - 1];
  if (day < era.start || (next && day >= next.start)) return fail('era_out_of_range');
  return ok(day);
}

/**
 * Reads 2026-11-29, 2026/11/29, 2026.11.29, 2026年11月29日, 20261129, 令和8年11月29日, 令和元年5月1日,
 * R8.11.29, H31/4/30, S64-1-7 (full-width digits and ㋿-style era signs too) into '2026-11-29'.
 * Refuses with 'invalid_date' what is not a real day and 'era_out_of_range' what its era never had.
 */
export function parseDate(input: string): ValueResult<string> {
  const s = input.normalize('NFKC').replace(/\s+/g, '');
  if (s === '') return fail('required');
  const era = ERA.exec(s);
  if (era) return fromEra(era);
  const m = SEPARATED.exec(s) ?? KANJI.exec(s) ?? COMPACT.exec(s);
  if (!m) return fail('invalid_date');
  const parts = m.length === 5 ? [m[1], m[3], m[4]] : [m[1], m[2], m[3]];
  const day = calendarDay(Number(parts[0]), Number(parts[1]), Number(parts[2]));
  return day ? ok(day) : fail('invalid_date');
}

/**
 * A calendar day in 和暦 as offices write it: '2026-11-29' → '令和8年11月29日', the first year as 元年.
 * Days before 大正 are written in 西暦. Throws RangeError if the value is not 'YYYY-MM-DD'.
 */
export function formatEraDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not a calendar day: ${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const era = ERAS.find((e) => iso >= e.start);
  if (!era) return `${y}年${mo}月${d}日`;
  const year = y - Number(era.start.slice(0, 4)) + 1;
  return `${era.name}${year === 1 ? '元' : year}年${mo}月${d}日`;
}
