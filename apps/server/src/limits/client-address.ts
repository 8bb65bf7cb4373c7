import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/**
 * Which proxies may tell us the client's address (X-Forwarded-For): none (the default: the socket's peer is the
 * client), a number of hops, or a list of addresses, CIDR ranges or the names `loopback`, `linklocal`, `uniquelocal`.
 */
export type TrustProxy = false | number | string[];

/** Reads TRUST_PROXY; throws a readable message for values it cannot use. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false' || text === '0') return false;
  if (/^\d+$/.test(text)) return Number(text);
  if (text === 'true') {
    throw new Error(
      'TRUST_PROXY=true would let any client choose its address; give the proxy addresses (e.g. "loopback" or "10.0.0.0/8") or a hop count',
    );
  }
  const list = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  try {
    proxyaddr.compile(list);
  } catch (error) {
    throw new Error(`TRUST_PROXY: ${(error as Error).message}`);
  }
  return list;
}

/** The client's address for a raw request (WebSocket upgrades never reach Fastify's `request.ip`). */
export function clientAddress(request: IncomingMessage, trust: TrustProxy): string {
  if (trust === false) return request.socket.remoteAddress ?? 'unknown';
  const trusted = typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : proxyaddr.compile(trust);
  return proxyaddr(request, trusted);
}
