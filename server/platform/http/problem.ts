import { ERRORS, type ErrorCode } from '../../../shared/errors.ts';
import type { ErrorDetail } from '../errors.ts';

export type Locale = 'ja' | 'en';

/** The body of an error answer (RFC 9457 problem+json) with our stable code and both languages. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  message: { ja: string; en: string };
  errors?: ErrorDetail[];
  requestId: string;
}

export function problem(code: ErrorCode, locale: Locale, requestId: string, errors?: ErrorDetail[]): Problem {
  const spec = ERRORS[code];
  return {
    type: `urn:mamori:error:${code}`,
    title: spec.en,
    status: spec.status,
    code,
    detail: spec[locale],
    message: { ja: spec.ja, en: spec.en },
    ...(errors && errors.length > 0 ? { errors } : {}),
    requestId,
  };
}

/** The caller's language: the signed-in person's preference, else Accept-Language, else Japanese. */
export function localeOf(acceptLanguage: string | undefined, preferred?: Locale | null): Locale {
  if (preferred) return preferred;
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'ja';
}
