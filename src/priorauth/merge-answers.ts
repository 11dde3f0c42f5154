interface ResponseItem {
  linkId: string;
  item?: ResponseItem[];
  [k: string]: unknown;
}
interface Response {
  resourceType?: string;
  item?: ResponseItem[];
  [k: string]: unknown;
}

/**
 * Merges a partial QuestionnaireResponse into the saved one: items in the update replace the
 * saved item with the same linkId (at any depth); others are kept.
 */
export function mergeAnswers(saved: unknown, update: unknown): Response {
  const base = (saved ?? { resourceType: 'QuestionnaireResponse', status: 'in-progress', item: [] }) as Response;
  const patch = update as Response;
  const mergeItems = (a: ResponseItem[] = [], b: ResponseItem[] = []): ResponseItem[] => {
    const out = a.map((x) => ({ ...x }));
    for (const item of b) {
      const i = out.findIndex((x) => x.linkId === item.linkId);
      if (i === -1) out.push(item);
      else if (item.item && out[i].item && !('answer' in item))
        out[i] = { ...out[i], item: mergeItems(out[i].item, item.item) };
      else out[i] = item;
    }
    return out;
  };
  return { ...base, ...patch, item: mergeItems(base.item, patch.item) };
}
