/**
 * Module-level cycle check (part of `npm run lint:deps`). dependency-cruiser's `no-circular` sees
 * files; this sees modules — the folders under src/ — so `a → b → a` through any two files of each
 * is caught even when no file cycle exists. It runs dependency-cruiser with the project's config
 * and prints both its rule violations and every strongly connected group of modules.
 *
 * What counts as a module, and what does not (ARCHITECTURE.md, "Modules and the dependencies they may have"):
 * - a folder under src/ (src/claims/rules/x.ts belongs to claims);
 * - not the composition roots, which know every module by design: src/composition, src/cli, src/main.ts,
 *   and the HTTP route table (src/adapters/http/app.ts, routes.ts). The rest of adapters/http (auth,
 *   schemas, problem+json) is the edge kit every module's routes use, and is a module like any other;
 * - not the kernel files at src/ root (config.ts, app-context.ts, db-schema.ts): every use case takes an
 *   AppContext and db-schema gathers every module's tables for drizzle-kit, so they sit beside the
 *   composition root (listed as a known exception in ARCHITECTURE.md);
 * - not tests (*.test.ts, *.test-support.ts), which may wire any modules together.
 *
 * Usage: tsx scripts/check-module-cycles.ts [--graph]   (--graph prints every module edge)
 */
import { spawnSync } from 'node:child_process';
import { format } from 'dependency-cruiser';
import type { ICruiseResult } from 'dependency-cruiser';

const COMPOSITION = /^src\/(composition\/|cli\/|main\.ts$|adapters\/http\/(app|routes)\.ts$)/;
const KERNEL = /^src\/(config|app-context|db-schema)\.ts$/;
const TEST = /\.test\.ts$|\.test-support\.ts$/;

/** The module a file belongs to, or null when it is not part of the module graph. */
export function moduleOf(file: string): string | null {
  if (!file.startsWith('src/') || COMPOSITION.test(file) || KERNEL.test(file) || TEST.test(file)) return null;
  const m = /^src\/([^/]+)\//.exec(file);
  if (!m) return null;
  return m[1] === 'adapters' ? `adapters/${file.split('/')[2]}` : m[1];
}

/** Strongly connected groups of more than one module (Tarjan). */
export function moduleCycles(edges: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return groups;
}

async function main() {
  // One cruise with the CLI (it reads tsconfig and the rules from .dependency-cruiser.cjs), read as JSON.
  const run = spawnSync(
    'npx',
    ['depcruise', 'src', 'web/src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  if (!run.stdout) throw new Error(`dependency-cruiser produced no output: ${run.stderr}`);
  const cruised = JSON.parse(run.stdout) as ICruiseResult;
  const report = await format(cruised, { outputType: 'err-long' });
  process.stdout.write(report.output as string);

  const edges = new Map<string, Set<string>>();
  const via = new Map<string, string>();
  for (const m of cruised.modules) {
    const from = moduleOf(m.source);
    if (!from) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    for (const d of m.dependencies) {
      const to = moduleOf(d.resolved);
      if (!to || to === from) continue;
      edges.get(from)!.add(to);
      if (!via.has(`${from} ${to}`)) via.set(`${from} ${to}`, `${m.source} → ${d.resolved}`);
    }
  }
  if (process.argv.includes('--graph'))
    for (const [from, tos] of [...edges].sort()) console.log(`${from} → ${[...tos].sort().join(', ')}`);

  const cycles = moduleCycles(edges);
  console.log(`\nmodule graph: ${edges.size} modules, ${cycles.reduce((n, g) => n + g.length, 0)} in cycles`);
  for (const group of cycles) {
    console.error(`\n  error no-module-cycles: ${group.join(', ')} depend on each other through:`);
    const inGroup = new Set(group);
    for (const from of group)
      for (const to of edges.get(from) ?? []) if (inGroup.has(to)) console.error(`    ${via.get(`${from} ${to}`)}`);
  }
  if (cycles.length > 0 || cruised.summary.error > 0) process.exit(1);
}

await main();
