import type { ReactNode } from 'react';

/** One role's screens: where it lands, its navigation and its routes. */
export interface Portal {
  home: string;
  nav: { to: string; label: { en: string; es: string } }[];
  routes: { path: string; render: (params: Record<string, string>) => ReactNode }[];
}
