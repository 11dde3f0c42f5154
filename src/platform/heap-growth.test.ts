import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { limitHeapGrowth } from './heap-growth.js';

describe('limitHeapGrowth', () => {
  it.each([
    [['--heap-growing-percent=50'], false],
    [['--heap_growing_percent=50'], false],
    [['--enable-source-maps'], true],
    [[], true],
  ])('with node flags %j sets the growth factor (through the setter it is given): %s', (execArgv, expected) => {
    const set: string[] = [];
    expect(limitHeapGrowth(execArgv, (f) => set.push(f))).toBe(expected);
    expect(set).toEqual(expected ? ['--heap-growing-percent=30'] : []);
  });

  it('keeps a process with a 30 MB live set well under what V8 grows to by default', () => {
    // The mechanism limitHeapGrowth relies on: a flag set at run time takes effect (a Node whose V8
    // froze its flags after start would fail here). Peak heap of a process that keeps ≈ 30 MB alive while it allocates garbage, with and
    // without the factor; the default grows to several times the live set.
    const script = `
      const v8 = require('node:v8');
      if (process.argv[1] === 'limit') v8.setFlagsFromString('--heap-growing-percent=30');
      const live = []; for (let i = 0; i < 3e5; i++) live.push({ a: i, b: 'x' + i });
      let peak = 0;
      for (let r = 0; r < 60; r++) { globalThis.g = Array.from({ length: 4e4 }, (_, i) => ({ i, s: 'y' + i })); peak = Math.max(peak, process.memoryUsage().heapUsed); }
      console.log(live.length && Math.round(peak / 1e6));`;
    const peakMb = (arg: string) =>
      Number(spawnSync(process.execPath, ['-e', script, arg], { encoding: 'utf8' }).stdout.trim());
    const limited = peakMb('limit');
    const unlimited = peakMb('default');
    expect(limited).toBeGreaterThan(0);
    expect(limited).toBeLessThan(unlimited * 0.75);
  });
});
