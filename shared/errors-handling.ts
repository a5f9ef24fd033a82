import { HANDLING_CORRECTION_ERRORS } from './errors-handling-correction.ts';
import { HANDLING_DISPOSAL_ERRORS } from './errors-handling-disposal.ts';
import { HANDLING_EXPORT_ERRORS } from './errors-handling-export.ts';
import { HANDLING_MOVEMENTS_ERRORS } from './errors-handling-movements.ts';
import { HANDLING_PURPOSE_ERRORS } from './errors-handling-purpose.ts';
import { HANDLING_RULES_ERRORS } from './errors-handling-rules.ts';
import { HANDLING_USAGE_ERRORS } from './errors-handling-usage.ts';

/** Errors of handling held information (issue 7; A12–A17), one file per act. */
export const HANDLING_ERRORS = {
  ...HANDLING_RULES_ERRORS,
  ...HANDLING_EXPORT_ERRORS,
  ...HANDLING_DISPOSAL_ERRORS,
  ...HANDLING_CORRECTION_ERRORS,
  ...HANDLING_PURPOSE_ERRORS,
  ...HANDLING_MOVEMENTS_ERRORS,
  ...HANDLING_USAGE_ERRORS,
};
