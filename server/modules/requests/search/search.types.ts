/** A record confirmed by a handler as the requester's (issue 12): what the other parts work on. */
export interface ConfirmedMatch {
  matchId: string;
  fileId: string;
  fileName: string;
  recordId: string;
}

/** What the search part gives the decision, history and remedies parts. */
export interface RequestsSearchApi {
  /** The records confirmed for a request (none until a handler confirmed them). */
  confirmed(requestId: string): Promise<ConfirmedMatch[]>;
}
