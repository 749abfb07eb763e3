/** Verbs that start tasks and outputs rather than outcomes ("Launch X", "Send Y"). */
const TASK_VERBS = [
  'launch',
  'ship',
  'send',
  'build',
  'create',
  'write',
  'implement',
  'release',
  'deploy',
  'publish',
  'hold',
  'run',
  'organize',
  'organise',
  'complete',
  'finish',
  'deliver',
  'set up',
  'setup',
  'migrate',
  'install',
  'design',
  'develop',
  'introduce',
  'roll out',
  'start',
  'host',
  'prepare',
  'draft',
  'document',
  'schedule',
  'attend',
  'conduct',
  'produce',
  'add',
];

const OUTCOME_SIGNAL = /\d|%|\bfrom\b.*\bto\b|\bper\b|\brate\b|\bscore\b/i;

/** True when a key result title reads like a task ("Launch the new site") with no measurable outcome. */
export function isTaskLikeTitle(title: string): boolean {
  const t = title
    .trim()
    .replace(/^[^\p{L}]+/u, '')
    .toLowerCase();
  const starts = TASK_VERBS.some((v) => t === v || t.startsWith(`${v} `));
  return starts && !OUTCOME_SIGNAL.test(t);
}

const STOP_WORDS = new Set([
  'the',
  'a',
  'an',
  'of',
  'to',
  'at',
  'in',
  'on',
  'and',
  'or',
  'our',
  'keep',
  'maintain',
  'stay',
  'above',
  'below',
  'or',
  'better',
  'than',
  'least',
  'most',
]);

/** Significant lower-case words of a title or KPI name. */
export function significantWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1 && !STOP_WORDS.has(w) && !/^\d/.test(w)),
  );
}

/** Share of the KPI name's words that the title contains (0..1). */
export function nameOverlap(title: string, kpiName: string): number {
  const name = significantWords(kpiName);
  if (name.size === 0) return 0;
  const words = significantWords(title);
  let hits = 0;
  for (const w of name) if (words.has(w)) hits += 1;
  return hits / name.size;
}
