/**
 * A fast path for reading a SCRIPT message that XMLValidator has found well-formed: the tree
 * fast-xml-parser builds with script-xml.ts's options (every element an array, attributes as
 * `@_name`, namespace prefixes and xmlns declarations dropped, text trimmed and its five XML
 * entities decoded), at a fraction of its cost per message (issue #11: API CPU per ePA exchange).
 *
 * It reads only the plain subset hubs send — elements, attributes, text, an `<?xml …?>`
 * declaration — and answers undefined for anything else (comments, CDATA, other processing
 * instructions, character references, mixed content, carriage returns, deep nesting, names that
 * are Object properties, many entities), which the caller then gives to fast-xml-parser: the tree
 * is the same either way (script-xml-reader.test.ts compares both). Pure, no I/O.
 */

type Tree = Record<string, unknown>;

// A Map, not an object literal: `&constructor;` or `&__proto__;` must not find Object's properties.
const ENTITY_VALUES = new Map<string, string>([
  ['lt', '<'],
  ['gt', '>'],
  ['amp', '&'],
  ['apos', "'"],
  ['quot', '"'],
]);
/** fast-xml-parser counts entity expansions against a limit: many of them go its way. */
const MAX_ENTITIES = 64;
/** fast-xml-parser refuses more than 100 nested tags: deep documents go its way. */
const MAX_DEPTH = 64;
const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09;
}

/** A tag's or attribute's name without its namespace prefix, or undefined when the fast path does not take it. */
function localName(name: string): string | undefined {
  if (!NAME.test(name)) return undefined;
  const colon = name.indexOf(':');
  const local = colon < 0 ? name : name.slice(colon + 1);
  if (local in Object.prototype || local === 'prototype') return undefined;
  return local;
}

export function readPlainScriptXml(xml: string): Tree | undefined {
  if (xml.includes('<!') || xml.includes('\r') || xml.charCodeAt(0) === 0xfeff) return undefined;
  let entities = 0;
  const decode = (raw: string): string | undefined => {
    const text = raw.trim();
    if (!text.includes('&')) return text;
    let out = '';
    let at = 0;
    for (let amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', at)) {
      const semi = text.indexOf(';', amp);
      const value = semi < 0 ? undefined : ENTITY_VALUES.get(text.slice(amp + 1, semi));
      if (value === undefined || ++entities > MAX_ENTITIES) return undefined;
      out += text.slice(at, amp) + value;
      at = semi + 1;
    }
    return out + text.slice(at);
  };

  const root: Tree = {};
  // The open elements: their children, their attributes and their text so far.
  const stack: Array<{ name: string; children: Tree; attributes: Tree | undefined; text: string; elements: boolean }> =
    [];
  let i = 0;
  const n = xml.length;
  // The declaration, as fast-xml-parser reads it, is dropped by its caller: not read here.
  if (/^<\?xml\s/.test(xml)) {
    const end = xml.indexOf('?>');
    if (end < 0) return undefined;
    i = end + 2;
  }
  let sawRoot = false;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const segment = xml.slice(i, textEnd);
      if (stack.length === 0) {
        if (segment.trim()) return undefined;
      } else stack[stack.length - 1].text += segment;
    }
    if (lt < 0) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) return undefined;
    if (next === 0x2f /* / */) {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) return undefined;
      const open = stack.pop();
      if (!open || xml.slice(lt + 2, gt).trim() !== open.name) return undefined;
      const value = closeElement(open, decode);
      if (value === undefined) return undefined;
      addChild(stack.length ? stack[stack.length - 1] : undefined, root, localName(open.name)!, value);
      i = gt + 1;
      continue;
    }
    // A start tag: its name, its attributes, then > or />.
    let j = lt + 1;
    while (j < n && !isWhitespace(xml.charCodeAt(j)) && xml[j] !== '>' && xml[j] !== '/') j++;
    const name = xml.slice(lt + 1, j);
    const local = localName(name);
    if (local === undefined || local === 'xmlns' || name.startsWith('xmlns:')) return undefined;
    let attributes: Tree | undefined;
    for (;;) {
      while (j < n && isWhitespace(xml.charCodeAt(j))) j++;
      if (j >= n) return undefined;
      if (xml[j] === '>' || xml[j] === '/') break;
      let k = j;
      while (k < n && !isWhitespace(xml.charCodeAt(k)) && xml[k] !== '=' && xml[k] !== '>' && xml[k] !== '/') k++;
      const attributeName = xml.slice(j, k);
      while (k < n && isWhitespace(xml.charCodeAt(k))) k++;
      if (xml[k] !== '=') return undefined;
      k++;
      while (k < n && isWhitespace(xml.charCodeAt(k))) k++;
      const quote = xml[k];
      if (quote !== '"' && quote !== "'") return undefined;
      const close = xml.indexOf(quote, k + 1);
      if (close < 0) return undefined;
      const raw = xml.slice(k + 1, close);
      if (raw.includes('<') || raw.includes('>')) return undefined;
      j = close + 1;
      // xmlns and xmlns:* declarations are dropped, as fast-xml-parser drops them.
      if (attributeName === 'xmlns' || attributeName.startsWith('xmlns:')) {
        if (!NAME.test(attributeName)) return undefined;
        continue;
      }
      const attributeLocal = localName(attributeName);
      const value = decode(raw);
      if (attributeLocal === undefined || value === undefined) return undefined;
      attributes ??= {};
      attributes[`@_${attributeLocal}`] = value;
    }
    if (stack.length >= MAX_DEPTH) return undefined;
    const element = { name, children: {}, attributes, text: '', elements: false };
    if (stack.length === 0) {
      if (sawRoot) return undefined;
      sawRoot = true;
    } else stack[stack.length - 1].elements = true;
    if (xml[j] === '/') {
      if (xml[j + 1] !== '>') return undefined;
      const value = closeElement(element, decode);
      if (value === undefined) return undefined;
      addChild(stack.length ? stack[stack.length - 1] : undefined, root, local, value);
      i = j + 2;
    } else {
      stack.push(element);
      i = j + 1;
    }
  }
  return stack.length === 0 && sawRoot ? root : undefined;
}

/** An element's value in fast-xml-parser's form; undefined for mixed content (text beside elements). */
function closeElement(
  element: { children: Tree; attributes: Tree | undefined; text: string; elements: boolean },
  decode: (raw: string) => string | undefined,
): unknown {
  const text = decode(element.text);
  if (text === undefined) return undefined;
  if (text && element.elements) return undefined;
  if (!element.attributes) return element.elements ? element.children : text;
  const value: Tree = element.children;
  if (text) value['#text'] = text;
  return Object.assign(value, element.attributes);
}

function addChild(parent: { children: Tree } | undefined, root: Tree, name: string, value: unknown): void {
  const into = parent ? parent.children : root;
  const existing = into[name] as unknown[] | undefined;
  if (existing) existing.push(value);
  else into[name] = [value];
}
