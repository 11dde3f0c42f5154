import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameReader, FrameTooLargeError, frame } from './framing.js';

describe('length-prefixed TCP frames', () => {
  it('prefixes a message with its length as 4 bytes, big-endian', () => {
    expect([...frame('AB')]).toEqual([0, 0, 0, 2, 0x41, 0x42]);
  });

  it('reassembles frames however the stream is chopped (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ minLength: 1, maxLength: 300 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 }),
        (messages, cuts) => {
          const stream = Buffer.concat(messages.map((m) => frame(Buffer.from(m))));
          const reader = new FrameReader(1024);
          const out: Buffer[] = [];
          let at = 0;
          for (let i = 0; at < stream.length; i++) {
            const size = cuts[i % cuts.length];
            out.push(...reader.push(stream.subarray(at, at + size)));
            at += size;
          }
          expect(out.map((b) => [...b])).toEqual(messages.map((m) => [...m]));
          expect(reader.pending).toBe(0);
        },
      ),
    );
  });

  it('drops zero-length keep-alives', () => {
    const reader = new FrameReader(100);
    expect(reader.push(Buffer.concat([frame(''), frame('X'), frame('')])).map(String)).toEqual(['X']);
  });

  it('refuses a length over the limit before reading the body', () => {
    const reader = new FrameReader(100);
    expect(() => reader.push(Buffer.from([0, 0, 0, 101]))).toThrow(FrameTooLargeError);
  });
});
