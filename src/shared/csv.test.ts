import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv, parseCsvRows, stringifyCsv } from './csv.js';

describe('parseCsvRows (RFC 4180)', () => {
  it('reads plain rows with LF, CRLF and CR line ends', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      expect(parseCsvRows(`a,b${eol}1,2${eol}`).map((r) => r.fields)).toEqual([
        ['a', 'b'],
        ['1', '2'],
      ]);
    }
  });

  it('handles quoted fields with commas, doubled quotes and line breaks, and counts lines', () => {
    const rows = parseCsvRows('id,note\r\n1,"a, b"\r\n2,"say ""hi"""\r\n3,"two\r\nlines"\r\n4,x\r\n');
    expect(rows.map((r) => r.fields)).toEqual([
      ['id', 'note'],
      ['1', 'a, b'],
      ['2', 'say "hi"'],
      ['3', 'two\r\nlines'],
      ['4', 'x'],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 6]);
  });

  it('strips a UTF-8 byte-order mark and keeps non-ASCII text', () => {
    const rows = parseCsvRows('\uFEFFlast_name\nNguyễn\nGarcía\n');
    expect(rows.map((r) => r.fields[0])).toEqual(['last_name', 'Nguyễn', 'García']);
  });

  it('keeps empty fields and a last line without a line break; skips blank lines', () => {
    expect(parseCsvRows('a,,c\n\n,,\nx,y,z').map((r) => r.fields)).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
      ['x', 'y', 'z'],
    ]);
  });

  it('keeps a bare quote inside an unquoted field literally', () => {
    expect(parseCsvRows('5" tablet,x\n')[0].fields).toEqual(['5" tablet', 'x']);
  });

  it('rejects a quote that never closes, naming the line where it opened', () => {
    expect(() => parseCsvRows('a,b\n1,"open\n2,3\n')).toThrowError(CsvSyntaxError);
    try {
      parseCsvRows('a,b\n1,"open\n2,3\n');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(2);
    }
  });

  it('keeps a field that opens with a quote and goes on after it literally (no unquoting guessed)', () => {
    expect(parseCsvRows('a\n"x"y\n')[1].fields).toEqual(['"x"y']);
  });

  it('keeps a space between a closing quote and the comma literally', () => {
    expect(parseCsvRows('a,b\n"3" ,4\n')[1].fields).toEqual(['"3" ', '4']);
  });

  it('numbers a bad row by the line it starts on, after CRLF line breaks inside quotes and blank lines', () => {
    const text =
      '\uFEFFid,note\r\n1,"two\r\nlines"\r\n\r\n2,"three\r\nmore\r\nlines"\r\n3,ok\r\n4,"never closed\r\n5,x\r\n';
    expect(() => parseCsvRows(text)).toThrowError(
      expect.objectContaining({ line: 9, message: expect.stringMatching(/^line 9: a quoted field is never closed/) }),
    );
    const good = parseCsvRows(text.slice(0, text.indexOf('4,"')));
    expect(good.map((r) => r.line)).toEqual([1, 2, 5, 8]);
    expect(good[0].fields).toEqual(['id', 'note']);
    expect(good[2].fields).toEqual(['2', 'three\r\nmore\r\nlines']);
  });

  it('reads a file whose line ends are mixed (CRLF rows, an LF inside a quoted field, a bare CR)', () => {
    const rows = parseCsvRows('a,b\r\n1,"x\ny"\n2,z\r3,w');
    expect(rows.map((r) => [r.line, ...r.fields])).toEqual([
      [1, 'a', 'b'],
      [2, '1', 'x\ny'],
      [4, '2', 'z'],
      [5, '3', 'w'],
    ]);
  });
});

describe('parseCsv (header → records)', () => {
  it('keys records by lower-cased, trimmed header names and reports field counts', () => {
    const t = parseCsv(' NPI ,Name\n1234567893,Acme\n1,2,3\n9\n');
    expect(t.header).toEqual(['npi', 'name']);
    expect(t.records[0]).toEqual({ line: 2, values: { npi: '1234567893', name: 'Acme' }, fieldCount: 2 });
    expect(t.records[1].fieldCount).toBe(3);
    expect(t.records[2].values).toEqual({ npi: '9', name: '' });
  });

  it('refuses an empty file, a duplicate or empty column name', () => {
    expect(() => parseCsv('')).toThrow(/empty/);
    expect(() => parseCsv('\uFEFF')).toThrow(/empty/);
    expect(() => parseCsv('a,A\n')).toThrow(/appears twice/);
    expect(() => parseCsv('a,,b\n')).toThrow(/no name/);
  });
});

describe('stringifyCsv', () => {
  it('quotes only what needs quoting and round-trips through the parser', () => {
    const rows = [
      { id: 'M1', name: 'García, Ana', note: 'said "ok"', empty: null },
      { id: 'M2', name: ' padded ', note: 'two\nlines', empty: undefined },
    ];
    const text = stringifyCsv(['id', 'name', 'note', 'empty'], rows);
    expect(text.split('\r\n')[1]).toBe('M1,"García, Ana","said ""ok""",');
    const back = parseCsv(text).records.map((r) => r.values);
    expect(back).toEqual([
      { id: 'M1', name: 'García, Ana', note: 'said "ok"', empty: '' },
      { id: 'M2', name: ' padded ', note: 'two\nlines', empty: '' },
    ]);
  });
});
