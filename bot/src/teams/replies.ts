import {
  CardFactory,
  MessageFactory,
  type AdaptiveCardInvokeResponse,
  type MessagingExtensionResponse,
} from 'botbuilder';
import { z } from 'zod';
import { en } from '@bearing/core';
import type { AdaptiveCard } from '../features/common';
import {
  buildOkrShareCard,
  okrShareSubtitle,
  searchSharedOkrs,
  sharedOkrForLink,
  type OkrShareModel,
  type ShareView,
} from '../features/sharing';
import type { BotDeps } from './bot-deps';
import type { ActivityIdentity } from './identity';

// What the bot answers with: a message carrying a card, the card that replaces an acted-on card,
// and the message extension's answers (search results, unfurled links).

/** A message carrying one Adaptive Card. */
export const cardReply = (card: AdaptiveCard) =>
  MessageFactory.attachment(CardFactory.adaptiveCard(card));

/** The invoke response that replaces the card the user acted on. */
export const invokeCard = (card: AdaptiveCard): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.card.adaptive',
  value: card as unknown as Record<string, unknown>,
});

/** The message extension's search command (appPackage/manifest.json `composeExtensions`). */
export const SEARCH_COMMAND = 'searchOkrs';
/** Teams lists at most 25 results per page. */
const MAX_RESULTS = 25;

/** A text the compose box shows instead of results (a hint, or why the search failed). */
export const extensionMessage = (message: string): MessagingExtensionResponse => ({
  composeExtension: { type: 'message', text: message },
});

/** Shared cards as results: the card to insert, with a compact preview for the list. */
const extensionResults = (models: readonly OkrShareModel[]): MessagingExtensionResponse => ({
  composeExtension: {
    type: 'result',
    attachmentLayout: 'list',
    attachments: models.map((m) => ({
      ...CardFactory.adaptiveCard(buildOkrShareCard(m)),
      preview: CardFactory.thumbnailCard(m.title, okrShareSubtitle(m)),
    })),
  },
});

const text = z.string().max(10_000);
/** `composeExtension/query`: the command and what was typed (`initialRun` on first open). */
const queryValue = z.looseObject({
  commandId: z.string().max(64),
  parameters: z
    .array(z.looseObject({ name: z.string().max(64), value: z.unknown() }))
    .max(5)
    .optional(),
  queryOptions: z
    .looseObject({
      skip: z.number().int().min(0).max(10_000).optional(),
      count: z.number().int().min(1).max(1_000).optional(),
    })
    .optional(),
});
/** `composeExtension/queryLink`: the pasted URL. */
const linkValue = z.looseObject({ url: z.string().min(1).max(2048) });

const viewFor = (deps: BotDeps, locale: string | undefined): ShareView => ({
  ...(deps.tabLink ? { tabLink: deps.tabLink } : {}),
  ...(deps.tabUrl ? { tabBaseUrl: deps.tabUrl } : {}),
  ...(locale ? { locale } : {}),
});

/**
 * The answer to a compose box search. Someone Teams did not identify, or who is in no team, gets
 * a message; a search in another tenant or a team the user is not in finds nothing; a malformed
 * query gets a message that says so, never a 500.
 */
export async function searchAnswer(
  deps: BotDeps,
  identity: ActivityIdentity | undefined,
  value: unknown,
  locale?: string,
): Promise<MessagingExtensionResponse> {
  if (!identity) return extensionMessage(en.errors.notMember);
  const query = queryValue.safeParse(value);
  if (!query.success) return extensionMessage(en.share.badQuery);
  const { commandId, parameters = [], queryOptions = {} } = query.data;
  if (commandId !== SEARCH_COMMAND) return extensionMessage(en.share.unknownCommand);
  const typed = parameters.find((p) => p.name !== 'initialRun')?.value ?? '';
  const searched = text.safeParse(typed);
  if (!searched.success) return extensionMessage(en.share.badQuery);
  const found = await searchSharedOkrs(
    deps.stores,
    identity,
    searched.data,
    deps.now(),
    viewFor(deps, locale),
  );
  if (!found.ok) return extensionMessage(found.error.message);
  const skip = queryOptions.skip ?? 0;
  const page = found.value.slice(
    skip,
    skip + Math.min(queryOptions.count ?? MAX_RESULTS, MAX_RESULTS),
  );
  if (page.length === 0 && searched.data.trim() && skip === 0)
    return extensionMessage(en.share.noResults(searched.data.trim().slice(0, 100)));
  return extensionResults(page);
}

/**
 * The answer to a pasted link on the app's domain: the same card as the search inserts, for a key
 * result the user may see; no card (the link stays a plain link) for anything else.
 */
export async function unfurlAnswer(
  deps: BotDeps,
  identity: ActivityIdentity | undefined,
  value: unknown,
  locale?: string,
): Promise<MessagingExtensionResponse> {
  const link = linkValue.safeParse(value);
  if (!identity || !link.success) return extensionResults([]);
  const model = await sharedOkrForLink(
    deps.stores,
    identity,
    link.data.url,
    deps.now(),
    viewFor(deps, locale),
  );
  return extensionResults(model ? [model] : []);
}
