import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MESSAGE, SCRIPT_NAMESPACE, SCRIPT_VERSION, type InboundTransaction } from './script-messages.js';
import { ScriptSchemaError, validateAgainst, type ScriptNode } from './script-schema.js';
import { readPlainScriptXml } from './script-xml-reader.js';

/** A message is at most this large (ten attachments of a few MB, base64). */
export const MAX_SCRIPT_BYTES = 30 * 1024 * 1024;

export interface ScriptHeader {
  to: string;
  from: string;
  messageId: string;
  relatesToMessageId?: string;
  sentTime: string;
  prescriberOrderNumber?: string;
}

export interface InboundMessage {
  header: ScriptHeader;
  transaction: InboundTransaction;
  body: Record<string, ScriptNode | ScriptNode[] | undefined>;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Every element an array: the schema decides what may repeat.
  isArray: (_name, _jpath, _isLeaf, isAttribute) => !isAttribute,
  // No DOCTYPE entities are ever expanded (they are refused before parsing anyway).
  processEntities: true,
  htmlEntities: false,
  // isArray reads no path: without this the parser renders each element's path as a string for it.
  jPath: false,
});

/** fast-xml-parser's tree of a message (exported for script-xml-reader.test.ts, which compares the fast path with it). */
export function readWithParser(xml: string): unknown {
  return parser.parse(xml);
}

/** The header's MessageID even from a message that fails validation (so an Error can relate to it). */
export function sniffMessageId(xml: string): string | undefined {
  return /<(?:\w+:)?MessageID>\s*([^<\s]{1,35})\s*</.exec(xml)?.[1];
}

/**
 * Reads one SCRIPT message: well-formed XML, no DOCTYPE, root Message in the SCRIPT namespace,
 * and every element as OpenPBM's schema for the subset declares it. Throws ScriptSchemaError
 * naming the element in error (or `Message` for XML that does not parse).
 */
export function parseScriptMessage(xml: string): InboundMessage {
  if (/<!DOCTYPE/i.test(xml)) throw new ScriptSchemaError('Message', 'a DOCTYPE is not allowed');
  const wellFormed = XMLValidator.validate(xml);
  if (wellFormed !== true)
    throw new ScriptSchemaError(
      'Message',
      `is not well-formed XML (line ${wellFormed.err.line}, column ${wellFormed.err.col}: ${wellFormed.err.msg})`,
    );
  // The plain messages hubs send are read by a fast path; anything else by fast-xml-parser (the same tree).
  const doc = (readPlainScriptXml(xml) ?? readWithParser(xml)) as Record<string, unknown[]>;
  const roots = Object.keys(doc).filter((k) => k !== '?xml');
  if (roots.length !== 1 || roots[0] !== 'Message')
    throw new ScriptSchemaError(roots[0] ?? 'Message', 'the root element must be Message');
  const root = (doc.Message as unknown[])[0];
  // The parser drops namespace prefixes; the root's own declaration is read from its start tag.
  const start = /<(?:(\w+):)?Message\b[^>]*>/.exec(xml)?.[0] ?? '';
  const prefix = /<(\w+):Message/.exec(start)?.[1];
  const ns = new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ''}="([^"]*)"`).exec(start)?.[1];
  if (ns !== undefined && ns !== SCRIPT_NAMESPACE)
    throw new ScriptSchemaError('Message/@xmlns', `must be ${SCRIPT_NAMESPACE}`);
  const message = validateAgainst(MESSAGE, root) as Record<string, Record<string, ScriptNode>>;
  const h = message.Header as Record<string, ScriptNode>;
  const body = message.Body as Record<string, ScriptNode>;
  const transaction = Object.keys(body)[0] as InboundTransaction;
  return {
    header: {
      to: text(h.To)!,
      from: text(h.From)!,
      messageId: text(h.MessageID)!,
      relatesToMessageId: text(h.RelatesToMessageID),
      sentTime: text(h.SentTime)!,
      prescriberOrderNumber: text(h.PrescriberOrderNumber),
    },
    transaction,
    body: body[transaction] as InboundMessage['body'],
  };
}

/** A leaf's value (its text, also when it carries attributes). */
export function text(node: ScriptNode | ScriptNode[] | undefined): string | undefined {
  if (node === undefined || Array.isArray(node)) return undefined;
  return typeof node === 'string' ? node : (node['#text'] as string | undefined);
}

/** Child element of a validated node. */
export function child(node: ScriptNode | ScriptNode[] | undefined, ...names: string[]): ScriptNode | undefined {
  let cur: ScriptNode | ScriptNode[] | undefined = node;
  for (const n of names) {
    if (cur === undefined || typeof cur === 'string' || Array.isArray(cur)) return undefined;
    cur = cur[n];
  }
  return Array.isArray(cur) ? cur[0] : cur;
}

export function children(node: ScriptNode | undefined, name: string): ScriptNode[] {
  if (node === undefined || typeof node === 'string') return [];
  const v = node[name];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** Outbound element trees: plain objects in element order; attributes as `@_Name`. */
export type OutNode = string | number | OutNode[] | { [name: string]: OutNode | null | undefined };

// The five XML characters, a carriage return (kept as a reference: a parser turns a literal one
// into a line feed), and what XML 1.0 cannot carry at all (its Char production: C0 controls but
// tab and line feed, U+FFFE, U+FFFF, lone surrogates). Inbound values are echoed back (a message
// ID, an NPI in an error's description), so a hub's stray control character must not make our
// answer a document no parser reads: it is written as U+FFFD.
const SPECIAL =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[&<>'"\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const SPECIALS = new RegExp(SPECIAL.source, 'g');
const ENTITY_OF: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  "'": '&apos;',
  '"': '&quot;',
  '\r': '&#13;',
};
const escaped = (v: string | number) => {
  const s = String(v);
  return SPECIAL.test(s) ? s.replace(SPECIALS, (c) => ENTITY_OF[c] ?? '\uFFFD') : s;
};
const INDENT = Array.from({ length: 32 }, (_, i) => '  '.repeat(i));
const indent = (level: number) => INDENT[level] ?? '  '.repeat(level);

/**
 * One element (or, for an array, one per item) at `level`, in fast-xml-parser's XMLBuilder form
 * as OpenPBM configured it before (format, two-space indent, empty elements self-closed, the five
 * XML entities escaped, an attribute whose value is "true" written bare; undefined and null
 * members absent; unlike it, nothing XML 1.0 cannot carry, see SPECIAL): the same bytes at a fraction of its cost per answer (issue #11: API CPU per
 * ePA exchange). Attributes and #text take values, never elements.
 */
function writeElement(name: string, node: OutNode, level: number): string {
  if (Array.isArray(node)) {
    let out = '';
    for (const item of node) {
      if (item === undefined || item === null) continue;
      // An array in an array is an element whose children are named by their index, as XMLBuilder wrote it.
      out += Array.isArray(item)
        ? writeObject(name, Object.fromEntries(item.entries()), level)
        : writeElement(name, item, level);
    }
    return out;
  }
  if (typeof node !== 'object') {
    const value = escaped(node);
    const pad = indent(level);
    return value === '' ? `${pad}<${name}/>\n` : `${pad}<${name}>${value}</${name}>\n`;
  }
  return writeObject(name, node, level);
}

function writeObject(name: string, node: { [name: string]: OutNode | null | undefined }, level: number): string {
  const pad = indent(level);
  let attributes = '';
  let inner = '';
  for (const key of Object.keys(node)) {
    const v = node[key];
    if (v === undefined || v === null) continue;
    if (key.startsWith('@_') && typeof v !== 'object') {
      const value = escaped(v);
      attributes += value === 'true' ? ` ${key.slice(2)}` : ` ${key.slice(2)}="${value}"`;
    } else if (key === '#text' && typeof v !== 'object') inner += escaped(v);
    else inner += writeElement(key, v, level + 1);
  }
  if (inner === '') return `${pad}<${name}${attributes}/>\n`;
  if (!inner.includes('<')) return `${pad}<${name}${attributes}>${inner}</${name}>\n`;
  return `${pad}<${name}${attributes}>\n${inner}${pad}</${name}>\n`;
}

/** Writes one SCRIPT message: the envelope, the header and the transaction body. */
export function buildScriptMessage(header: ScriptHeader, transaction: string, body: OutNode): string {
  const message = {
    '@_xmlns': SCRIPT_NAMESPACE,
    '@_DatatypesVersion': SCRIPT_VERSION,
    '@_TransportVersion': SCRIPT_VERSION,
    '@_TransactionDomain': 'SCRIPT',
    '@_TransactionVersion': SCRIPT_VERSION,
    '@_StructuresVersion': SCRIPT_VERSION,
    '@_ECLVersion': SCRIPT_VERSION,
    Header: {
      To: { '#text': header.to, '@_Qualifier': header.to === 'OPENPBM' ? 'P' : 'ZZZ' },
      From: { '#text': header.from, '@_Qualifier': header.from === 'OPENPBM' ? 'P' : 'ZZZ' },
      MessageID: header.messageId,
      RelatesToMessageID: header.relatesToMessageId,
      SentTime: header.sentTime,
      PrescriberOrderNumber: header.prescriberOrderNumber,
    },
    Body: { [transaction]: body },
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${writeElement('Message', message, 0)}`;
}
