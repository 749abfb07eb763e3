import {
  cycleScope,
  en,
  formatInstant,
  type CheckInCardSubmission,
  type DomainError,
  type KeyResult,
} from '@bearing/core';
import {
  resolveMemberContext,
  type MemberContext,
  type CheckInStore,
  type KpiStore,
  type OkrStore,
  type MemberContextStores,
  buildMessageCard,
  buildMyOkrsCard,
  type AdaptiveCard,
  type TabLink,
} from '../common';
import { submitCheckIn } from './submit-check-in';
import { checkInKeyResults, guardrailNotes, memberCheckInCard } from './member-check-in-card';
import { buildCheckInSummaryCard } from './summary-card';
import { itemLookup, memberItemsSection, memberOpenItems, type OpenItemStore } from '../open-items';

/** Kept for callers of the old path. */
export { unsavedCheckInCard } from './unsaved-check-in-card';

/** What the check-in flows need. */
export interface CheckInDeps {
  readonly stores: MemberContextStores & {
    readonly okrs: OkrStore;
    readonly checkIns: CheckInStore;
    readonly kpis: KpiStore;
    readonly openItems: OpenItemStore;
  };
  readonly now: () => Date;
  readonly newId: () => string;
  /** Links into the tab (cards' "Open in Bearing"). */
  readonly tabLink?: TabLink;
}

async function objectiveTitles(deps: CheckInDeps, ctx: MemberContext, krs: readonly KeyResult[]) {
  const ids = [...new Set(krs.map((k) => k.objectiveId))];
  const objectives = await Promise.all(
    ids.map((id) => deps.stores.okrs.getObjective(ctx.team.tenantId, ctx.team.id, id)),
  );
  return new Map(objectives.flatMap((o) => (o ? [[o.value.id, o.value.title] as const] : [])));
}

/** The check-in card for a user (fresh, or re-rendered with their input and errors). */
export async function checkInCardFor(
  deps: CheckInDeps,
  ctx: MemberContext,
  options: {
    values?: Record<string, string>;
    errors?: Record<string, string>;
    submissionId?: string;
  } = {},
): Promise<AdaptiveCard> {
  const { tenantId, userId } = ctx.user.value;
  // The quarter's own key results and the annual ones of its year (core's cycleScope).
  const scope = cycleScope(ctx.cycle);
  const owned = (
    await deps.stores.okrs.listKeyResultsOwnedBy(tenantId, ctx.team.id, scope, userId)
  ).map((k) => k.value);
  const krs = checkInKeyResults(owned);
  if (krs.length === 0) return buildMessageCard(en.checkIn.noKeyResults(ctx.team.name));
  // One team-partition query for all KPIs (their guardrail lines), beside the objective reads.
  const lookup = itemLookup([ctx.member], krs, ctx.week);
  const [titles, kpis, openItems] = await Promise.all([
    objectiveTitles(deps, ctx, krs),
    deps.stores.kpis.listKpis(tenantId, ctx.team.id),
    memberOpenItems(deps.stores.openItems, tenantId, ctx.team.id, userId, lookup, deps.now()),
  ]);
  const card = memberCheckInCard({
    user: ctx.user.value,
    member: ctx.member,
    team: ctx.team,
    cycleId: ctx.cycle.id,
    week: ctx.week,
    keyResults: krs,
    objectiveTitles: titles,
    guardrails: guardrailNotes(
      kpis.map((k) => k.value),
      deps.now(),
    ),
    submissionId: options.submissionId ?? deps.newId(),
    openItems: memberItemsSection(ctx.team.id, openItems),
    ...(options.values ? { values: options.values } : {}),
    ...(options.errors ? { errors: options.errors } : {}),
  });
  return card ?? buildMessageCard(en.checkIn.noKeyResults(ctx.team.name));
}

/** Loads the member context or answers with a card that says why there is none. */
export async function contextOrMessage(
  deps: CheckInDeps,
  tenantId: string,
  userId: string,
  teamId?: string,
): Promise<MemberContext | AdaptiveCard> {
  const ctx = await resolveMemberContext(deps.stores, tenantId, userId, deps.now(), teamId);
  return ctx ?? buildMessageCard(en.errors.notMember, 'attention');
}

/** Handles Submit / Nothing changed: the summary card, or the card again with what to fix. */
export async function handleCheckInSubmit(
  deps: CheckInDeps,
  ctx: MemberContext,
  submission: CheckInCardSubmission,
  rawInputs: Record<string, string>,
): Promise<AdaptiveCard> {
  const result = await submitCheckIn(deps.stores, ctx, submission, deps.now().toISOString());
  if (!result.ok) return errorCard(deps, ctx, result.error, rawInputs, submission.submissionId);
  const { checkIn, keyResults } = result.value;
  return buildCheckInSummaryCard({
    checkIn,
    keyResults,
    locale: ctx.locale,
    submittedAtText: formatInstant(checkIn.updatedAt, ctx.timeZone, ctx.locale),
  });
}

/** The check-in card with the problem stated next to the field (nothing was written). */
export async function errorCard(
  deps: CheckInDeps,
  ctx: MemberContext,
  error: DomainError,
  rawInputs: Record<string, string>,
  submissionId?: string,
): Promise<AdaptiveCard> {
  if (!error.field) return buildMessageCard(error.message, 'attention');
  return checkInCardFor(deps, ctx, {
    values: rawInputs,
    errors: { [error.field]: error.message },
    ...(submissionId ? { submissionId } : {}),
  });
}

/** The "my OKRs" card. */
export async function myOkrsCard(deps: CheckInDeps, ctx: MemberContext): Promise<AdaptiveCard> {
  const { tenantId, userId } = ctx.user.value;
  const scope = cycleScope(ctx.cycle);
  const krs = (
    await deps.stores.okrs.listKeyResultsOwnedBy(tenantId, ctx.team.id, scope, userId)
  ).map((k) => k.value);
  const titles = await objectiveTitles(deps, ctx, krs);
  return buildMyOkrsCard(
    krs.map((keyResult) => ({
      keyResult,
      objectiveTitle: titles.get(keyResult.objectiveId) ?? '',
      ...(keyResult.lastCheckInAt
        ? { lastCheckInText: formatInstant(keyResult.lastCheckInAt, ctx.timeZone, ctx.locale) }
        : {}),
    })),
    ctx.locale,
    deps.tabLink ? { link: deps.tabLink, teamId: ctx.team.id, cycleId: ctx.cycle.id } : undefined,
  );
}
