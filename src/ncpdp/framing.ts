/**
 * TCP framing for D.0 (docs/ncpdp-telecom.md): every message is a 4-byte unsigned big-endian
 * length N, then N bytes. A zero-length message is a keep-alive and carries nothing.
 */
export const LENGTH_PREFIX_BYTES = 4;

export class FrameTooLargeError extends Error {
  constructor(
    readonly length: number,
    readonly max: number,
  ) {
    super(`a frame of ${length} bytes is over the limit of ${max}`);
  }
}

/** Collects a byte stream into whole frames, however the stream is chopped. */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(private readonly maxFrameBytes: number) {}

  /** Adds bytes; returns the frames completed by them (keep-alives dropped). Throws FrameTooLargeError. */
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const frames: Buffer[] = [];
    for (;;) {
      if (this.buffered < LENGTH_PREFIX_BYTES) break;
      const head = this.peek(LENGTH_PREFIX_BYTES);
      const length = head.readUInt32BE(0);
      if (length > this.maxFrameBytes) throw new FrameTooLargeError(length, this.maxFrameBytes);
      if (this.buffered < LENGTH_PREFIX_BYTES + length) break;
      const whole = this.take(LENGTH_PREFIX_BYTES + length);
      if (length > 0) frames.push(whole.subarray(LENGTH_PREFIX_BYTES));
    }
    return frames;
  }

  /** Bytes received but not yet a whole frame. */
  get pending(): number {
    return this.buffered;
  }

  private peek(n: number): Buffer {
    if (this.chunks[0].length < n) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0].subarray(0, n);
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length ? [rest] : [];
    this.buffered = rest.length;
    return out;
  }
}

/** A message with its length prefix. */
export function frame(payload: Buffer | string): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'latin1') : payload;
  const head = Buffer.alloc(LENGTH_PREFIX_BYTES);
  head.writeUInt32BE(body.length, 0);
  return Buffer.concat([head, body]);
}
