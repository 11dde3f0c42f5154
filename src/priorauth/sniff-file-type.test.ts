import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { sniffFileType } from './sniff-file-type.js';

const bytes = (...b: number[]) => Uint8Array.from(b);
const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('sniffFileType', () => {
  it.each([
    ['PDF header', bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37), 'application/pdf'],
    ['PNG image', PNG_1x1, 'image/png'],
    ['JPEG (JFIF)', bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00), 'image/jpeg'],
    // TIFF: header and an (empty) first directory; file-type reads the directory to tell TIFF from camera raw.
    ['TIFF little-endian', Buffer.from('49492a000800000000000000', 'hex'), 'image/tiff'],
    ['TIFF big-endian', Buffer.from('4d4d002a0000000800000000', 'hex'), 'image/tiff'],
    ['plain text named .pdf', Buffer.from('hello, this is not a pdf'), null],
    ['empty', bytes(), null],
    ['Windows executable', bytes(0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00), null],
    ['ZIP archive', Buffer.from('504b0304140000000800', 'hex'), null],
    [
      'Canon raw image (TIFF-based, not on the allow-list)',
      Buffer.from('49492a00100000004352020000000000', 'hex'),
      null,
    ],
    [
      'GIF image (an image, but not on the allow-list)',
      Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00', 'latin1'),
      null,
    ],
  ])('%s → %s', async (_name, input, expected) => {
    expect(await sniffFileType(input)).toBe(expected);
  });

  it('recognises a whole PDF document as PDF', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    expect(await sniffFileType(await doc.save())).toBe('application/pdf');
  });
});
