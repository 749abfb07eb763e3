/**
 * The subset of Adaptive Cards 1.5 that Bearing's cards use, typed so a builder cannot emit an
 * element or property the schema does not know. Every card is validated against the official
 * schema in tests.
 */
export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
export type TextColor = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

interface ElementBase {
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
  isVisible?: boolean;
}

export interface TextBlock extends ElementBase {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  size?: 'small' | 'default' | 'medium' | 'large' | 'extraLarge';
  weight?: 'lighter' | 'default' | 'bolder';
  color?: TextColor;
  isSubtle?: boolean;
  maxLines?: number;
  style?: 'default' | 'heading';
}

export interface Column {
  type: 'Column';
  items: CardElement[];
  width?: 'auto' | 'stretch' | string;
  style?: ContainerStyle;
  minHeight?: string;
  verticalContentAlignment?: 'top' | 'center' | 'bottom';
  spacing?: Spacing;
}

export interface ColumnSet extends ElementBase {
  type: 'ColumnSet';
  columns: Column[];
  minHeight?: string;
}

export interface Container extends ElementBase {
  type: 'Container';
  items: CardElement[];
  style?: ContainerStyle;
  bleed?: boolean;
}

/** An image; Bearing draws only its progress bars as images (data URIs, see progress-bar.ts). */
export interface Image extends ElementBase {
  type: 'Image';
  url: string;
  altText: string;
  size?: 'auto' | 'stretch' | 'small' | 'medium' | 'large';
}

export interface FactSet extends ElementBase {
  type: 'FactSet';
  facts: { title: string; value: string }[];
}

interface InputBase extends ElementBase {
  id: string;
  label: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface InputNumber extends InputBase {
  type: 'Input.Number';
  value?: number;
  min?: number;
  max?: number;
  placeholder?: string;
}

export interface InputText extends InputBase {
  type: 'Input.Text';
  value?: string;
  placeholder?: string;
  isMultiline?: boolean;
  maxLength?: number;
}

export interface InputToggle extends InputBase {
  type: 'Input.Toggle';
  title: string;
  value?: 'true' | 'false';
  valueOn?: string;
  valueOff?: string;
}

export interface InputChoiceSet extends InputBase {
  type: 'Input.ChoiceSet';
  choices: { title: string; value: string }[];
  value?: string;
  style?: 'compact' | 'expanded';
}

/** Buttons in the body (for a toggle next to what it shows). */
export interface ActionSet extends ElementBase {
  type: 'ActionSet';
  actions: CardAction[];
}

export type CardElement =
  | ActionSet
  | TextBlock
  | ColumnSet
  | Container
  | FactSet
  | Image
  | InputNumber
  | InputText
  | InputToggle
  | InputChoiceSet;

/** `secondary` puts an action in the card's overflow menu ("…"); Teams shows primary ones as buttons. */
interface ActionBase {
  title: string;
  mode?: 'primary' | 'secondary';
}

export interface ActionExecute extends ActionBase {
  type: 'Action.Execute';
  verb: string;
  data?: Record<string, unknown>;
  associatedInputs?: 'auto' | 'none';
  style?: 'default' | 'positive' | 'destructive';
}

export interface ActionOpenUrl extends ActionBase {
  type: 'Action.OpenUrl';
  url: string;
}

/** A button that unfolds a small card under the action row (inputs that belong to one action). */
export interface ActionShowCard extends ActionBase {
  type: 'Action.ShowCard';
  card: Omit<AdaptiveCard, '$schema' | 'version' | 'refresh' | 'msteams' | 'fallbackText'> & {
    version?: never;
  };
}

/** Shows or hides elements of the card (collapsed optional questions). */
export interface ActionToggleVisibility extends ActionBase {
  type: 'Action.ToggleVisibility';
  targetElements: string[];
}

export type CardAction = ActionExecute | ActionOpenUrl | ActionShowCard | ActionToggleVisibility;

/** At most this many actions show as buttons; the rest go to the overflow menu (fits 320 px). */
export const MAX_PRIMARY_ACTIONS = 2;

/** The actions with all but the first `MAX_PRIMARY_ACTIONS` marked `mode: "secondary"`. */
export function withOverflow(actions: readonly CardAction[]): CardAction[] {
  return actions.map((a, i) => (i < MAX_PRIMARY_ACTIONS ? a : { ...a, mode: 'secondary' }));
}

/** An Adaptive Card 1.5 with Universal Actions. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  refresh?: { action: ActionExecute; userIds?: string[] };
  msteams?: { width?: 'Full' };
  fallbackText?: string;
}

/** Wraps body and actions into a 1.5 card. */
export function adaptiveCard(
  body: CardElement[],
  actions: CardAction[] = [],
  extra: Pick<AdaptiveCard, 'refresh' | 'fallbackText'> = {},
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions: withOverflow(actions) } : {}),
    ...extra,
  };
}
