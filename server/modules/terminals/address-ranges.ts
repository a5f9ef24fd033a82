import ipaddr from 'ipaddr.js';
import { AppError } from '../../platform/errors.ts';

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

function parse(cidr: string): Range | null {
  try {
    const [address, bits] = ipaddr.parseCIDR(cidr.trim());
    return [address, bits];
  } catch {
    return null;
  }
}

/**
 * Checks and normalises address ranges (CIDR, IPv4 or IPv6) to their network address, e.g.
 * 192.0.2.7/24 → 192.0.2.0/24. Throws terminal.invalid_range naming the position of a bad one.
 */
export function normaliseRanges(ranges: readonly string[], field = 'addressRanges'): string[] {
  const out: string[] = [];
  for (const [i, raw] of ranges.entries()) {
    const range = parse(raw);
    if (!range)
      throw new AppError('terminal.invalid_range', {
        details: [{ path: `${field}.${i}`, code: 'invalid_range' }],
      });
    const [address, bits] = range;
    const network =
      address.kind() === 'ipv4'
        ? ipaddr.IPv4.networkAddressFromCIDR(raw.trim())
        : ipaddr.IPv6.networkAddressFromCIDR(raw.trim());
    const text = `${network.toString()}/${bits}`;
    if (!out.includes(text)) out.push(text);
  }
  return out;
}

/** Whether `inner` lies within one of `outer` (an empty `outer` allows any address). */
export function rangeWithin(inner: string, outer: readonly string[]): boolean {
  if (outer.length === 0) return true;
  const [address, bits] = parse(inner) ?? [];
  if (!address || bits === undefined) return false;
  return outer.some((o) => {
    const range = parse(o);
    return range !== null && range[0].kind() === address.kind() && bits >= range[1] && address.match(range);
  });
}

/**
 * Whether a client address lies within the ranges (an empty list allows any address). IPv4 clients
 * seen through an IPv6 socket (::ffff:192.0.2.7) are compared as IPv4.
 */
export function addressAllowed(ip: string | null | undefined, ranges: readonly string[]): boolean {
  if (ranges.length === 0) return true;
  if (!ip || !ipaddr.isValid(ip)) return false;
  const address = ipaddr.process(ip);
  return ranges.some((r) => {
    const range = parse(r);
    return range !== null && range[0].kind() === address.kind() && address.match(range);
  });
}
