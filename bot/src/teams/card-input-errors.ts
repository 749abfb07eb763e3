import { KPI_READING_INPUT, type DomainError } from '@bearing/core';
import { checkInCardFor, contextOrMessage } from '../features/check-in';
import { kpiUpdateCardFor } from '../features/kpis';
import type { AdaptiveCard } from '../features/common';
import type { BotDeps } from './bot-deps';
import { errorCard } from './card-actions';
import type { ActivityIdentity } from './identity';

/** Card inputs and data as strings (what the user typed), for re-rendering a card with errors. */
export function stringInputs(data: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!data || typeof data !== 'object') return out;
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
    if (typeof v === 'string' && k.length <= 200) out[k] = v.slice(0, 2000);
  }
  return out;
}

/**
 * The answer to a card action that did not parse. Bad input in a check-in or KPI reading card:
 * the card again with the message next to the field. Anything else (an out-of-date card, an
 * unknown verb): the error card.
 */
export async function invalidActionCard(
  deps: BotDeps,
  identity: ActivityIdentity,
  verb: string | undefined,
  error: DomainError,
  rawInputs: Record<string, string>,
): Promise<AdaptiveCard> {
  const teamId = typeof rawInputs.teamId === 'string' ? rawInputs.teamId : undefined;
  const ctx = error.field
    ? await contextOrMessage(deps, identity.tenantId, identity.userId, teamId)
    : undefined;
  if (ctx && 'user' in ctx && error.field === KPI_READING_INPUT) {
    return kpiUpdateCardFor(deps.stores.kpis, ctx, {
      error: error.message,
      value: rawInputs[KPI_READING_INPUT],
      kpiId: rawInputs.kpiId,
    });
  }
  if (ctx && 'user' in ctx && verb?.startsWith('checkin.')) {
    return checkInCardFor(deps, ctx, {
      values: rawInputs,
      errors: { [error.field as string]: error.message },
      submissionId: rawInputs.submissionId,
    });
  }
  return errorCard(error);
}
