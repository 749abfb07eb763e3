import { useEffect, useState } from 'react';
import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import type { TeamsHost, TeamsTheme } from './teams/host';

const THEMES: Record<TeamsTheme, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** `?theme=` override (tests, screenshots), in Teams' own names; `light` means `default`. */
export function themeOverride(search: string): TeamsTheme | undefined {
  const value = new URLSearchParams(search).get('theme');
  if (value === 'light' || value === 'default') return 'default';
  return value === 'dark' || value === 'contrast' ? value : undefined;
}

function prefersDark(): boolean {
  return typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-color-scheme: dark)').matches
    : false;
}

/**
 * The Fluent theme: the URL override, else Teams' theme (and its changes), else the browser's
 * colour scheme preference (following it when it changes).
 */
export function useTeamsTheme(host: TeamsHost | undefined, override?: TeamsTheme): Theme {
  const [name, setName] = useState<TeamsTheme>(() => (prefersDark() ? 'dark' : 'default'));
  useEffect(() => {
    if (override || !host) return;
    if (host.kind === 'teams') {
      setName(host.theme);
      host.onThemeChange(setName);
      return;
    }
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const follow = () => setName(query.matches ? 'dark' : 'default');
    follow();
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, [host, override]);
  return THEMES[override ?? name];
}
