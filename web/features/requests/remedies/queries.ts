import type {
  CarriedOutInput,
  NoticeInput,
  RemedyItemsInput,
  RemedySubmitInput,
  RemedyView,
} from '../../../../shared/api/requests-remedies.ts';
import { api } from '../../../app/api.ts';
import {
  REQUESTS_KEY,
  requestAndBoard,
  requestPath,
  useRequestView,
  useViewChange,
} from '../common/queries.ts';

/**
 * Data of 訂正・利用停止 (issue 12; 法90–103): the records concerned, the outcomes, the approval, the
 * corrections and suspensions, the recipients told. Each change answers the whole RemedyView.
 */
export const remedyKey = (id: string) => [...REQUESTS_KEY, 'remedy', id] as const;
const base = (id: string) => `${requestPath(id)}/remedy`;
export const remedyNoticePdf = (id: string) => `${base(id)}/notice.pdf`;

export const useRemedy = (id: string, enabled = true) =>
  useRequestView<RemedyView>(remedyKey(id), base(id), enabled);

const useRemedyChange = <I>(id: string, sub: (input: I) => string, body: (input: I) => unknown = (i) => i) =>
  useViewChange(
    (input: I) =>
      api<RemedyView>(`${base(id)}/${sub(input)}`, {
        method: sub(input) === 'items' ? 'PUT' : 'POST',
        body: body(input),
      }),
    () => remedyKey(id),
    requestAndBoard(id),
  );

export const useSaveItems = (id: string) => useRemedyChange<RemedyItemsInput>(id, () => 'items');
export const useSubmitRemedy = (id: string) => useRemedyChange<RemedySubmitInput>(id, () => 'submit');
export const useRecordRecipient = (id: string) =>
  useRemedyChange<{ noticeId: string; notice: NoticeInput }>(
    id,
    (i) => `notices/${encodeURIComponent(i.noticeId)}`,
    (i) => i.notice,
  );
export const useRemedyCarriedOut = (id: string) => useRemedyChange<CarriedOutInput>(id, () => 'carried-out');
