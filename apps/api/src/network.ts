// IP addresses and networks, by ipaddr.js (maintained IANA special-purpose ranges; Fastify's proxy-addr
// uses it too): what counts as a public address, and lists of CIDRs from settings.
import ipaddr from 'ipaddr.js';

/** A parsed CIDR, e.g. 10.1.2.0/24 or fd00::/8. */
export type Network = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** `10.0.0.0/8, ::1/128` → networks; a bare address is a /32 (or /128). Throws on anything else. */
export function parseNetworks(text: string): Network[] {
  const parts = text.split(',').map((part) => part.trim()).filter(Boolean);
  if (parts.length === 0) throw new Error('no network given');
  return parts.map((part) => {
    if (part.includes('/')) return ipaddr.parseCIDR(part);
    const address = ipaddr.parse(part);
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  });
}

/**
 * How an address is classified: 'unicast' for a public address, else its special range ('loopback',
 * 'private', 'linkLocal', 'reserved', 'benchmarking', 'broadcast', 'rfc6052' (NAT64), '6to4', 'teredo', …).
 * IPv4-mapped IPv6 (::ffff:a.b.c.d) is judged as the IPv4 address it carries.
 */
export function rangeOf(address: string): string {
  return ipaddr.process(address).range();
}

/** Whether `address` lies in one of `networks` (IPv4-mapped IPv6 compared as IPv4). */
export function inNetworks(address: string, networks: readonly Network[]): boolean {
  const parsed = ipaddr.process(address);
  return networks.some(([network, bits]) => network.kind() === parsed.kind() && parsed.match(network, bits));
}

/**
 * Fastify's trustProxy for TRUST_PROXY: the proxies' addresses as they are, or a hop count as a function
 * trusting the nearest `hops` hops (Fastify itself ignores a plain number since 5.x: a client reaching the
 * API directly could then choose its address, so hops suit only an API reachable through its proxies).
 */
export function trustProxyOption(trust: false | number | string[]): false | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}
