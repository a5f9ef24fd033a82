import { formatEraDate } from './era-dates.ts';
import type { FieldType } from './field-types.ts';
import type { FieldValue, PostalAddress } from './field-values.ts';

/**
 * How stored values are shown: whole, or masked for someone who may know a record exists but not
 * read the field. A7の2 / A11の2: a My Number is shown only to its 取扱担当者, so its mask keeps
 * nothing of it, not even its length. Deciding who sees what is the caller's (the server's) job.
 */
export const MY_NUMBER_MASK = '**** **** ****';
const MASK = '●●●';

export type DisplayLocale = 'ja' | 'en';
export type DisplayCalendar = 'japanese' | 'gregorian';

/**
 * A Japanese number in its usual groups: 090-1234-5678, 03-1234-5678, 0120-123-456, 042-668-5111.
 * The groups follow the number's kind; four- and five-digit area codes (0467-…) are shown 3-3-4, as
 * the stored digits do not say where the area code ends.
 */
export function formatPhone(digits: string): string {
  const group = (...sizes: number[]) => {
    const parts: string[] = [];
    let at = 0;
    for (const size of sizes) parts.push(digits.slice(at, (at += size)));
    return parts.join('-');
  };
  if (!/^0\d{9,10}$/.test(digits)) return digits;
  if (digits.length === 11) return digits.startsWith('0800') ? group(4, 3, 4) : group(3, 4, 4);
  if (/^0(?:120|570|800)/.test(digits)) return group(4, 3, 3);
  if (/^0[36]/.test(digits)) return group(2, 4, 4);
  return group(3, 3, 4);
}

/**
 * A value as shown when the viewer may not read it: a My Number as '**** **** ****', a phone number
 * with its last four digits, a mail address with its first character and its domain, anything else
 * as '●●●'. An empty value is ''.
 */
export function maskValue(type: FieldType, value: FieldValue | null): string {
  if (value === null) return '';
  if (type === 'my_number') return MY_NUMBER_MASK;
  if (type === 'phone' && typeof value === 'string' && value.length >= 8) return `●●●●-${value.slice(-4)}`;
  if (type === 'mail' && typeof value === 'string') {
    const at = value.lastIndexOf('@');
    if (at > 0) return `${Array.from(value)[0]}${MASK}${value.slice(at)}`;
  }
  return MASK;
}

const isAddress = (v: FieldValue): v is PostalAddress => typeof v === 'object';

function formatDay(iso: string, locale: DisplayLocale, calendar: DisplayCalendar): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (locale === 'en')
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
      Date.UTC(y, m - 1, d),
    );
  return calendar === 'japanese' ? formatEraDate(iso) : `${y}年${m}月${d}日`;
}

/**
 * A stored value as shown to someone who may read it: dates in 和暦 (ja, by default) or 西暦,
 * numbers with separators, '〒192-8610 東京都…', phone numbers grouped, a My Number in three groups
 * of four as on the card. An empty value is ''.
 */
export function displayValue(
  type: FieldType,
  value: FieldValue | null,
  locale: DisplayLocale,
  calendar: DisplayCalendar = locale === 'ja' ? 'japanese' : 'gregorian',
): string {
  if (value === null) return '';
  if (isAddress(value)) return `〒${value.postalCode} ${value.address}`;
  // Every stored decimal is shown: a record is not rounded on screen.
  if (typeof value === 'number')
    return value.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: 20 });
  switch (type) {
    case 'date':
      return formatDay(value, locale, calendar);
    case 'phone':
      return formatPhone(value);
    case 'my_number':
      return value.replace(/^(\d{4})(\d{4})(\d{4})$/, '$1 $2 $3');
    default:
      return value;
  }
}
