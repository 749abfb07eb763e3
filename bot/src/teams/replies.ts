import { CardFactory, MessageFactory, type AdaptiveCardInvokeResponse } from 'botbuilder';
import type { AdaptiveCard } from '../features/shared';

/** A message carrying one Adaptive Card. */
export const cardReply = (card: AdaptiveCard) =>
  MessageFactory.attachment(CardFactory.adaptiveCard(card));

/** The invoke response that replaces the card the user acted on. */
export const invokeCard = (card: AdaptiveCard): AdaptiveCardInvokeResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.card.adaptive',
  value: card as unknown as Record<string, unknown>,
});
