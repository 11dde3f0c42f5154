/**
 * OpenPBM's schema for the subset of NCPDP SCRIPT it reads (docs/epa-script.md). The SCRIPT XSD is
 * licensed and not public, so the subset is declared here as a tree of elements: one declaration
 * drives the validation of inbound messages (an Error naming the element, never a 500) and the
 * element tables of the documentation. Pure, no I/O.
 */
export type TextKind = 'string' | 'date' | 'datetime' | 'decimal' | 'integer' | 'npi' | 'base64' | 'boolean';

export interface ElementDef {
  name: string;
  /** Minimum occurrences (default 1). */
  min?: number;
  /** Maximum occurrences (default 1). */
  max?: number;
  /** A leaf's value type; absent on elements with children. */
  text?: TextKind;
  /** A leaf's allowed values. */
  values?: readonly string[];
  maxLength?: number;
  children?: ElementDef[];
  /** Exactly one of the children (a SCRIPT choice), instead of all of them. */
  choice?: boolean;
  /** Attributes the element may carry (name → allowed values, or null for free text). */
  attributes?: Record<string, readonly string[] | null>;
  doc: string;
}

/** A validated element: text for leaves, an object of children otherwise (arrays where max > 1). */
export type ScriptNode = string | { [name: string]: ScriptNode | ScriptNode[] | undefined };

export class ScriptSchemaError extends Error {
  constructor(
    /** Slash path of the element in error, e.g. Message/Body/PARequest/PAReferenceID. */
    readonly element: string,
    readonly problem: string,
  ) {
    super(`${element}: ${problem}`);
  }
}

const PATTERNS: Record<TextKind, RegExp | null> = {
  string: null,
  date: /^\d{4}-\d{2}-\d{2}$/,
  datetime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/,
  decimal: /^-?\d{1,11}(\.\d{1,5})?$/,
  integer: /^\d{1,9}$/,
  npi: /^\d{10}$/,
  base64: /^[A-Za-z0-9+/\s]*={0,2}\s*$/,
  boolean: /^(true|false)$/,
};

const KIND_WORDS: Record<TextKind, string> = {
  string: 'text',
  date: 'a date YYYY-MM-DD',
  datetime: 'a date-time with zone (YYYY-MM-DDThh:mm:ssZ)',
  decimal: 'a decimal number',
  integer: 'a whole number',
  npi: 'a 10-digit NPI',
  base64: 'base64 data',
  boolean: 'true or false',
};

/** fast-xml-parser output with every element as an array (isArray: true) and attributes under `@_`. */
type RawElement = Record<string, unknown> | string;

function textOf(raw: RawElement, path: string): string {
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return String(raw).trim();
  const keys = Object.keys(raw).filter((k) => !k.startsWith('@_'));
  if (keys.length === 1 && keys[0] === '#text') return String(raw['#text'] as string).trim();
  if (keys.length === 0) return '';
  throw new ScriptSchemaError(
    `${path}/${keys.find((k) => k !== '#text')}`,
    'is not expected here (this element holds a value)',
  );
}

function checkAttributes(def: ElementDef, raw: RawElement, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof raw !== 'object') return out;
  for (const [k, v] of Object.entries(raw)) {
    if (!k.startsWith('@_')) continue;
    const name = k.slice(2);
    if (name === 'xmlns' || name.startsWith('xmlns:') || name.startsWith('xsi:')) continue;
    const allowed = def.attributes?.[name];
    if (allowed === undefined) throw new ScriptSchemaError(`${path}/@${name}`, 'is not an attribute of this element');
    if (allowed && !allowed.includes(String(v)))
      throw new ScriptSchemaError(`${path}/@${name}`, `must be one of ${allowed.join(', ')}`);
    out[name] = String(v);
  }
  return out;
}

function validateElement(def: ElementDef, raw: RawElement, path: string): ScriptNode {
  const attrs = checkAttributes(def, raw, path);
  if (!def.children) {
    const value = textOf(raw, path);
    const kind = def.text ?? 'string';
    if (!value) throw new ScriptSchemaError(path, `is empty; it must be ${KIND_WORDS[kind]}`);
    if (def.maxLength && value.length > def.maxLength)
      throw new ScriptSchemaError(path, `is longer than ${def.maxLength} characters`);
    const pattern = PATTERNS[kind];
    if (pattern && !pattern.test(value)) throw new ScriptSchemaError(path, `must be ${KIND_WORDS[kind]}`);
    if (kind === 'date' || kind === 'datetime') {
      const d = new Date(kind === 'date' ? `${value}T00:00:00Z` : value);
      if (Number.isNaN(d.getTime()) || (kind === 'date' && d.toISOString().slice(0, 10) !== value))
        throw new ScriptSchemaError(path, `is not a real ${kind === 'date' ? 'date' : 'date-time'}`);
    }
    if (def.values && !def.values.includes(value))
      throw new ScriptSchemaError(path, `must be one of ${def.values.join(', ')}`);
    return Object.keys(attrs).length ? { '#text': value, ...prefixed(attrs) } : value;
  }
  if (typeof raw !== 'object') {
    if (String(raw).trim() === '' && !def.choice && def.children.every((c) => (c.min ?? 1) === 0)) return {};
    throw new ScriptSchemaError(path, `must contain elements (${def.children.map((c) => c.name).join(', ')})`);
  }
  const present = Object.keys(raw).filter((k) => !k.startsWith('@_') && k !== '#text');
  if (raw['#text'] !== undefined && String(raw['#text'] as string).trim())
    throw new ScriptSchemaError(path, 'holds text where elements are expected');
  const known = new Map(def.children.map((c) => [c.name, c]));
  for (const name of present)
    if (!known.has(name)) throw new ScriptSchemaError(`${path}/${name}`, 'is not expected here');
  const out: Record<string, ScriptNode | ScriptNode[]> = { ...prefixed(attrs) };
  if (def.choice) {
    if (present.length !== 1)
      throw new ScriptSchemaError(
        path,
        `must contain exactly one of ${def.children.map((c) => c.name).join(', ')}${present.length ? ` (found ${present.join(', ')})` : ''}`,
      );
  }
  for (const child of def.children) {
    const items = (raw[child.name] as RawElement[] | undefined) ?? [];
    const min = def.choice ? 0 : (child.min ?? 1);
    const max = child.max ?? 1;
    if (items.length < min) throw new ScriptSchemaError(`${path}/${child.name}`, 'is required');
    if (items.length > max)
      throw new ScriptSchemaError(
        `${path}/${child.name}`,
        max === 1 ? 'may appear once' : `may appear at most ${max} times`,
      );
    if (!items.length) continue;
    const nodes = items.map((it, i) =>
      validateElement(child, it ?? '', max > 1 ? `${path}/${child.name}[${i + 1}]` : `${path}/${child.name}`),
    );
    out[child.name] = max > 1 ? nodes : nodes[0];
  }
  return out;
}

function prefixed(attrs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(attrs).map(([k, v]) => [`@${k}`, v]));
}

/** Validates a parsed element (fast-xml-parser, every element an array) against its definition. */
export function validateAgainst(def: ElementDef, raw: unknown, path = def.name): ScriptNode {
  return validateElement(def, (raw ?? '') as RawElement, path);
}

/** One row per element for the documentation's tables: path, cardinality, type and meaning. */
export function elementRows(
  def: ElementDef,
  prefix = '',
): Array<{ path: string; card: string; type: string; doc: string }> {
  const path = prefix ? `${prefix}/${def.name}` : def.name;
  const card = `${def.min ?? 1}..${(def.max ?? 1) > 1 ? (def.max === Infinity ? 'n' : def.max) : 1}`;
  const type = def.children
    ? def.choice
      ? 'one of'
      : ''
    : def.values
      ? def.values.join(' \\| ')
      : (def.text ?? 'string');
  const rows = [{ path, card, type, doc: def.doc }];
  for (const c of def.children ?? []) rows.push(...elementRows(c, path));
  return rows;
}
