import {
  cycleScopeOf,
  isAway,
  memberLocale,
  teamLocale,
  type KeyResult,
  type TeamMember,
  type OpenItem,
} from '@bearing/core';
import { buildMissedCheckInsCard, buildNudgeCard } from './escalation-card';
import { missedCheckIns, missedWeeksSetting } from './missed-check-ins';
import {
  type DeliveryJob,
  type DeliveryTarget,
  type TeamSnapshot,
  type AdaptiveCard,
  type TabLink,
  refreshUserIds,
} from '../common';
import {
  type CheckInDeps,
  guardrailNotes,
  memberCheckInCard,
  type GuardrailNotes,
} from '../check-in';
import { buildDigestCard } from './digest-card';
import { replyContent, targetFor } from './delivery-targets';
import { kpiAlertCard, type KpiAlertStores } from '../kpis';
import {
  agendaOrder,
  digestItemLines,
  itemLookup,
  type ItemLookup,
  memberItemsSection,
  openItemViewOf,
  outcomesSince,
  ownItemViews,
} from '../open-items';

/** What to send for a job, or why nothing should be sent. */
export type DeliveryContent =
  | { readonly kind: 'send'; readonly target: DeliveryTarget; readonly card: AdaptiveCard }
  | { readonly kind: 'skip'; readonly reason: string }
  /** Not yet: try again at `until` (a snoozed escalation). */
  | { readonly kind: 'defer'; readonly until: string; readonly reason: string };

/** One team's week as the cards need it, read with a single-partition query. */
interface TeamWeek {
  readonly snapshot: TeamSnapshot;
  readonly members: ReadonlyMap<string, TeamMember>;
  readonly keyResultsByOwner: ReadonlyMap<string, KeyResult[]>;
  readonly objectiveTitles: ReadonlyMap<string, string>;
  /** Guardrail lines per objective, from the snapshot's KPIs (once per team, not per member). */
  readonly guardrails: GuardrailNotes;
  /** The locale of cards to the team's channel. */
  readonly locale: string;
  /** The team's open items and those closed lately (one query, shared by the week's cards). */
  readonly items: readonly OpenItem[];
  /**
   * Names and key result titles for the item views of the week's cards, built once per team week:
   * built per card, a 10,000-member team's fan-out spent its time rebuilding it (O(members²)).
   */
  readonly lookup: ItemLookup;
}

/**
 * How long a team's week is kept per member: the spacing of Teams' 50 messages per second per
 * tenant, so a team's week stays cached for at least as long as its cards take to send. A
 * 10,000-member team's week (10,000 members and their key results, one query of megabytes) is then
 * read about once per weekly send instead of every few seconds.
 */
export const WEEK_CACHE_MS_PER_MEMBER = 20;
/** However large the team, a week is read again after this long. */
const WEEK_CACHE_MAX_MS = 10 * 60_000;

/**
 * Decides what due jobs send, from the store as it is now (not as it was when planned). A team's
 * week is read once (one query) and shared by the jobs of that team for `cacheMs`, or for as long
 * as its cards take at Teams' rate when that is longer (WEEK_CACHE_MS_PER_MEMBER), so a fan-out
 * costs one query per team plus point operations per member; whether the member already checked
 * in is always a fresh point read. A card may show key result values as they were when its team's
 * week was read (at most that long ago); the check-in it submits is checked against the stored ones.
 */
export class DeliveryContentResolver {
  private readonly cache = new Map<
    string,
    { readonly at: number; ttlMs: number; readonly week: Promise<TeamWeek | undefined> }
  >();

  constructor(
    private readonly deps: CheckInDeps & { readonly stores: KpiAlertStores },
    /** How long a team's week is shared at least (0: read for every job). */
    private readonly cacheMs = 5_000,
    private readonly tabLink?: TabLink,
  ) {}

  async contentFor(job: DeliveryJob): Promise<DeliveryContent> {
    if (job.kind === 'reply') return replyContent(job, this.deps.now());
    if (job.kpiId) return this.kpiContent(job);
    const week = await this.teamWeek(job);
    if (!week) return { kind: 'skip', reason: 'team not found' };
    const team = week.snapshot.team.value;
    if (job.kind === 'digest') {
      if (!team.channelReference) return { kind: 'skip', reason: 'no team channel' };
      const { lookup } = week;
      const open = week.items
        .filter((i) => i.status === 'open')
        .map((i) => openItemViewOf(i, lookup))
        .sort(agendaOrder);
      const card = buildDigestCard(
        {
          teamName: team.name,
          week: job.week,
          locale: week.locale,
          members: week.snapshot.members,
          checkIns: week.snapshot.checkIns.map((c) => c.value),
          keyResults: week.snapshot.keyResults.map((k) => k.value),
          openItems: digestItemLines(open),
        },
        {
          refresh: { teamId: team.id, userIds: refreshUserIds(week.snapshot.members) },
          ...(this.tabLink ? { tabLink: this.tabLink } : {}),
        },
      );
      return {
        kind: 'send',
        target: { kind: 'conversation', reference: team.channelReference },
        card,
      };
    }
    const userId = job.userId;
    const member = userId ? week.members.get(userId) : undefined;
    if (!userId || !member?.active)
      return { kind: 'skip', reason: 'member inactive or unreachable' };
    if (job.kind === 'missedCheckIns') return this.missedContent(job, week, userId);
    // People on leave are neither sent their card, reminded nor nudged.
    if (isAway(member, this.deps.now().toISOString())) return { kind: 'skip', reason: 'away' };
    const keyResults = week.keyResultsByOwner.get(userId) ?? [];
    if (!keyResults.some((k) => k.status === 'active'))
      return { kind: 'skip', reason: 'no key results this cycle' };
    const { tenantId, teamId } = job;
    // Nobody is nagged about a week they already checked in for (reminders, snoozes, late cards).
    if (await this.deps.stores.checkIns.getCheckIn(tenantId, teamId, userId, job.week)) {
      return { kind: 'skip', reason: 'already checked in' };
    }
    const user = await this.deps.stores.users.getUser(tenantId, userId);
    const target = user ? targetFor(user.value, team.channelReference) : undefined;
    if (!user || !target) return { kind: 'skip', reason: 'member inactive or unreachable' };
    if (job.kind === 'nudge')
      return { kind: 'send', target, card: buildNudgeCard(team.id, team.name, job.nudgedBy ?? '') };
    const items = ownItemViews(week.items, userId, week.lookup, this.deps.now());
    const card = memberCheckInCard({
      user: user.value,
      member,
      team,
      cycleId: job.cycleId,
      week: job.week,
      keyResults,
      objectiveTitles: week.objectiveTitles,
      guardrails: week.guardrails,
      submissionId: job.id.replace(/[^A-Za-z0-9._:-]/g, '-'),
      openItems: memberItemsSection(team.id, items),
    });
    if (!card) return { kind: 'skip', reason: 'no key results this cycle' };
    return { kind: 'send', target, card };
  }

  /** A manager's card of who has missed check-ins; nothing when nobody has. */
  private async missedContent(
    job: DeliveryJob,
    week: TeamWeek,
    managerId: string,
  ): Promise<DeliveryContent> {
    const team = week.snapshot.team.value;
    const stores = this.deps.stores;
    const missed = await missedCheckIns(
      stores.teams,
      job.tenantId,
      job.teamId,
      job.cycleId,
      job.week,
      missedWeeksSetting(team),
      this.deps.now(),
    );
    if (missed.length === 0) return { kind: 'skip', reason: 'nobody has missed check-ins' };
    const user = await stores.users.getUser(job.tenantId, managerId);
    const target = user ? targetFor(user.value, team.channelReference) : undefined;
    if (!target) return { kind: 'skip', reason: 'manager unreachable' };
    const card = buildMissedCheckInsCard(team.id, team.name, job.week, missed);
    return { kind: 'send', target, card };
  }

  /** KPI alerts, escalations and recoveries, from the KPI's episode as it is now. */
  private async kpiContent(job: DeliveryJob): Promise<DeliveryContent> {
    const { tenantId, teamId } = job;
    const stores = this.deps.stores;
    const [kpi, team] = await Promise.all([
      stores.kpis.getKpi(tenantId, teamId, job.kpiId as string),
      stores.teams.getTeam(tenantId, teamId),
    ]);
    const episode = kpi?.value.episode;
    if (!kpi || !team || !episode || episode.id !== job.episodeId)
      return { kind: 'skip', reason: 'episode not found' };
    if (job.kind !== 'kpiRecovered' && episode.state !== 'open')
      return { kind: 'skip', reason: 'back in range already' };
    if (job.kind === 'kpiEscalation') {
      if (episode.acknowledgedAt) return { kind: 'skip', reason: 'acknowledged' };
      const now = this.deps.now().toISOString();
      if (episode.snoozedUntil && episode.snoozedUntil > now)
        return { kind: 'defer', until: episode.snoozedUntil, reason: 'snoozed' };
    }
    let target: DeliveryTarget | undefined;
    let timeZone = team.value.settings.timeZone;
    let locale: string;
    if (job.audience === 'owner') {
      const [user, member] = await Promise.all([
        stores.users.getUser(tenantId, kpi.value.ownerId),
        stores.teams.getMember(tenantId, teamId, kpi.value.ownerId),
      ]);
      target = user ? targetFor(user.value, team.value.channelReference) : undefined;
      timeZone = user?.value.timeZone ?? timeZone;
      locale = memberLocale(member?.value, user?.value);
    } else {
      locale = teamLocale(await stores.teams.listMembers(tenantId, teamId));
    }
    if (job.audience !== 'owner' && team.value.channelReference) {
      target = { kind: 'conversation', reference: team.value.channelReference };
    }
    if (!target) return { kind: 'skip', reason: 'recipient unreachable' };
    const card = await kpiAlertCard(
      stores,
      tenantId,
      teamId,
      kpi.value.id,
      job.kind as 'kpiAlert' | 'kpiEscalation' | 'kpiRecovered',
      { timeZone, locale, ...(this.tabLink ? { tabLink: this.tabLink } : {}) },
      this.deps.now(),
    );
    return card ? { kind: 'send', target, card } : { kind: 'skip', reason: 'KPI not found' };
  }

  private teamWeek(job: DeliveryJob): Promise<TeamWeek | undefined> {
    const key = `${job.tenantId}|${job.teamId}|${job.cycleId}|${job.week}`;
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && now - hit.at < hit.ttlMs) return hit.week;
    for (const [k, v] of this.cache) if (now - v.at >= v.ttlMs) this.cache.delete(k);
    const week = this.load(job);
    const entry = { at: now, ttlMs: this.cacheMs, week };
    this.cache.set(key, entry);
    if (this.cacheMs > 0)
      week.then(
        (w) => {
          if (w)
            entry.ttlMs = Math.min(
              WEEK_CACHE_MAX_MS,
              Math.max(this.cacheMs, w.members.size * WEEK_CACHE_MS_PER_MEMBER),
            );
        },
        () => undefined, // the caller of the load sees its failure
      );
    return week;
  }

  private async load(job: DeliveryJob): Promise<TeamWeek | undefined> {
    const { tenantId, teamId, week } = job;
    const [snapshot, items] = await Promise.all([
      this.deps.stores.teams.loadTeamSnapshot(tenantId, teamId, cycleScopeOf(job.cycleId), [week]),
      this.deps.stores.openItems.listItems(job.tenantId, job.teamId, {
        openOrChangedSince: outcomesSince(this.deps.now()),
      }),
    ]);
    if (!snapshot) return undefined;
    const keyResultsByOwner = new Map<string, KeyResult[]>();
    for (const { value } of snapshot.keyResults) {
      keyResultsByOwner.set(value.ownerId, [
        ...(keyResultsByOwner.get(value.ownerId) ?? []),
        value,
      ]);
    }
    return {
      snapshot,
      members: new Map(snapshot.members.map((m) => [m.userId, m])),
      keyResultsByOwner,
      objectiveTitles: new Map(snapshot.objectives.map((o) => [o.value.id, o.value.title])),
      guardrails: guardrailNotes(
        snapshot.kpis.map((k) => k.value),
        this.deps.now(),
      ),
      locale: teamLocale(snapshot.members),
      items: items.map((i) => i.value),
      lookup: itemLookup(
        snapshot.members,
        snapshot.keyResults.map((k) => k.value),
        week,
      ),
    };
  }
}
