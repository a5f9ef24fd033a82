/** Issue 12 — STUB: the web-2 helper writes this page. */
export function RequestSearchPage() {
  return <p>…</p>;
}
