/** Issue 12 — STUB: the web-1 helper writes this page. */
export function RequestsBoardPage() {
  return <p>…</p>;
}
