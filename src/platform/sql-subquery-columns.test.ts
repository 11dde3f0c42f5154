import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { pgTable, text } from 'drizzle-orm/pg-core';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './project-root.js';

// A Drizzle column inside a hand-written subquery of a `sql` template is a trap (3edc110): in a
// select from one table, or in a `returning`, Drizzle renders the column unqualified, and inside the
// subquery PostgreSQL resolves that bare name against the subquery's own table when it has a column
// of that name — silently, never an error. Elsewhere it is rendered as "table"."column", which a
// subquery over the same table (unaliased) takes as its own row. So a subquery in a `sql` template
// names the outer row by hand, qualified ("pa_requests"."id", r.id), and this test finds any
// `${table.column}` written inside one.

interface Finding {
  file: string;
  line: number;
  text: string;
}

/** `${table.column}` inside a parenthesised subquery, `(select …)`, `(with …)`, of a `sql` template. */
function columnsInSubqueries(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true);
  // The tables: imported from a *.tables module, or declared here with pgTable or alias.
  const tables = new Set<string>();
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const named = st.importClause?.namedBindings;
      if (/\.tables(\.js)?$/.test(st.moduleSpecifier.text) && named && ts.isNamedImports(named)) {
        for (const el of named.elements) tables.add(el.name.text);
      }
    }
  }
  const declare = (node: ts.Node): void => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      ts.isCallExpression(node.initializer) &&
      ts.isIdentifier(node.initializer.expression) &&
      ['pgTable', 'alias'].includes(node.initializer.expression.text)
    ) {
      tables.add(node.name.text);
    }
    ts.forEachChild(node, declare);
  };
  declare(sf);

  const findings: Finding[] = [];
  const isSqlTemplate = (n: ts.Node): n is ts.TaggedTemplateExpression =>
    ts.isTaggedTemplateExpression(n) && ts.isIdentifier(n.tag) && n.tag.text === 'sql';
  // One entry per open parenthesis: undefined until its first word says whether it is a subquery.
  type Group = { subquery: boolean | undefined };
  const scan = (textPart: string, stack: Group[], state: { quote: string | null }) => {
    for (let i = 0; i < textPart.length; i++) {
      const c = textPart[i];
      if (state.quote) {
        if (c === state.quote) state.quote = null;
        continue;
      }
      if (c === "'" || c === '"') state.quote = c;
      else if (c === '(') stack.push({ subquery: undefined });
      else if (c === ')') stack.pop();
      else if (/[A-Za-z_]/.test(c)) {
        const word = /^[A-Za-z_]+/.exec(textPart.slice(i))![0];
        const top = stack.at(-1);
        if (top && top.subquery === undefined) top.subquery = /^(select|with|values)$/i.test(word);
        i += word.length - 1;
      } else if (!/\s/.test(c)) {
        const top = stack.at(-1);
        if (top && top.subquery === undefined) top.subquery = false;
      }
    }
  };
  const walkTemplate = (node: ts.TaggedTemplateExpression, stack: Group[], state: { quote: string | null }) => {
    const tpl = node.template;
    if (ts.isNoSubstitutionTemplateLiteral(tpl)) return scan(tpl.text, stack, state);
    scan(tpl.head.text, stack, state);
    for (const span of tpl.templateSpans) {
      const e = span.expression;
      const top = stack.at(-1);
      if (top && top.subquery === undefined) top.subquery = false;
      if (isSqlTemplate(e)) {
        walkTemplate(e, stack, state); // a piece spliced in: read in its place
      } else {
        if (
          ts.isPropertyAccessExpression(e) &&
          ts.isIdentifier(e.expression) &&
          tables.has(e.expression.text) &&
          stack.some((g) => g.subquery)
        ) {
          const { line } = sf.getLineAndCharacterOfPosition(e.getStart());
          findings.push({ file, line: line + 1, text: `\${${e.getText()}}` });
        }
        ts.forEachChild(e, visit);
      }
      scan(span.literal.text, stack, state);
    }
  };
  const visit = (node: ts.Node): void => {
    if (isSqlTemplate(node)) return walkTemplate(node, [], { quote: null });
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? sourceFiles(join(dir, d.name))
      : d.name.endsWith('.ts') && !d.name.endsWith('.test.ts')
        ? [join(dir, d.name)]
        : [],
  );
}

describe('Drizzle columns inside hand-written subqueries', () => {
  it('none in src/: a subquery names the outer row qualified, by hand', () => {
    const root = projectRoot(import.meta.url);
    const src = join(root, 'src');
    const files = sourceFiles(src);
    expect(files.length).toBeGreaterThan(100);
    const findings = files.flatMap((f) => columnsInSubqueries(relative(root, f), readFileSync(f, 'utf8')));
    expect(findings).toEqual([]);
  });

  it('why: in a select from one table Drizzle renders the column bare, and the subquery takes it as its own', () => {
    const paRequests = pgTable('pa_requests', { id: text('id').primaryKey() });
    const query = drizzle
      .mock()
      .select({ documents: sql`(select count(*) from pa_attachments a where a.pa_request_id = ${paRequests.id})` })
      .from(paRequests)
      .toSQL();
    // "id" here is pa_attachments' own id, not the case's (the bug 3edc110 fixed).
    expect(query.sql).toContain('where a.pa_request_id = "id")');
  });

  it("finds 3edc110's bug, and a column of a table declared in the file", () => {
    const before = `
      import { sql } from 'drizzle-orm';
      import { paRequests } from './priorauth.tables.js';
      const q = (db) => db.select({
        documents: sql<Array<{ documentId: string | null }>>\`(select coalesce(json_agg(a.document_id), '[]'::json)
          from pa_attachments a where a.pa_request_id = \${paRequests.id})\`,
      }).from(paRequests);`;
    expect(columnsInSubqueries('before.ts', before)).toEqual([
      { file: 'before.ts', line: 6, text: '${paRequests.id}' },
    ]);
    const local = `
      const t = pgTable('t', {});
      const x = sql\`exists (select 1 from u where u.t_id = coalesce(\${t.id}, ''))\`;
      const y = sql\`(select \${sql\`\${t.id}\`})\`;`;
    expect(columnsInSubqueries('local.ts', local).map((f) => f.line)).toEqual([3, 4]);
  });

  it('leaves alone a column outside the subquery, a value, a table, and the fixed form', () => {
    const fine = `
      import { auditEvents, memberAlerts } from '../audit/audit.tables.js';
      const a = sql\`count(*) filter (where \${auditEvents.action} = 'x' and \${auditEvents.at} > coalesce(
        (select max(s.at) from audit_events s where s.entity_id = \${username}), '-infinity'))\`;
      const b = sql\`exists (select 1 from claims where member_id = \${memberId} and npi = \${party.npi})\`;
      const c = sql\`update \${memberAlerts} set n = 1 where id = (select id from \${memberAlerts} where s = \${sql.placeholder('s')})\`;
      const d = sql\`(select 1 from pa_attachments a where a.pa_request_id = "pa_requests"."id")\`;
      const e = sql\`coalesce(note, '(select') = \${auditEvents.entityId}\`;`;
    expect(columnsInSubqueries('fine.ts', fine)).toEqual([]);
  });
});
