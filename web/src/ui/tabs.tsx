import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem {
  id: string;
  label: string;
  content: ReactNode;
}

/**
 * Tabs for long pages (docs/design.md#forms-and-answers), after the WAI-ARIA Authoring Practices tabs pattern
 * (automatic activation): one tab stop, Left/Right move between tabs, Home/End go to the first and
 * last; each panel is labelled by its tab. Panels not shown are hidden (kept mounted, so what is
 * typed in one survives a look at another), so a page that was 4,000 px long shows one part at a time.
 */
export function Tabs({ label, tabs, initial }: { label: string; tabs: TabItem[]; initial?: string }) {
  const base = useId();
  const [selected, setSelected] = useState(initial ?? tabs[0]?.id);
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const current = tabs.find((t) => t.id === selected) ?? tabs[0];
  if (!current) return null;
  const go = (index: number) => {
    const next = tabs[(index + tabs.length) % tabs.length];
    setSelected(next.id);
    refs.current[next.id]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent, index: number) => {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    if (!(e.key in moves)) return;
    e.preventDefault();
    go(moves[e.key]);
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tab-list">
        {tabs.map((t, i) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`${base}-tab-${t.id}`}
            aria-selected={t.id === current.id}
            aria-controls={`${base}-panel-${t.id}`}
            tabIndex={t.id === current.id ? 0 : -1}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            onClick={() => setSelected(t.id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tabs.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`${base}-panel-${t.id}`}
          aria-labelledby={`${base}-tab-${t.id}`}
          tabIndex={0}
          className="tab-panel"
          hidden={t.id !== current.id}
        >
          {t.content}
        </div>
      ))}
    </div>
  );
}
