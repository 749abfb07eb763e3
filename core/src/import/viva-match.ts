import { normalName, stableHash } from './values';
import type { VivaExport, VivaPerson } from './viva-types';

/** A Bearing team the app is installed in. */
export interface KnownTeam {
  readonly id: string;
  readonly name: string;
}

/** A member Bearing knows from a Teams roster; `email` (e-mail or UPN) is only for lookup. */
export interface KnownPerson {
  readonly userId: string;
  readonly displayName: string;
  readonly email?: string;
}

export interface TeamMatch {
  readonly viva: string;
  readonly teamId: string;
  readonly match: 'name' | 'override' | 'new';
  readonly parent?: string;
  /** False when items name the team but the Teams file does not list it. */
  readonly listed: boolean;
  /** The team an earlier import created was linked to this Teams team. */
  readonly linked?: boolean;
}

/** A team an earlier import created, linked since to the Teams team `teamId`. */
export interface LinkedTeam {
  readonly importedTeamId: string;
  readonly teamId: string;
  /** `install`: linked by name when the app was added; `admin`: an admin linked them. */
  readonly by: 'install' | 'admin';
}

export interface PersonMatch {
  readonly key: string;
  readonly viva: string;
  readonly email?: string;
  readonly userId: string | null;
  readonly match: 'email' | 'name' | 'override' | 'unmatched';
  readonly ambiguous?: boolean;
}

/** The Bearing id of a team an import creates (stable across imports of the same export). */
export const importedTeamId = (name: string) => `viva-team-${stableHash(normalName(name))}`;

/**
 * Viva teams → Bearing teams: each override first (a team id, or `null` for a new team), then the
 * team an earlier import's team was linked to, then a known team of the same name (case and
 * spacing ignored), else a new team, linked when the app is added to the Teams team of that name.
 * Teams that items name but the Teams file does not list are matched the same way and reported
 * as not listed.
 */
export function matchTeams(
  data: VivaExport,
  known: readonly KnownTeam[],
  overrides: readonly { readonly viva: string; readonly teamId: string | null }[] = [],
  links: readonly LinkedTeam[] = [],
): Map<string, TeamMatch> {
  const byName = new Map<string, KnownTeam[]>();
  for (const t of known)
    byName.set(normalName(t.name), [...(byName.get(normalName(t.name)) ?? []), t]);
  const override = new Map(overrides.map((o) => [normalName(o.viva), o.teamId]));
  const knownIds = new Set(known.map((t) => t.id));
  const linked = new Map(
    links.filter((l) => knownIds.has(l.teamId)).map((l) => [l.importedTeamId, l]),
  );
  const out = new Map<string, TeamMatch>();
  const add = (name: string, listed: boolean, parent?: string) => {
    const key = normalName(name);
    if (out.has(key)) return;
    const forced = override.get(key);
    const same = byName.get(key) ?? [];
    const link = forced === undefined ? linked.get(importedTeamId(name)) : undefined;
    const teamId =
      forced !== undefined && forced !== null && knownIds.has(forced)
        ? forced
        : link
          ? link.teamId
          : forced === undefined && same.length === 1
            ? same[0]!.id
            : importedTeamId(name);
    const match =
      (forced !== undefined && (forced === null || knownIds.has(forced))) || link?.by === 'admin'
        ? 'override'
        : teamId === importedTeamId(name)
          ? 'new'
          : 'name';
    out.set(key, {
      viva: name,
      teamId,
      match,
      listed,
      ...(parent ? { parent } : {}),
      ...(link ? { linked: true } : {}),
    });
  };
  for (const t of data.teams) add(t.name, true, t.parentName);
  for (const item of data.items) for (const t of item.teams) add(t, false);
  for (const t of data.teams) if (t.parentName) add(t.parentName, false);
  return out;
}

/** The key that identifies a Viva person within one import: e-mail, else Viva id, else name. */
export const personKey = (p: VivaPerson) =>
  p.email
    ? `email:${p.email.toLowerCase()}`
    : p.vivaId
      ? `viva:${p.vivaId}`
      : `name:${normalName(p.name)}`;

/**
 * Viva people → Bearing members: an override (by e-mail, `viva:<id>` or display name) first, then
 * the roster's e-mail/UPN, then a display name that exactly one member has. Anyone else stays
 * unmatched (`userId` null): Bearing never makes up an identity.
 */
export function matchPeople(
  everyone: readonly VivaPerson[],
  roster: readonly KnownPerson[],
  overrides: readonly { readonly viva: string; readonly userId: string | null }[] = [],
): Map<string, PersonMatch> {
  const byEmail = new Map<string, string>();
  const byName = new Map<string, Set<string>>();
  for (const p of roster) {
    if (p.email) byEmail.set(p.email.toLowerCase(), p.userId);
    const n = normalName(p.displayName);
    byName.set(n, new Set([...(byName.get(n) ?? []), p.userId]));
  }
  const override = new Map(overrides.map((o) => [normalName(o.viva), o.userId]));
  const out = new Map<string, PersonMatch>();
  for (const p of everyone) {
    const key = personKey(p);
    const known = out.get(key);
    if (known) {
      if (!known.email && p.email) out.set(key, { ...known, email: p.email });
      continue;
    }
    const base = { key, viva: p.name, ...(p.email ? { email: p.email } : {}) };
    const forced = [p.email, p.vivaId ? `viva:${p.vivaId}` : undefined, p.name]
      .filter((k): k is string => !!k)
      .map((k) => override.get(normalName(k)))
      .find((v) => v !== undefined);
    if (forced !== undefined) {
      out.set(key, { ...base, userId: forced, match: 'override' });
      continue;
    }
    const email = p.email ? byEmail.get(p.email.toLowerCase()) : undefined;
    if (email) {
      out.set(key, { ...base, userId: email, match: 'email' });
      continue;
    }
    const named = byName.get(normalName(p.name));
    if (named?.size === 1) out.set(key, { ...base, userId: [...named][0]!, match: 'name' });
    else
      out.set(key, {
        ...base,
        userId: null,
        match: 'unmatched',
        ...(named ? { ambiguous: true } : {}),
      });
  }
  return out;
}
