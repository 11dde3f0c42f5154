import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('partition settings', () => {
  const env = (more: Record<string, string>) => ({ NODE_ENV: 'test', ...more }) as NodeJS.ProcessEnv;

  it('keeps claims ten years, audit events six, three months ahead, unless told otherwise', () => {
    expect(loadConfig(env({})).partitions).toEqual({
      monthsAhead: 3,
      claimsRetentionYears: 10,
      auditRetentionYears: 6,
    });
    expect(loadConfig(env({ CLAIMS_RETENTION_YEARS: '12', PARTITION_MONTHS_AHEAD: '6' })).partitions).toMatchObject({
      monthsAhead: 6,
      claimsRetentionYears: 12,
    });
  });

  it('refuses an audit retention under HIPAA’s six years and retention that is not whole years', () => {
    expect(() => loadConfig(env({ AUDIT_RETENTION_YEARS: '5' }))).toThrow(/at least 6/);
    expect(() => loadConfig(env({ CLAIMS_RETENTION_YEARS: '0' }))).toThrow(ConfigError);
    expect(() => loadConfig(env({ CLAIMS_RETENTION_YEARS: 'ten' }))).toThrow(/CLAIMS_RETENTION_YEARS/);
  });
});
