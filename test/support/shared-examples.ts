import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sharedDir } from '../../src/shared/test-needs.test-support.js';

export { hasSharedExamples } from '../../src/shared/test-needs.test-support.js';

/**
 * The directory of public example files a conformance test reads (../shared/examples, or OPENPBM_SHARED_DIR/examples:
 * beside the repository, never shipped in it). Tests guard with hasSharedExamples(sub) — in CI a missing folder fails
 * the run, locally the tests skip and say so; reading a missing folder anyway fails with where the files come from.
 */
export function sharedExamplesDir(sub: string): string {
  const dir = path.join(sharedDir(), 'examples', sub);
  if (!existsSync(dir))
    throw new Error(
      `${dir} is missing. These conformance files are public examples that the project does not ship: ` +
        `${sub} files come from the repositories listed in ../shared/examples/MANIFEST.md ` +
        '(for NCPDP: EdiFabric/NCPDP.NET Files/ and transactrx/NCPDPSerDe test constants, byte for byte; for FHIR: HL7/davinci-crd, ' +
        'HL7-DaVinci/drug-formulary-ri and the inferno-framework PAS and DTR test kits). ' +
        'Check out the shared folder beside this repository (../shared) to run this test.',
    );
  return dir;
}

/** Every file under a shared examples directory (relative paths, sorted), with its bytes. */
export function sharedExampleFiles(sub: string): Array<{ name: string; bytes: Buffer }> {
  const dir = sharedExamplesDir(sub);
  const out: Array<{ name: string; bytes: Buffer }> = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d).sort()) {
      const full = path.join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else out.push({ name: path.relative(dir, full), bytes: readFileSync(full) });
    }
  };
  walk(dir);
  return out;
}

/** One JSON example, e.g. readExample('crd/CRDServices.json'); fails with the files' origin when ../shared is absent. */
export function readExample<T = any>(relativePath: string): T {
  const dir = sharedExamplesDir(path.dirname(relativePath));
  return JSON.parse(readFileSync(path.join(dir, path.basename(relativePath)), 'utf8')) as T;
}

/** File names (sorted) in one examples folder, e.g. listExamples('pas/ig-2.2.1-examples', /^Bundle-/). */
export function listExamples(sub: string, pattern: RegExp = /\.json$/): string[] {
  return readdirSync(sharedExamplesDir(sub))
    .filter((f) => pattern.test(f))
    .sort();
}
