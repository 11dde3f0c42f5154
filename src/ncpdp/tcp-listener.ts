import net from 'node:net';
import tls from 'node:tls';
import type { AppContext } from '../app-context.js';
import { authenticateBearer } from '../identity/authenticate.js';
import type { Principal } from '../platform/roles.js';
import { isDatabaseUnavailable } from '../platform/db-conflicts.js';
import { DomainError } from '../platform/errors.js';
import { answerTransmission, hostErrorResponse } from './answer-transmission.js';
import { FrameReader, FrameTooLargeError, frame } from './framing.js';
import { faultFields, logFields, MAX_TRANSMISSION_BYTES } from './transmission-log.js';

/** Just enough of pino for the listener (the server's logger, or a test's). */
export interface ListenerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface NcpdpListenerOptions {
  port: number;
  host: string;
  /** PEM certificate and key: the listener speaks TLS. */
  tls?: { cert: Buffer; key: Buffer };
  log: ListenerLog;
  maxConnections?: number;
  /** The API key frame must arrive within this time after connecting. */
  authTimeoutMs?: number;
  /** A connection with no traffic for this long is closed. */
  idleTimeoutMs?: number;
  /** Key → principal; the API's own bearer check unless a test replaces it. */
  authenticate?: (key: string) => Promise<Principal | null>;
}

export interface NcpdpListener {
  port: number;
  close(): Promise<void>;
}

/** Frames that may wait behind the one being answered before the connection stops reading. */
const MAX_QUEUED = 8;
export const AUTH_OK = 'OK';
export const AUTH_DENIED = 'DENIED';
/** The key could not be checked (the database is out of reach for now): closed, reconnect shortly. */
export const AUTH_UNAVAILABLE = 'UNAVAILABLE';

const UNCHECKED = Symbol('unchecked');

/**
 * NCPDP D.0 over TCP. Trust model: every connection authenticates itself — its first frame is a
 * pharmacy API key (answered `OK`, or `DENIED` and closed); every later frame is one D.0
 * transmission, answered by one frame on the same connection, in order, through the same use
 * cases as POST /api/v1/ncpdp/telecom. The key is checked again on every transmission, so a
 * revoked key stops working on open connections too. Off unless NCPDP_PORT is set; listens on
 * 127.0.0.1 unless NCPDP_HOST says otherwise; in production a listener reachable from other hosts
 * must speak TLS (config.ts refuses the rest).
 */
export async function startNcpdpListener(ctx: AppContext, o: NcpdpListenerOptions): Promise<NcpdpListener> {
  const sockets = new Set<net.Socket>();
  const onConnection = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    serveConnection(ctx, socket, o);
  };
  const server = o.tls
    ? tls.createServer({ cert: o.tls.cert, key: o.tls.key }, onConnection)
    : net.createServer(onConnection);
  server.maxConnections = o.maxConnections ?? 100;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as net.AddressInfo).port;
  o.log.info({ ncpdp: { port, host: o.host, tls: !!o.tls } }, 'NCPDP D.0 listener started');
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

function serveConnection(ctx: AppContext, socket: net.Socket, o: NcpdpListenerOptions): void {
  const check = o.authenticate ?? ((key: string) => authenticateBearer(ctx, key));
  const reader = new FrameReader(Math.max(MAX_TRANSMISSION_BYTES, 256));
  let apiKey: string | null = null;
  let refused = false;
  let queue: Promise<void> = Promise.resolve();
  let queued = 0;
  const remote = socket.remoteAddress ?? null;
  socket.setTimeout(o.authTimeoutMs ?? 10_000);
  socket.on('timeout', () => socket.destroy());
  socket.on('error', () => socket.destroy());

  const send = (payload: Buffer | string) => {
    if (!socket.destroyed) socket.write(frame(payload));
  };

  /** The key's principal; null for a bad key; UNCHECKED when the database could not be asked (not the key's fault). */
  const checkKey = (key: string): Promise<Principal | null | typeof UNCHECKED> =>
    check(key).catch((err: unknown) => (isDatabaseUnavailable(err) ? UNCHECKED : null));

  async function authenticate(payload: Buffer): Promise<void> {
    const key = payload.toString('latin1').trim();
    const principal = await checkKey(key);
    if (principal === UNCHECKED) {
      o.log.error({ ncpdp: { remote } }, 'NCPDP TCP connection closed: the database is unavailable');
      send(AUTH_UNAVAILABLE);
      socket.end();
      return;
    }
    if (!principal || principal.role !== 'pharmacy') {
      o.log.warn({ ncpdp: { remote } }, 'NCPDP TCP connection refused: not a pharmacy API key');
      refused = true;
      send(AUTH_DENIED);
      socket.end();
      return;
    }
    apiKey = key;
    socket.setTimeout(o.idleTimeoutMs ?? 120_000);
    send(AUTH_OK);
  }

  async function answer(payload: Buffer, key: string): Promise<void> {
    const principal = await checkKey(key);
    if (principal === UNCHECKED) {
      // Not the key's fault: this transmission is answered 92 (resend shortly), the connection stays.
      o.log.error({ ncpdp: { remote } }, 'ncpdp transmission answered 92 (tcp): the database is unavailable');
      send(hostErrorResponse(payload, new DomainError('SERVICE_UNAVAILABLE', 'database unavailable')).bytes);
      return;
    }
    if (!principal || principal.role !== 'pharmacy') {
      refused = true;
      send(AUTH_DENIED); // revoked or disabled since the connection opened
      socket.end();
      return;
    }
    try {
      const a = await answerTransmission(ctx, principal, payload, 'tcp');
      for (const fault of a.summary.faults) o.log.error(faultFields(fault), 'ncpdp transaction answered 99');
      o.log.info(logFields(a.summary), 'ncpdp transmission (tcp)');
      send(a.response);
    } catch (err) {
      const response = hostErrorResponse(payload, err);
      o.log.error(faultFields(err), `ncpdp transmission answered ${response.reject} (tcp)`);
      send(response.bytes);
    }
  }

  socket.on('data', (chunk: Buffer) => {
    let frames: Buffer[];
    try {
      frames = reader.push(chunk);
    } catch (err) {
      if (err instanceof FrameTooLargeError)
        o.log.warn({ ncpdp: { remote, frameBytes: err.length } }, 'NCPDP TCP frame over the limit: connection closed');
      socket.destroy();
      return;
    }
    for (const f of frames) {
      queued++;
      if (queued > MAX_QUEUED) socket.pause();
      queue = queue
        .then(() => (refused ? undefined : apiKey === null ? authenticate(f) : answer(f, apiKey)))
        .catch((err: unknown) => o.log.error(faultFields(err), 'NCPDP TCP frame failed'))
        .finally(() => {
          queued--;
          if (queued <= MAX_QUEUED && socket.isPaused()) socket.resume();
        });
    }
  });
}
