// Where webhooks may go, and the one HTTP client that goes there. A partner must not be able to aim our
// worker at our own network (server-side request forgery), so:
// - an address must be public unicast by ipaddr.js's range table (loopback, private, link-local, reserved,
//   benchmarking, broadcast, NAT64 and 6to4 forms of them are all refused), unless it lies in a network
//   the deployment allowed on purpose (WEBHOOK_UNSAFE_PRIVATE_NETWORKS);
// - https only, except in development and towards those allowed networks;
// - checked at registration (early, clear refusals) and again at every delivery, where the name is
//   resolved once and the connection goes to the address that passed (no second lookup a DNS server
//   could answer differently: DNS rebinding);
// - what the receiver answers is never read: the partner sees a status code and a short classification.
import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { type LookupFunction, isIP } from 'node:net';
import type { TConfig } from '../../config';
import { type Network, inNetworks, parseNetworks, rangeOf } from '../../network';

export { parseNetworks };

export interface DestinationPolicy {
  /** Private networks webhooks may reach on purpose; everything else must be public unicast. */
  allowedPrivate: readonly Network[];
  /** Refuse plain http (everywhere but development), except towards `allowedPrivate`. */
  requireHttps: boolean;
  /** Name resolution; tests pass one whose answers change between calls. */
  resolve?: (hostname: string) => Promise<LookupAddress[]>;
}

export const destinationPolicy = (config: TConfig): DestinationPolicy => ({
  allowedPrivate: config.webhookPrivateNetworks,
  requireHttps: config.NODE_ENV !== 'development',
});

const resolveAll = (policy: DestinationPolicy, hostname: string) => (policy.resolve ?? ((name) => dnsLookup(name, { all: true, verbatim: true })))(hostname);

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

const HTTPS_ONLY = 'must be https:// (plain http only in development, or towards a network WEBHOOK_UNSAFE_PRIVATE_NETWORKS allows)';

/** Why these addresses (all of one name) may not be reached over `protocol`; null when they may. */
function addressesRefusal(addresses: readonly string[], protocol: string, policy: DestinationPolicy): string | null {
  if (addresses.length === 0) return 'not allowed: the name resolves to no address';
  for (const address of addresses) {
    const range = rangeOf(address);
    if (range !== 'unicast' && !inNetworks(address, policy.allowedPrivate)) return `not allowed: ${address} is a ${range} address, not a public one`;
  }
  if (protocol === 'http:' && policy.requireHttps && !addresses.every((address) => inNetworks(address, policy.allowedPrivate))) return HTTPS_ONLY;
  return null;
}

/**
 * At registration: why this URL may not be a webhook destination, or null. A name that does not resolve
 * yet is accepted over https (every delivery checks again).
 */
export async function destinationRefusal(rawUrl: string, policy: DestinationPolicy): Promise<string | null> {
  const url = new URL(rawUrl);
  const host = hostOf(url);
  const addresses = isIP(host) ? [host] : await resolveAll(policy, host).then((found) => found.map((entry) => entry.address), () => null);
  if (addresses === null) return url.protocol === 'http:' && policy.requireHttps ? HTTPS_ONLY : null;
  return addressesRefusal(addresses, url.protocol, policy);
}

export interface Sent {
  ok: boolean;
  statusCode: number | null;
  /** A short classification, never the receiver's words. */
  error: string | null;
  /** Retrying cannot help (the destination is not allowed). */
  refused: boolean;
}

function classifyStatus(status: number): string {
  if (status >= 300 && status < 400) return `HTTP ${status} (redirect, not followed)`;
  if (status >= 400 && status < 500) return `HTTP ${status} (client error)`;
  if (status >= 500) return `HTTP ${status} (server error)`;
  return `HTTP ${status}`;
}

/** By error code only: Node's messages carry addresses the name resolved to. */
function classifyError(error: NodeJS.ErrnoException, timeoutMs: number): string {
  if (error.name === 'AbortError' || error.name === 'TimeoutError' || error.code === 'ABORT_ERR') return `timed out after ${timeoutMs} ms`;
  switch (error.code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'DNS lookup failed';
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'connection reset';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    default:
      return /CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_/.test(error.code ?? '') ? 'TLS handshake failed' : 'network error';
  }
}

/** POSTs `body` to `url` under `policy`; resolves (never rejects) with the outcome. */
export function postWebhook(url: string, headers: Record<string, string>, body: string, options: DestinationPolicy & { timeoutMs: number }): Promise<Sent> {
  const target = new URL(url);
  const host = hostOf(target);
  const refuse = (error: string): Sent => ({ ok: false, statusCode: null, error, refused: true });
  if (isIP(host)) {
    const refusal = addressesRefusal([host], target.protocol, options);
    if (refusal) return Promise.resolve(refuse(refusal));
  }
  let refusal: string | null = null;
  // The connection's own lookup: resolve once, check every address, connect to the first (checked) one.
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolveAll(options, hostname).then(
      (addresses) => {
        refusal = addressesRefusal(addresses.map((entry) => entry.address), target.protocol, options);
        const chosen = addresses[0];
        if (refusal || !chosen) return callback(Object.assign(new Error(refusal ?? 'no address'), { code: 'EREFUSED_DESTINATION' }), '', 0);
        if (lookupOptions.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, [chosen]);
        return callback(null, chosen.address, chosen.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
  return new Promise<Sent>((resolve) => {
    const client = target.protocol === 'https:' ? https : http;
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup,
        // A connection of its own each time: a pooled socket would skip the lookup above.
        agent: false,
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        // The answer's body is not ours to read: drop it and the connection.
        response.destroy();
        resolve(status >= 200 && status < 300 ? { ok: true, statusCode: status, error: null, refused: false } : { ok: false, statusCode: status, error: classifyStatus(status), refused: false });
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => resolve(refusal ? refuse(refusal) : { ok: false, statusCode: null, error: classifyError(error, options.timeoutMs), refused: false }));
    request.end(body);
  });
}
