/** An opaque identifier (claim, case, appeal): long and unbroken, so it may wrap anywhere. */
export function LongId({ children }: { children: string | null | undefined }) {
  return <span style={{ overflowWrap: 'anywhere' }}>{children ?? '—'}</span>;
}
