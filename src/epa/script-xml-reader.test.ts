import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { readPlainScriptXml } from './script-xml-reader.js';
import { readWithParser } from './script-xml.js';

const EXAMPLES = path.resolve(import.meta.dirname, '../../docs/examples/epa');

/** fast-xml-parser's tree without the declaration (parseScriptMessage drops it), as JSON: key order counts. */
function library(xml: string): string {
  const doc = { ...(readWithParser(xml) as Record<string, unknown>) };
  delete doc['?xml'];
  return JSON.stringify(doc);
}

/** The fast path reads the document as fast-xml-parser does, or passes it on (undefined). */
function same(xml: string): 'fast' | 'passed on' {
  expect(XMLValidator.validate(xml), xml).toBe(true);
  const fast = readPlainScriptXml(xml);
  if (fast === undefined) return 'passed on';
  expect(JSON.stringify(fast), xml).toBe(library(xml));
  return 'fast';
}

describe('SCRIPT fast reader', () => {
  it('reads every documented example as fast-xml-parser does', () => {
    for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.xml')))
      expect(same(readFileSync(path.join(EXAMPLES, file), 'utf8')), file).toBe('fast');
  });

  it.each([
    [
      'prefixes and namespace declarations',
      '<s:Message xmlns:s="urn:x" xmlns="urn:y"><s:A s:q="1">x</s:A></s:Message>',
    ],
    [
      'entities in text and attributes',
      `<M><A q="a &amp; &quot;b&quot; &lt;c&gt;">&lt;x&gt; &amp;amp; &apos;y&apos;</A></M>`,
    ],
    ['whitespace around names and values', '<M  >\n\t<A   q = "  1 "  r=\'2\' >  t  </A >\n<B/>\n<B />\n</M>'],
    ['repeated elements apart', '<M><A>1</A><B>2</B><A>3</A><C><D/><D x="1"/><D>t</D></C></M>'],
    ['an element with attributes and children', '<M a="1"><A/></M>'],
    ['empty elements', '<M><A></A><B> </B><C x="1"></C></M>'],
    ['the declaration, then whitespace', '<?xml version="1.0" encoding="UTF-8"?>\n\n<M><A>1</A></M>\n'],
    ['two prefixes mapped to one attribute', '<M a:x="1" b:x="2" y="3"/>'],
  ])('reads %s as fast-xml-parser does', (_, xml) => expect(same(xml)).toBe('fast'));

  it.each([
    ['a comment', '<M><!-- c --><A>1</A></M>'],
    ['CDATA', '<M><A><![CDATA[<x>]]></A></M>'],
    ['a character reference', '<M><A>&#65;</A></M>'],
    ['another processing instruction', '<?xml-stylesheet href="a"?><M/>'],
    ['mixed content', '<M>text<A/></M>'],
    ['carriage returns', '<M>\r\n<A>1</A></M>'],
    ['a name that is an Object property', '<M><constructor>1</constructor><toString/></M>'],
    ['a declared xmlns element', '<M><xmlns:a>1</xmlns:a></M>'],
    ['> in an attribute', '<M a="x>y"/>'],
    ['deep nesting', `${'<A>'.repeat(80)}${'</A>'.repeat(80)}`],
    ['many entities', `<M>${'&amp;'.repeat(100)}</M>`],
    [
      'an entity named after an Object property, in text',
      '<M><A>&constructor;</A><B>&toString; &hasOwnProperty;</B></M>',
    ],
    ['an entity named after an Object property, in an attribute', '<M><A x="&__proto__;" y="&valueOf;"/></M>'],
  ])('passes on %s (read by fast-xml-parser)', (_, xml) => {
    expect(same(xml)).toBe('passed on');
  });

  it('reads generated documents as fast-xml-parser does', () => {
    const name = fc.constantFrom('A', 'B', 'x:C', 'D-e', 'F.g', 'h_1');
    const text = fc.constantFrom(
      '',
      ' ',
      'v',
      ' a b ',
      '&amp;',
      'x &lt; y',
      '0',
      '\n  t\n',
      '&quot;q&apos;',
      '>',
      '&constructor;',
      'a &__proto__; b',
    );
    const attributes = fc.uniqueArray(
      fc.tuple(fc.constantFrom('q', 'r', 'p:s', 'xmlns:p', 'xmlns'), text, fc.constantFrom('"', "'")),
      { selector: ([n]) => n, maxLength: 3 },
    );
    const space = fc.constantFrom('', ' ', '\n  ', '\t');
    const element: fc.Memo<string> = fc.memo((depth) =>
      fc
        .tuple(
          name,
          attributes,
          depth <= 1
            ? fc.oneof(text, fc.constant(null))
            : fc.oneof(text, fc.constant(null), fc.array(element(depth - 1), { minLength: 1, maxLength: 4 })),
          space,
        )
        .map(([n, attrs, content, ws]) => {
          const a = attrs
            .map(([k, v, q]) => ` ${k}=${q}${v.replaceAll(q, q === '"' ? '&quot;' : '&apos;')}${q}`)
            .join('');
          if (content === null) return `<${n}${a}${ws}/>`;
          const inner = Array.isArray(content) ? content.join(ws) : content;
          return `<${n}${a}${ws}>${inner}</${n}${ws}>`;
        }),
    );
    fc.assert(
      fc.property(element(4), fc.boolean(), (xml, declared) => {
        const doc = `${declared ? '<?xml version="1.0"?>\n' : ''}${xml}`;
        if (XMLValidator.validate(doc) === true) same(doc);
      }),
      { numRuns: 2000 },
    );
  });
});
