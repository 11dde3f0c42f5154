import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The checkout's root folder (where package.json names "openpbm"), found from the calling module's
 * URL. Files the server reads at run time (migrations, reference data, fonts, the web build, docs)
 * are addressed from here, so the same code runs from src/ under tsx and from the compiled bundle
 * in build/server/ (scripts/start.mjs).
 */
export function projectRoot(fromUrl: string = import.meta.url): string {
  let dir = path.dirname(fileURLToPath(fromUrl));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'openpbm') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no openpbm package.json above ${fileURLToPath(fromUrl)}`);
    dir = parent;
  }
}

/** A path inside the checkout, e.g. `fromProjectRoot('migrations')`. */
export const fromProjectRoot = (...parts: string[]) => path.join(projectRoot(), ...parts);
