import { afterEach, describe, expect, it } from 'vitest';
import { execArgvFor, JOBS_HEAP_MB } from './supervisor.js';

describe("the dedicated jobs process's heap limit (issue #15: 400 MB a process)", () => {
  const saved = process.env.NODE_OPTIONS;
  afterEach(() => {
    if (saved === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = saved;
  });

  it('gives the jobs process the limit and the API processes node’s own arguments', () => {
    delete process.env.NODE_OPTIONS;
    expect(execArgvFor('jobs')).toEqual([...process.execArgv, `--max-old-space-size=${JOBS_HEAP_MB}`]);
    expect(execArgvFor('api')).toEqual(process.execArgv);
  });

  it('leaves a limit the operator set in NODE_OPTIONS alone', () => {
    process.env.NODE_OPTIONS = '--enable-source-maps --max-old-space-size=1024';
    expect(execArgvFor('jobs')).toEqual(process.execArgv);
  });
});
