/**
 * Where to go after sign-in: only a path of this site. Anything that a browser could read as
 * another origin is refused and becomes '/': `//evil.example`, `/\evil.example` (browsers treat
 * `\` as `/`), schemes (`javascript:`, `https:`), control characters, and over-long values.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || next.length > 2000) return '/';
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return '/';
  try {
    // Resolve against a dummy origin: the result must stay on it.
    const url = new URL(next, 'https://mamori.invalid');
    if (url.origin !== 'https://mamori.invalid') return '/';
    return url.pathname + url.search + url.hash;
  } catch {
    return '/';
  }
}
