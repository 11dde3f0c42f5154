// `npm start`: builds what changed, then runs the compiled server with plain node.
//
// Why: tsx compiles every module on every start and `vite build` rebuilt the portals each time,
// so start-up on an existing database took tens of seconds (issue: start-up ≤ 5 s). Here the
// server is bundled once by esbuild (node_modules stay external) into build/server/main.js and
// the web app is rebuilt only when its sources change; a fingerprint of the inputs (paths, sizes,
// modification times) decides. The bundle finds its files (migrations, fonts, reference data, the
// web build) from the project root, see src/platform/project-root.ts.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runServerInChild, serverNodeFlags } from './server-node-flags.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (...p) => path.join(root, ...p);

/** Fingerprint of files under the given paths (recursive), by name, size and mtime. */
function fingerprint(paths) {
  const hash = createHash('sha256');
  const visit = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const name of readdirSync(p).sort()) if (name !== 'node_modules') visit(path.join(p, name));
    } else hash.update(`${path.relative(root, p)}\0${s.size}\0${s.mtimeMs}\n`);
  };
  for (const p of paths) visit(at(p));
  return hash.digest('hex');
}

function upToDate(stampFile, print) {
  return existsSync(stampFile) && readFileSync(stampFile, 'utf8') === print;
}

// The server: one ES module bundle (and the port check's), rebuilt when src/ changed.
const serverPrint = fingerprint(['src', 'scripts/check-port.ts', 'package-lock.json', 'tsconfig.json']);
const serverDir = at('build', 'server');
const serverStamp = path.join(serverDir, '.build-fingerprint');
if (!upToDate(serverStamp, serverPrint)) {
  const { build } = await import('esbuild');
  mkdirSync(serverDir, { recursive: true });
  await build({
    entryPoints: { main: at('src', 'main.ts'), 'check-port': at('scripts', 'check-port.ts') },
    outdir: serverDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    // Stack traces need the mappings, not the sources: a map without them is half the size and
    // node keeps it in memory for the life of the process (--enable-source-maps).
    sourcesContent: false,
    logLevel: 'warning',
  });
  writeFileSync(serverStamp, serverPrint);
}

// A port in use is said in words before anything slow (scripts/check-port.ts exits with the message).
await import(pathToFileURL(path.join(serverDir, 'check-port.js')).href);

// The portals: only when web/ (or what builds it) changed since the last build.
const webPrint = fingerprint(['web', 'vite.config.ts', 'package-lock.json']);
const webStamp = at('dist', 'web', '.build-fingerprint');
if (!upToDate(webStamp, webPrint)) {
  process.stderr.write('Building the web app (portals changed since the last build)…\n');
  const r = spawnSync(process.execPath, [at('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
  writeFileSync(webStamp, webPrint);
}

const mainJs = path.join(serverDir, 'main.js');
const flags = serverNodeFlags(process.env, process.execArgv);
if (flags.length === 0) await import(pathToFileURL(mainJs).href);
else runServerInChild(mainJs, flags);
