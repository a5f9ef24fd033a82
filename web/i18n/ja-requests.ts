/** Messages of issue 12 — individuals' requests: the board, intake, the request's overview (web-1). */
export const jaRequests = {
  requests: {
    menu: '開示請求等',
  },
};
