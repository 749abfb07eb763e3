import { useEffect, useState } from 'react';
import { teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { TeamsHost, TeamsTheme } from './teams/host';

// The dark and high-contrast themes (their colour tokens, ~5 KB gzipped) are fetched as the tab
// starts, beside the first bundle: a light first screen does not wait for them.
let darkThemes: Promise<typeof import('./dark-themes')> | undefined;
const loadDarkThemes = () => (darkThemes ??= import('./dark-themes'));
void loadDarkThemes().catch(() => undefined);

async function loadTheme(name: TeamsTheme): Promise<Theme> {
  if (name === 'default') return teamsLightTheme;
  const themes = await loadDarkThemes();
  return name === 'dark' ? themes.teamsDarkTheme : themes.teamsHighContrastTheme;
}

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
 * colour scheme preference (following it when it changes). Undefined until a dark or
 * high-contrast theme has loaded on first use; on a change the old theme stays until then.
 */
export function useTeamsTheme(
  host: TeamsHost | undefined,
  override?: TeamsTheme,
): Theme | undefined {
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
  const wanted = override ?? name;
  // The light theme is in the first bundle: no wait for it, not even on the first render.
  const [shown, setShown] = useState(() => (wanted === 'default' ? teamsLightTheme : undefined));
  useEffect(() => {
    let live = true;
    // Should the chunk not come (offline), light beats a blank page.
    void loadTheme(wanted)
      .catch(() => teamsLightTheme)
      .then((theme) => live && setShown(theme));
    return () => {
      live = false;
    };
  }, [wanted]);
  return shown;
}
