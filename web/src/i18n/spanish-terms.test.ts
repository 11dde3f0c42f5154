import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * docs/design.md#portal-language: one Spanish word for each thing, the one the plan's Spanish letters use
 * (src/notices/letters/i18n/messages/es.json): "reclamación" for a claim, "afiliado" for a member ("Número de afiliado" for its ID, and
 * "Servicios al afiliado" for member services), "autorización previa", "apelación", "farmacia". Every Spanish string of the web app — the `es` side of each feature's
 * `{ en, es }` dictionary — is read from the source and checked against the synonyms not chosen.
 */
const NOT_CHOSEN: { term: string; pattern: RegExp; use: string }[] = [
  { term: 'reclamo', pattern: /\breclamos?\b/i, use: 'reclamación' },
  { term: 'solicitud de pago (claim)', pattern: /\bsolicitud(es)? de pago\b/i, use: 'reclamación' },
  { term: 'miembro', pattern: /\bmiembros?\b/i, use: 'afiliado' },
  {
    term: 'another name for member services',
    pattern: /\b[Ss]ervicios (para|a) (los )?afiliados?\b|\bservicios al afiliado\b/,
    use: 'Servicios al afiliado',
  },
  { term: 'AP / PA (abbreviation)', pattern: /\b(AP|PA)\b/, use: 'autorización previa' },
  { term: 'preautorización', pattern: /\bpre-?autorizaci[oó]n/i, use: 'autorización previa' },
  { term: 'aprobación previa', pattern: /\baprobaci[oó]n previa\b/i, use: 'autorización previa' },
  { term: 'autorización anticipada', pattern: /\bautorizaci[oó]n anticipada\b/i, use: 'autorización previa' },
  { term: 'impugnación', pattern: /\bimpugnaci[oó]n/i, use: 'apelación' },
  { term: 'recurso (appeal)', pattern: /\brecurso de apelaci[oó]n|\bpresentar un recurso\b/i, use: 'apelación' },
  { term: 'droguería / botica', pattern: /\b(droguer[ií]a|botica)s?\b/i, use: 'farmacia' },
  {
    term: 'another label for the member ID',
    pattern: /\b(n[uú]m\.|id\.?|no\.|nº) de afiliado\b/i,
    use: 'Número de afiliado',
  },
];

const WEB_SRC = path.resolve(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Every string written under an `es` key (an object of strings, or one string), with where it is. */
function spanishStrings(file: string): { text: string; where: string }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { text: string; where: string }[] = [];
  const collect = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push({ text: node.text, where: `${path.relative(WEB_SRC, file)}:${line + 1}` });
    } else if (ts.isTemplateExpression(node)) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      const text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' … ');
      found.push({ text, where: `${path.relative(WEB_SRC, file)}:${line + 1}` });
    }
    ts.forEachChild(node, collect);
  };
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && node.name.getText(source) === 'es') collect(node.initializer);
    else ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const ALL = sourceFiles(WEB_SRC).flatMap(spanishStrings);

describe('Spanish words in the web app', () => {
  it('reads the Spanish side of the dictionaries (a broken reader would pass anything)', () => {
    expect(ALL.length).toBeGreaterThan(1000);
    expect(ALL.some((s) => s.text === 'Mi cobertura')).toBe(true);
  });

  it('says "reclamación", "afiliado", "Número de afiliado", "autorización previa", "apelación" and "farmacia", never a synonym', () => {
    const wrong = ALL.flatMap(({ text, where }) =>
      NOT_CHOSEN.filter((n) => n.pattern.test(text)).map((n) => `${where}: “${text}” has ${n.term}; use ${n.use}`),
    );
    expect(wrong).toEqual([]);
  });

  it('catches a synonym when one is written (the check itself works)', () => {
    const hits = [
      'Envíe el reclamo',
      'Requiere AP',
      'Vaya a la botica',
      'Número de miembro',
      'Llame a servicios para afiliados',
      'Llame a servicios al afiliado',
      'Núm. de afiliado',
      'ID de afiliado',
    ].filter((text) => NOT_CHOSEN.some((n) => n.pattern.test(text)));
    expect(hits).toHaveLength(8);
    expect(NOT_CHOSEN.some((n) => n.pattern.test('Número de afiliado'))).toBe(false);
    expect(NOT_CHOSEN.some((n) => n.pattern.test('Llame a Servicios al afiliado'))).toBe(false);
  });
});
