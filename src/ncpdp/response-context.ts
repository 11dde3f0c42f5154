import type { ReferenceSnapshot } from '../reference/reference-cache.js';
import type { ResponseContext } from './write-response.js';

const ndcIndex = new WeakMap<ReferenceSnapshot, Map<string, string>>();

/** The first NDC of each RxCUI (priced packages first), built once per reference snapshot. */
function ndcsByRxcui(ref: ReferenceSnapshot): Map<string, string> {
  let index = ndcIndex.get(ref);
  if (!index) {
    index = new Map();
    for (const [rxcui, pkg] of ref.pricedPackageByRxcui) index.set(rxcui, pkg.ndc);
    for (const pkg of ref.packages.values()) if (!index.has(pkg.rxcui)) index.set(pkg.rxcui, pkg.ndc);
    ndcIndex.set(ref, index);
  }
  return index;
}

/** What a response needs from the reference data: the addressed processor's help desk, NDCs of alternatives. */
export function responseContext(ref: ReferenceSnapshot, bin: string | undefined, pcn: string | null): ResponseContext {
  const candidates = [...ref.processors.values()].filter((p) => p.bin === bin);
  const processor = candidates.find((p) => (p.pcn ?? null) === pcn) ?? candidates[0];
  const index = ndcsByRxcui(ref);
  return {
    helpDeskPhone: processor?.helpDeskPhone ?? null,
    ndcForRxcui: (rxcui) => index.get(rxcui) ?? null,
  };
}
