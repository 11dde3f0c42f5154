import { describe, expect, it } from 'vitest';
import { sniffFileType } from './sniff-file-type.js';

describe('sniffFileType', () => {
  it.each([
    ['PDF', [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37], 'application/pdf'],
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0], 'image/png'],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0], 'image/jpeg'],
    ['TIFF little-endian', [0x49, 0x49, 0x2a, 0x00], 'image/tiff'],
    ['TIFF big-endian', [0x4d, 0x4d, 0x00, 0x2a], 'image/tiff'],
    ['plain text named .pdf', [...Buffer.from('hello, this is not a pdf')], null],
    ['empty', [], null],
    ['Windows executable', [0x4d, 0x5a, 0x90, 0x00], null],
  ])('%s', (_name, bytes, expected) => {
    expect(sniffFileType(Uint8Array.from(bytes as number[]))).toBe(expected);
  });
});
