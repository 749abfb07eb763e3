import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
const AC = require('adaptivecards') as typeof import('adaptivecards');

/** The official schemas live in ../shared (never copied into the repo). */
export const SHARED_SCHEMAS = path.resolve(__dirname, '..', '..', '..', 'shared', 'schemas');

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(draft06);
addFormats(ajv);
// The official file names itself with draft-04's `id`; Ajv 8 only knows `$id`, so rename that one key.
const { id: schemaId, ...cardSchema } = JSON.parse(
  fs.readFileSync(path.join(SHARED_SCHEMAS, 'adaptive-card-1.5.schema.json'), 'utf8'),
) as Record<string, unknown>;
const validateSchema = ajv.compile({ ...cardSchema, $id: String(schemaId) });

/** Schema errors of a card against Adaptive Cards 1.5 (empty when valid). */
export function schemaErrors(card: unknown): string[] {
  return validateSchema(card)
    ? []
    : (validateSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** Warnings and errors the `adaptivecards` library reports when parsing and validating a card. */
export function rendererWarnings(card: unknown): string[] {
  const adaptive = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  adaptive.parse(card, context);
  const out: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) out.push(context.getEventAt(i).message);
  for (const e of adaptive.validateProperties().validationEvents) out.push(e.message);
  return out;
}

export { texts } from './card-texts';
