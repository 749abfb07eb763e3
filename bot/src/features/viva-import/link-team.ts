import { normalName, type Team, type TeamId, type TenantId } from '@bearing/core';
import { StoreConflictError, type Versioned } from '../common';
import type { Logger } from '../../observability/logger';
import { APPLY_BATCH, mergeCheckIn, upsert } from './apply';
import { allTeams, type ImportStores } from './context';
import type { TeamItem, TeamItemKind, TeamLink } from './ports';

/** The stores a team link reads and writes. */
export type TeamLinkStores = Pick<ImportStores, 'teams' | 'okrs' | 'kpis' | 'checkIns' | 'imports'>;

export type LinkOutcome =
  | { readonly kind: 'linked'; readonly link: TeamLink; readonly again: boolean }
  /** `importedTeamId` is not a team an import created. */
  | { readonly kind: 'notImported' }
  /** `teamId` is not a team Bearing is installed in. */
  | { readonly kind: 'notInstalled' }
  | { readonly kind: 'linkedElsewhere'; readonly teamId: TeamId };

/**
 * Items found by one query (a query is dearer than a point read, and the embedded store scans
 * every document for one): they then move {@link APPLY_BATCH} at a time.
 */
export const MOVE_PAGE = 500;

type Moved = Record<TeamItemKind, number>;
const none = (): Moved => ({ objective: 0, keyResult: 0, kpi: 0, checkIn: 0 });

/**
 * Moves one item into the team `to`: what is there already stays (a check-in of the same person and
 * week is merged as an import merges it), then the imported copy is deleted. True when this call
 * deleted it (so a race of two links counts each item once).
 */
async function moveItem(
  stores: TeamLinkStores,
  from: TeamId,
  to: TeamId,
  item: TeamItem,
): Promise<boolean> {
  const tenantId = item.value.tenantId;
  const keep = <T>(_planned: T, s: T) => s;
  switch (item.kind) {
    case 'objective': {
      const o = item.value;
      const read = () => stores.okrs.getObjective(tenantId, to, o.id);
      await upsert(read, keep, (d, e) => stores.okrs.saveObjective(d, e), { ...o, teamId: to });
      break;
    }
    case 'keyResult': {
      const k = item.value;
      const read = () => stores.okrs.getKeyResult(tenantId, to, k.id);
      await upsert(read, keep, (d, e) => stores.okrs.saveKeyResult(d, e), { ...k, teamId: to });
      break;
    }
    case 'kpi': {
      const k = item.value;
      const read = () => stores.kpis.getKpi(tenantId, to, k.id);
      await upsert(read, keep, (d, e) => stores.kpis.saveKpi(d, e), {
        ...k,
        teamId: to,
      });
      break;
    }
    case 'checkIn': {
      const c = item.value;
      const read = () => stores.checkIns.getCheckIn(tenantId, to, c.userId, c.week);
      await upsert(read, mergeCheckIn, (d, e) => stores.checkIns.saveCheckIn(d, e), {
        ...c,
        teamId: to,
      });
      break;
    }
  }
  return stores.imports.deleteTeamItem(tenantId, from, item.kind, item.key);
}

/** Rewrites a team (or the link) with `change`, re-reading when someone else wrote meanwhile. */
const rewrite = <T extends { createdAt?: string; updatedAt?: string }>(
  current: T,
  read: () => Promise<Versioned<T> | undefined>,
  write: (doc: T, etag?: string) => Promise<unknown>,
  change: (stored: T) => T,
) => upsert(read, (_p, s) => change(s), write, current);

/**
 * Links the team an import created (`importedTeamId`) to the Teams team `teamId` Bearing is
 * installed in: the link record is written first (`moving`), the imported team's parent and
 * children are carried over, then its objectives, key results, KPIs and check-ins move in batches
 * (copied under the real team id, then deleted: history is kept, nothing is duplicated), and
 * last the imported team document goes and the link is `done`. Every step can run again, so a
 * link that stopped half-way finishes when asked again; a link already done changes nothing.
 */
export async function linkImportedTeam(
  stores: TeamLinkStores,
  tenantId: TenantId,
  importedTeamId: TeamId,
  teamId: TeamId,
  by: TeamLink['by'],
  now: string,
): Promise<LinkOutcome> {
  const [imported, target, known] = await Promise.all([
    stores.teams.getTeam(tenantId, importedTeamId),
    stores.teams.getTeam(tenantId, teamId),
    stores.imports.getTeamLink(tenantId, importedTeamId),
  ]);
  if (known && known.value.teamId !== teamId)
    return { kind: 'linkedElsewhere', teamId: known.value.teamId };
  if (!known && !imported?.value.importedFrom) return { kind: 'notImported' };
  if (!target || target.value.importedFrom) return { kind: 'notInstalled' };
  if (known?.value.state === 'done') return { kind: 'linked', link: known.value, again: true };
  let link: TeamLink = known?.value ?? {
    tenantId,
    importedTeamId,
    teamId,
    name: imported!.value.importedFrom!.name,
    by,
    state: 'moving',
    moved: none(),
    createdAt: now,
    updatedAt: now,
  };
  if (!known)
    try {
      await stores.imports.saveTeamLink(link);
    } catch (error) {
      // Another link of the same team started meanwhile: it decides (and may be resumed).
      if (!(error instanceof StoreConflictError)) throw error;
      return linkImportedTeam(stores, tenantId, importedTeamId, teamId, by, now);
    }
  const readLink = () => stores.imports.getTeamLink(tenantId, importedTeamId);
  const saveLink = (l: TeamLink, etag?: string) => stores.imports.saveTeamLink(l, etag);

  // The imported team's place in the organisation: its parent, unless the real team has one; its
  // children now hang under the real team.
  const parent = imported?.value.parentTeamId;
  if (parent && parent !== teamId && !target.value.parentTeamId)
    await rewrite(
      target.value,
      () => stores.teams.getTeam(tenantId, teamId),
      (d, e) => stores.teams.saveTeam(d, e),
      (t) => (t.parentTeamId ? t : { ...t, parentTeamId: parent, updatedAt: now }),
    );
  for (const child of (await allTeams(stores.teams, tenantId)).filter(
    (t) => t.parentTeamId === importedTeamId && t.id !== teamId,
  ))
    await rewrite<Team>(
      child,
      () => stores.teams.getTeam(tenantId, child.id),
      (d, e) => stores.teams.saveTeam(d, e),
      (t) =>
        t.parentTeamId === importedTeamId ? { ...t, parentTeamId: teamId, updatedAt: now } : t,
    );

  for (;;) {
    const items = await stores.imports.someTeamItems(tenantId, importedTeamId, MOVE_PAGE);
    if (items.length === 0) break;
    for (let i = 0; i < items.length; i += APPLY_BATCH) {
      const slice = items.slice(i, i + APPLY_BATCH);
      const deleted = await Promise.all(
        slice.map((item) => moveItem(stores, importedTeamId, teamId, item)),
      );
      const batch = none();
      slice.forEach((item, n) => {
        if (deleted[n]) batch[item.kind] += 1;
      });
      await rewrite(link, readLink, saveLink, (l) => {
        const moved = { ...none(), ...l.moved };
        for (const kind of Object.keys(batch) as TeamItemKind[]) moved[kind] += batch[kind];
        return { ...l, moved, updatedAt: now };
      });
    }
  }
  await stores.imports.deleteTeam(tenantId, importedTeamId);
  await rewrite(link, readLink, saveLink, (l) => ({
    ...l,
    state: 'done' as const,
    updatedAt: now,
  }));
  link = (await readLink())?.value ?? link;
  return { kind: 'linked', link, again: false };
}

/**
 * The app was added to the Teams team `team`: the one team an import created under the same name
 * (case and spacing ignored) becomes it. Several such teams, or none, link nothing (an admin
 * links explicitly). A team already linked is gone from the imported ones: nothing happens again.
 */
export async function linkOnInstall(
  stores: TeamLinkStores,
  tenantId: TenantId,
  team: { readonly id: TeamId; readonly name: string },
  now: string,
  logger?: Logger,
): Promise<LinkOutcome | undefined> {
  const name = normalName(team.name);
  if (!name) return undefined;
  const same = (await allTeams(stores.teams, tenantId)).filter(
    (t) =>
      t.importedFrom &&
      t.id !== team.id &&
      (normalName(t.name) === name || normalName(t.importedFrom.name) === name),
  );
  if (same.length !== 1) {
    if (same.length > 1)
      logger?.info('imported team not linked: several have this name', {
        tenantId,
        teamId: team.id,
        candidates: same.length,
      });
    return undefined;
  }
  const outcome = await linkImportedTeam(stores, tenantId, same[0]!.id, team.id, 'install', now);
  logger?.info('imported team linked on install', {
    tenantId,
    teamId: team.id,
    importedTeamId: same[0]!.id,
    outcome: outcome.kind,
    ...(outcome.kind === 'linked' ? outcome.link.moved : {}),
  });
  return outcome;
}
