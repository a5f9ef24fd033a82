/** Issue 12 — STUB: the web-2 helper writes this page. */
export function RequestDecisionPage() {
  return <p>…</p>;
}
