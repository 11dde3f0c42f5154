/**
 * Fills `{name}` placeholders in a letter string from a resource file. Translators move
 * placeholders freely (word order differs by language); the names, not the positions, say what
 * goes where. A placeholder without a value is a programming error, not something to print.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`letter string has no value for {${name}}: "${template}"`);
    return String(value);
  });
}

export const fillAll = (templates: string[], values: Record<string, string | number>): string[] =>
  templates.map((t) => fill(t, values));

/** The placeholder names a string uses, sorted (the resource-file test compares them across languages). */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}
