import { ERRORS, type ErrorCode } from '../../shared/errors.ts';

/** Detail of one invalid field or row, safe to show (never the personal data itself). */
export interface ErrorDetail {
  path?: string;
  row?: number;
  code: string;
  message?: string;
}

/** The one error type of the application: a stable code; HTTP maps it to a status (architecture). */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[] | undefined;
  readonly params: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, opts: { details?: ErrorDetail[]; params?: Record<string, unknown> } = {}) {
    super(ERRORS[code].en);
    this.name = 'AppError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = opts.details;
    this.params = opts.params;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
