import type { Bundle, BundleEntry, BundleLink, Resource } from '@medplum/fhirtypes';
import type { FhirRequest } from '../fhir-request.js';
import type { ParsedSearch } from './search-params.js';

function queryString(query: FhirRequest['query'], overrides: Record<string, string>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (k in overrides || v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) qs.append(k, one);
  }
  for (const [k, v] of Object.entries(overrides)) qs.append(k, v);
  return qs.toString();
}

/**
 * A searchset page with self/next/previous links (FHIR http.html#paging). `matches` are the full
 * ordered result; `includesFor` adds `_include`d resources for the page (search.mode include).
 */
export function searchsetBundle<T extends Resource>(options: {
  req: FhirRequest;
  resourceType: string;
  matches: T[];
  search: ParsedSearch;
  includesFor?: (page: T[]) => Resource[];
}): Bundle {
  const { req, resourceType, matches, search } = options;
  const page = matches.slice(search.offset, search.offset + search.count);
  const url = (offset: number) =>
    `${req.baseUrl}/${resourceType}?${queryString(req.query, { _count: String(search.count), _offset: String(offset) })}`;
  const link: BundleLink[] = [{ relation: 'self', url: url(search.offset) }];
  if (search.count > 0 && search.offset + search.count < matches.length)
    link.push({ relation: 'next', url: url(search.offset + search.count) });
  if (search.offset > 0) link.push({ relation: 'previous', url: url(Math.max(0, search.offset - search.count)) });
  const entry: BundleEntry[] = page.map((r) => ({
    fullUrl: `${req.baseUrl}/${r.resourceType}/${r.id}`,
    resource: r,
    search: { mode: 'match' },
  }));
  const seen = new Set(page.map((r) => `${r.resourceType}/${r.id}`));
  for (const r of options.includesFor?.(page) ?? []) {
    const key = `${r.resourceType}/${r.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    entry.push({ fullUrl: `${req.baseUrl}/${key}`, resource: r, search: { mode: 'include' } });
  }
  return { resourceType: 'Bundle', type: 'searchset', total: matches.length, link, entry };
}
