import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { available, hasSharedExamples, sharedDir } from './test-needs.test-support.js';

const MISSING = path.join('/nonexistent', `openpbm-shared-${process.pid}`);

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('what a test needs from outside the repository', () => {
  it('OPENPBM_SHARED_DIR points the shared folder elsewhere', () => {
    vi.stubEnv('OPENPBM_SHARED_DIR', MISSING);
    expect(sharedDir()).toBe(MISSING);
  });

  it('in CI a missing examples folder fails with what is missing and how to get it', () => {
    vi.stubEnv('OPENPBM_SHARED_DIR', MISSING);
    vi.stubEnv('CI', 'true');
    expect(() => hasSharedExamples('ncpdp')).toThrowError(
      new RegExp(
        `^CI: The public example files ncpdp/ is missing \\(${MISSING}/examples/ncpdp\\)\\. .*check out the shared folder beside this repository \\(\\.\\./shared.*OPENPBM_SHARED_DIR`,
      ),
    );
  });

  it('in CI a missing Chromium fails the same way', () => {
    vi.stubEnv('CI', 'true');
    expect(() => available(MISSING, 'Chromium', 'Install it (apt-get install chromium).')).toThrowError(
      `CI: Chromium is missing (${MISSING}). Install it (apt-get install chromium).`,
    );
  });

  it('locally a missing need skips loudly: false, and one SKIPPED line on stderr naming it', () => {
    vi.stubEnv('OPENPBM_SHARED_DIR', MISSING);
    vi.stubEnv('CI', '');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(hasSharedExamples('crd')).toBe(false);
    expect(stderr).toHaveBeenCalledTimes(1);
    expect(String(stderr.mock.calls[0]![0])).toMatch(/^SKIPPED: The public example files crd\/ is missing/);
  });

  it('a need that is present is simply available, in CI too', () => {
    vi.stubEnv('CI', 'true');
    expect(available(process.cwd(), 'the checkout', 'n/a')).toBe(true);
  });
});
