import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBatch, serializeBatch } from './batch.js';
import { formatHeader, trimmed } from './header.js';
import { buildSegment, fieldValue, fieldValues, findSegment } from './segments.js';
import { parseTransmission, serializeTransmission, newTransmission } from './transmission.js';

const FS = '\x1c';
const GS = '\x1d';
const SS = '\x1e';
const ETX = '\x03';

/** The project's own fixture: a B1 for one claim, built by the serializer. */
function billing(count = 1) {
  const header = formatHeader('request', {
    bin: '610011',
    version: 'D0',
    transactionCode: 'B1',
    processorControlNumber: 'BAYRX',
    transactionCount: String(count),
    serviceProviderIdQualifier: '01',
    serviceProviderId: '1234567893',
    dateOfService: '20261120',
    softwareVendorCertificationId: 'OPENPBM',
  });
  const claim = (rx: string) => [
    buildSegment('AM07', [
      ['EM', '1'],
      ['D2', rx],
      ['E1', '03'],
      ['D7', '76282041901'],
      ['E7', '0000030000'],
      ['D3', '0'],
      ['D5', '30'],
    ]),
    buildSegment('AM11', [
      ['D9', '250{'],
      ['DQ', '400{'],
    ]),
  ];
  return newTransmission(
    header,
    [
      buildSegment('AM04', [
        ['C2', 'M000101'],
        ['C1', 'IHSS01'],
      ]),
      buildSegment('AM01', [['C4', '19911223']]),
    ],
    Array.from({ length: count }, (_, i) => claim(`RX${i}`)),
    { etx: true },
  );
}

describe('D.0 transmissions: parse and serialize', () => {
  it('writes the 56-byte request header, segments after SS FS, groups after GS, and ETX', () => {
    const text = serializeTransmission(billing());
    expect(text.slice(0, 56)).toBe('610011D0B1BAYRX     101' + '1234567893     ' + '20261120' + 'OPENPBM   ');
    expect(text.slice(56)).toBe(
      `${SS}${FS}AM04${FS}C2M000101${FS}C1IHSS01${SS}${FS}AM01${FS}C419911223` +
        `${GS}${SS}${FS}AM07${FS}EM1${FS}D2RX0${FS}E103${FS}D776282041901${FS}E70000030000${FS}D30${FS}D530` +
        `${SS}${FS}AM11${FS}D9250{${FS}DQ400{${ETX}`,
    );
  });

  it('reads back what it wrote: header fields, transmission segments and one group per claim', () => {
    const t = parseTransmission(serializeTransmission(billing(3)));
    expect(t.kind).toBe('request');
    expect(t.issues).toEqual([]);
    expect(trimmed(t.header, 'bin')).toBe('610011');
    expect(trimmed(t.header, 'processorControlNumber')).toBe('BAYRX');
    expect(trimmed(t.header, 'serviceProviderId')).toBe('1234567893');
    expect(fieldValue(findSegment(t.segments, 'AM04'), 'C2')).toBe('M000101');
    expect(t.groups.map((g) => fieldValue(findSegment(g, 'AM07'), 'D2'))).toEqual(['RX0', 'RX1', 'RX2']);
    expect(t.etx).toBe(true);
  });

  it('reads a response header (31 bytes) and repeated fields in order', () => {
    const text = `D0B11A011234567893     20261120${GS}${SS}${FS}AM21${FS}ANR${FS}FA2${FS}FB75${FS}FB608`;
    const t = parseTransmission(text);
    expect(t.kind).toBe('response');
    expect(trimmed(t.header, 'headerResponseStatus')).toBe('A');
    expect(fieldValues(findSegment(t.groups[0], 'AM21'), 'FB')).toEqual(['75', '608']);
    expect(serializeTransmission(t)).toBe(text);
  });

  it('keeps an unknown segment and unknown fields in order, so the bytes survive', () => {
    const text = serializeTransmission(billing()).replace(ETX, `${SS}${FS}AM96${FS}AA1${FS}ZZ${FS}AA2`);
    const t = parseTransmission(text);
    const am96 = findSegment(t.groups[0], 'AM96')!;
    expect(am96.fields).toEqual([
      { id: 'AA', value: '1' },
      { id: 'ZZ', value: '' },
      { id: 'AA', value: '2' },
    ]);
    expect(serializeTransmission(t)).toBe(text);
  });

  it.each([
    ['empty input', '', /header has 0 bytes/],
    ['a header cut short', '610011D0B1BAYRX', /header has 15 bytes; a request header has 56/],
    ['no version D0', 'hello world', /no version D0/],
    ['data after ETX', `${serializeTransmission(billing())}xyz`, /3 byte\(s\) after the end of text/],
    ['a segment without its separator', `${'x'.repeat(56)}${FS}AM04`, /without a segment separator/],
  ])('reports %s as an issue, and still gives back the same bytes', (_name, text, message) => {
    const t = parseTransmission(text);
    expect(t.issues.map((i) => i.message).join('\n')).toMatch(message);
    expect(serializeTransmission(t)).toBe(text);
  });

  it('reports a segment ID written as a field (a missing segment separator)', () => {
    const text = `${serializeTransmission(billing()).slice(0, -1)}${FS}AM05${FS}4C1`;
    expect(parseTransmission(text).issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/segment AM11 holds a field "AM05"/),
    ]);
  });

  it('gives back any byte sequence unchanged and never throws (fast-check)', () => {
    const byte = fc.oneof(
      fc.constantFrom(FS, GS, SS, ETX, '\x02', 'A', 'M', '0', '1', 'D', ' '),
      fc.integer({ min: 0, max: 255 }).map((n) => String.fromCharCode(n)),
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 300 }), (chars) => {
        const text = chars.join('');
        expect(serializeTransmission(parseTransmission(text))).toBe(text);
        expect(serializeBatch(parseBatch(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives back truncated and corrupted versions of its own transmissions unchanged (fast-check)', () => {
    const real = serializeTransmission(billing(4));
    fc.assert(
      fc.property(
        fc.nat({ max: real.length }),
        fc.array(fc.tuple(fc.nat({ max: real.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        (cut, flips) => {
          const chars = real.slice(0, cut).split('');
          for (const [at, b] of flips) if (at < chars.length) chars[at] = String.fromCharCode(b);
          const text = chars.join('');
          expect(serializeTransmission(parseTransmission(text))).toBe(text);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('NCPDP batch files', () => {
  const STX = '\x02';
  const header = `00T${'SENDER'.padEnd(24)}0000001202611201200P12${'OPENPBM'.padEnd(24)}`;
  const detail = `G1${'0000000001'}${serializeTransmission(billing()).slice(0, -1)}`;
  const trailer = (n: number) => `99${'0000001'}${String(n).padStart(10, '0')}${' '.repeat(35)}`;

  it('reads header, details and trailer, and gives back the same bytes', () => {
    const text = `${STX}${header}${ETX}${STX}${detail}${ETX}${STX}${trailer(3)}${ETX}`;
    const b = parseBatch(text);
    expect(b.issues).toEqual([]);
    expect(b.records.map((r) => r.record.type)).toEqual(['header', 'detail', 'trailer']);
    const d = b.records[1].record;
    expect(d.type === 'detail' && trimmed(d.transmission.header, 'bin')).toBe('610011');
    expect(serializeBatch(b)).toBe(text);
  });

  it('reports a wrong trailer count, an unknown record type and a header of the wrong length', () => {
    const text = `${STX}${header}X${ETX}${STX}${detail.slice(1)}${ETX}${STX}${trailer(4)}${ETX}`;
    const messages = parseBatch(text).issues.map((i) => i.message);
    expect(messages).toEqual([
      'record 1: the batch header has 74 bytes; it has 73',
      'record 2: unknown batch record type "10" (00, G1 or 99)',
      'record 3: the trailer counts 4 records; the batch has 3',
    ]);
  });
});
