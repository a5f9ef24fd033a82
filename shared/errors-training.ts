import type { ErrorSpec } from './errors.ts';

/** Errors of training (issue 10; A10). Codes never change once released. */
export const TRAINING_ERRORS = {
  'training.required': {
    status: 409,
    ja: '必須の研修を修了していないため、この操作はできません（第10条）。研修を修了してから、もう一度お試しください。',
    en: 'The required training has not been completed (A10). Complete it, then try again.',
  },
} satisfies Record<string, ErrorSpec>;
