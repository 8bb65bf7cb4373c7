import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import proxyaddr from 'proxy-addr';
import type { TrustProxy } from '../limits/client-address.ts';
import { sendError } from './errors.ts';

/**
 * Which Host a request may name. Links are minted from it when PUBLIC_URL is not set, and a page on another name
 * that resolves to this server (DNS rebinding) would otherwise be served as if it were Debrief's own origin.
 *
 * `null` accepts any Host (the server listens beyond loopback and has no PUBLIC_URL: it cannot know its names).
 * Otherwise the lowercase host names, without ports, IPv6 addresses in brackets.
 */
export type AllowedHosts = readonly string[] | null;

/**
 * Loopback names are accepted wherever a list applies: a page elsewhere can never make a browser send them, so they
 * open nothing to a rebinding attack, and health checks and a proxy on the same machine use them.
 */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** A Host header: a DNS name or IPv4 address, or an IPv6 address in brackets, and an optional port. Nothing else. */
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::\d{1,5})?$/;

/** The host name a Host header names (lowercase, port dropped), or null when it is not a well-formed Host. */
export function hostName(header: string | undefined): string | null {
  const match = HOST_HEADER.exec((header ?? '').toLowerCase());
  return match ? match[1]! : null;
}

/** True when the request's Host may be served under these rules. */
export function hostAllowed(header: string | undefined, allowed: AllowedHosts): boolean {
  if (allowed === null) return true;
  const name = hostName(header);
  return name !== null && (allowed.includes(name) || LOOPBACK_HOSTS.includes(name));
}

/** True for the addresses `HOST` can name that only this machine reaches. */
export function isLoopbackBind(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * Reads ALLOWED_HOSTS (comma-separated names, ports ignored) and decides the rules: PUBLIC_URL's host and the
 * listed ones when either is set; loopback names only when neither is and the server listens on loopback (the
 * default install); otherwise any Host. Throws a readable message for an entry that is not a host name.
 */
export function allowedHostsFor(settings: { publicUrl?: string; allowedHosts?: string; bindHost: string }): AllowedHosts {
  const listed = (settings.allowedHosts ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const names = listed.map((entry) => {
    const name = hostName(entry);
    if (name === null) throw new Error(`ALLOWED_HOSTS must list host names such as debrief.example.org, not "${entry}"`);
    return name;
  });
  if (settings.publicUrl) names.unshift(new URL(settings.publicUrl).hostname);
  if (names.length > 0) return [...new Set(names)];
  return isLoopbackBind(settings.bindHost) ? LOOPBACK_HOSTS : null;
}

/**
 * The Host a raw request names, as Fastify reads `request.host`: a trusted proxy's X-Forwarded-Host (its last
 * entry) when it sent one, else the Host header. WebSocket upgrades never reach Fastify.
 */
export function requestHost(request: IncomingMessage, trust: TrustProxy): string | undefined {
  const forwarded = request.headers['x-forwarded-host'];
  const peer = request.socket.remoteAddress;
  if (typeof forwarded === 'string' && forwarded !== '' && trust !== false && peer !== undefined) {
    const trusted = typeof trust === 'number' ? trust > 0 : proxyaddr.compile(trust)(peer, 0);
    if (trusted) return forwarded.slice(forwarded.lastIndexOf(',') + 1).trim();
  }
  return request.headers.host;
}

const REFUSAL = 'This server does not answer to that host name. Use its address (PUBLIC_URL), or list the name in ALLOWED_HOSTS.';

/** Answers every HTTP request whose Host is not allowed with `421 misdirected` before any route runs. */
export function refuseOtherHosts(app: FastifyInstance, allowed: AllowedHosts): void {
  if (allowed === null) return;
  app.addHook('onRequest', async (request, reply) => {
    if (!hostAllowed(request.host, allowed)) return sendError(reply, 421, 'misdirected', REFUSAL);
  });
}

/** For the upgrade handler: refuses (421) and closes a WebSocket upgrade whose Host is not allowed; true if it did. */
export function refusedUpgrade(request: IncomingMessage, socket: Duplex, allowed: AllowedHosts | undefined, trust: TrustProxy): boolean {
  if (allowed === undefined || hostAllowed(requestHost(request, trust), allowed)) return false;
  socket.end('HTTP/1.1 421 Misdirected Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  return true;
}
