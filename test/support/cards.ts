import lightHostConfig from 'adaptivecards-designer/lib/hostConfigs/microsoft-teams-light.json';
import darkHostConfig from 'adaptivecards-designer/lib/hostConfigs/microsoft-teams-dark.json';
// In Node the library's UMD bundle (jest maps `adaptivecards` to it; the ES build needs a DOM).
const AC = require('adaptivecards') as typeof import('adaptivecards');

/** The Adaptive Card version Teams renders (and every card of the bot declares). */
export const CARD_VERSION = '1.5';

/** Teams' own host configs, as the Adaptive Cards designer ships them (npm: adaptivecards-designer). */
const HOST_CONFIGS = {
  'teams-light': new AC.HostConfig(lightHostConfig),
  'teams-dark': new AC.HostConfig(darkHostConfig),
};

type Raw = Record<string, unknown>;
/** A parsed element and its JSON (the library's private `_rawProperties`, see `cardProblems`). */
interface Parsed {
  readonly object: InstanceType<typeof AC.SerializableObject>;
  readonly raw: Raw;
}

/** Every object the library parsed from the card, with the JSON object it was parsed from. */
function parsedObjects(root: object): Parsed[] {
  const seen = new Set<object>();
  const found: Parsed[] = [];
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (node instanceof AC.SerializableObject) {
      const raw = (node as unknown as { _rawProperties?: Raw })._rawProperties ?? {};
      found.push({ object: node, raw });
    } else if (node instanceof AC.HostConfig) return;
    for (const [key, value] of Object.entries(node)) if (key !== '_parent') walk(value);
  };
  walk(root);
  return found;
}

/**
 * Properties of the card that the library does not read: for each element it parsed, the keys of
 * its JSON that are neither in the element's schema nor the source of a nested element.
 */
function unreadProperties(objects: Parsed[]): string[] {
  const sources = new Set<unknown>(objects.map((o) => o.raw));
  return objects.flatMap(({ object, raw }) => {
    const schema = object.getSchema();
    const known = new Set<string>();
    for (let i = 0; i < schema.getCount(); i += 1) known.add(schema.getItemAt(i).name);
    const nested = (value: unknown) =>
      sources.has(value) ||
      (Array.isArray(value) && (value.length === 0 || value.some((v) => sources.has(v))));
    const name = typeof raw.type === 'string' ? raw.type : object.constructor.name;
    return Object.keys(raw)
      .filter((key) => !known.has(key) && !nested(raw[key]))
      .map((key) => `${name}.${key} is not a property the adaptivecards library reads`);
  });
}

/**
 * What is wrong with a card for Teams, empty when nothing: every parse warning or error the
 * `adaptivecards` library logs when it reads the card as version 1.5 with a Teams host config, every
 * `validateProperties()` failure, every property it ignored, and the card-level shape Teams needs.
 */
export function cardProblems(card: unknown): string[] {
  const problems = new Set<string>();
  const json = card as { type?: unknown; version?: unknown; body?: unknown };
  if (json?.type !== 'AdaptiveCard') problems.add('type must be "AdaptiveCard"');
  if (json?.version !== CARD_VERSION) problems.add(`version must be "${CARD_VERSION}"`);
  if (!Array.isArray(json?.body)) problems.add('body must be an array');
  for (const [name, hostConfig] of Object.entries(HOST_CONFIGS)) {
    const adaptive = new AC.AdaptiveCard();
    adaptive.hostConfig = hostConfig;
    adaptive.maxVersion = AC.Versions.v1_5;
    const context = new AC.SerializationContext(AC.Versions.v1_5);
    // Keeps each element's JSON on it (`_rawProperties`), to find the properties nothing reads.
    AC.GlobalSettings.enableFullJsonRoundTrip = true;
    try {
      adaptive.parse(card, context);
    } finally {
      AC.GlobalSettings.enableFullJsonRoundTrip = false;
    }
    for (let i = 0; i < context.eventCount; i += 1) {
      const event = context.getEventAt(i);
      problems.add(`${name} parse: ${AC.ValidationEvent[event.event]}: ${event.message}`);
    }
    for (const event of adaptive.validateProperties().validationEvents) {
      problems.add(`${name} validate: ${AC.ValidationEvent[event.event]}: ${event.message}`);
    }
    unreadProperties(parsedObjects(adaptive)).forEach((p) => problems.add(p));
  }
  return [...problems];
}

export { texts } from './card-texts';
