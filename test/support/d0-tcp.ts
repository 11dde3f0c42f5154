import net from 'node:net';
import tls from 'node:tls';
import { FrameReader, frame } from '../../src/ncpdp/framing.js';

/** A switch's side of the D.0 TCP connection: length-prefixed frames, answers in order. */
export class TcpD0Client {
  private readonly reader = new FrameReader(1 << 20);
  private readonly frames: Buffer[] = [];
  private readonly waiting: Array<(b: Buffer | null) => void> = [];
  closed = false;

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const f of this.reader.push(chunk)) {
        const w = this.waiting.shift();
        if (w) w(f);
        else this.frames.push(f);
      }
    });
    socket.on('close', () => {
      this.closed = true;
      for (const w of this.waiting.splice(0)) w(null);
    });
    socket.on('error', () => undefined);
  }

  static connect(port: number, options: { tls?: { ca: Buffer } } = {}): Promise<TcpD0Client> {
    return new Promise((resolve, reject) => {
      const socket = options.tls
        ? tls.connect({ port, host: '127.0.0.1', ca: options.tls.ca, servername: 'localhost' }, () =>
            resolve(new TcpD0Client(socket)),
          )
        : net.connect({ port, host: '127.0.0.1' }, () => resolve(new TcpD0Client(socket)));
      socket.once('error', reject);
    });
  }

  write(payload: Buffer | string): void {
    this.socket.write(frame(payload));
  }

  /** The next frame from the server, or null when it closed the connection. */
  next(): Promise<Buffer | null> {
    const f = this.frames.shift();
    if (f) return Promise.resolve(f);
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async request(payload: Buffer | string): Promise<Buffer | null> {
    this.write(payload);
    return this.next();
  }

  close(): void {
    this.socket.destroy();
  }
}
