import type { ErrorSpec } from './errors.ts';

/** Errors of handling held information: the usage ledger (issue 7, A16). Codes never change once released. */
export const HANDLING_USAGE_ERRORS = {
  'handling.usage_period_invalid': {
    status: 400,
    ja: '期間の指定に誤りがあります。開始日は終了日以前とし、1年以内で指定してください。',
    en: 'The period is not valid: the start must not be after the end, and it may span at most a year.',
  },
  'handling.usage_period_not_ended': {
    status: 409,
    ja: 'まだ終わっていない月の記録は確認・署名できません。月が終わってから署名してください。',
    en: 'A month that has not ended cannot be signed off yet.',
  },
  'handling.usage_already_signed': {
    status: 409,
    ja: 'この月の記録はすでに確認・署名されています。',
    en: 'This month of the ledger has already been signed off.',
  },
} as const satisfies Record<string, ErrorSpec>;
