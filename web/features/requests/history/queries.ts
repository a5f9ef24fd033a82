import type { HistoryView } from '../../../../shared/api/requests-history.ts';
import { REQUESTS_KEY, requestPath, useRequestView } from '../common/queries.ts';

/** Data of アクセス履歴 (issue 12; A22-1, ADR 0003): the accesses to the requester's records, with the checkpoint. */
export const useHistory = (id: string) =>
  useRequestView<HistoryView>([...REQUESTS_KEY, 'history', id], `${requestPath(id)}/history`);

/** The downloads: the bundle the CLI verifies, and the document for the requester. */
export const historyJson = (id: string) => `${requestPath(id)}/history.json`;
export const historyPdf = (id: string) => `${requestPath(id)}/history.pdf`;
