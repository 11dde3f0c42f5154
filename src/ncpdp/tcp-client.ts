import net from 'node:net';
import tls from 'node:tls';
import { FrameReader, frame } from './framing.js';
import { AUTH_OK } from './tcp-listener.js';

/**
 * One transmission over the D.0 TCP protocol (docs/ncpdp-telecom.md): connect, send the API key
 * frame, wait for OK, send the transmission frame, return the response frame.
 */
export function sendOverTcp(
  target: { host: string; port: number; tls?: boolean },
  apiKey: string,
  transmission: Buffer,
  timeoutMs = 30_000,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = target.tls
      ? tls.connect({ host: target.host, port: target.port, servername: target.host })
      : net.connect({ host: target.host, port: target.port });
    const reader = new FrameReader(1 << 20);
    let authenticated = false;
    const fail = (err: Error) => {
      socket.destroy();
      reject(err);
    };
    socket.setTimeout(timeoutMs, () =>
      fail(new Error(`no answer from ${target.host}:${target.port} in ${timeoutMs} ms`)),
    );
    socket.once(target.tls ? 'secureConnect' : 'connect', () => socket.write(frame(apiKey)));
    socket.on('error', fail);
    socket.on('close', () => reject(new Error('the connection closed before the response')));
    socket.on('data', (chunk: Buffer) => {
      for (const f of reader.push(chunk)) {
        if (!authenticated) {
          if (f.toString('latin1') !== AUTH_OK)
            return fail(new Error(`the listener refused the API key (${f.toString('latin1')})`));
          authenticated = true;
          socket.write(frame(transmission));
        } else {
          socket.end();
          resolve(f);
        }
      }
    });
  });
}
