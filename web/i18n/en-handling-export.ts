import type { jaExport } from './ja-handling-export.ts';

/** English messages of issue 7: export (same shape as the Japanese). */
export const enExport: typeof jaExport = {
  exportCopy: {},
};
