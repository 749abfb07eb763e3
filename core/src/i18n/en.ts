/**
 * The English message catalogue for cards and bot replies. Every user-facing string of the bot
 * comes from here, so a translation is one more file of the same shape.
 */
// English count nouns: the singular of a unit word people typed ("features" → "feature").
// Abbreviations and symbols (min, eNPS, USD, km/h) are left as they are.
const IRREGULAR: Readonly<Record<string, string>> = { people: 'person', children: 'child' };
function singularUnit(unit: string): string {
  if (IRREGULAR[unit]) return IRREGULAR[unit];
  if (!/^[a-z]{3,}s$/.test(unit) || unit.endsWith('ss')) return unit;
  if (unit.endsWith('ies')) return `${unit.slice(0, -3)}y`;
  if (/(ch|sh|x|ss)es$/.test(unit)) return unit.slice(0, -2);
  return unit.slice(0, -1);
}

export const en = {
  /** Unit words after a count: 1 feature, 2 features. */
  units: { singular: singularUnit },
  week: { of: (monday: string) => `week of ${monday}` },
  confidence: { onTrack: 'On track', atRisk: 'At risk', offTrack: 'Off track' },
  checkIn: {
    /** `week` is already formatted ("week of Nov 30", see `formatWeek`). */
    title: (week: string) => `Weekly check-in · ${week}`,
    intro: (name: string, team: string) => `Hi ${name} · ${team}`,
    noKeyResults: (team: string) =>
      `You own no key results in ${team} this cycle, so there is nothing to check in. Ask your manager to assign one, or open the tab to add your own.`,
    objective: (title: string) => `Objective: ${title}`,
    /** The value input's label: short, the key result's title is right above it. */
    valueLabel: (unit: string | undefined) => (unit ? `Now (${unit})` : 'Now'),
    done: 'Done',
    milestonesDone: 'Milestones done',
    confidenceLabel: 'Confidence',
    whatChanged: 'What changed or what did you learn?',
    blockers: 'What is blocking you?',
    decisionNeeded: 'What decision do you need?',
    addNotes: 'Add notes (optional)',
    notesHint: 'What changed, what is blocking you, a decision you need.',
    submit: 'Submit',
    nothingChanged: 'Nothing changed',
    snooze: 'Remind me tomorrow',
    checkInNow: 'Check in now',
    fixBelow: 'Something needs fixing — see the messages below.',
    /** A KPI that guards the objective is close to or outside its target range. */
    guardrail: {
      warning: (kpi: string) => `${kpi} is close to leaving its target range.`,
      breach: (kpi: string) => `${kpi} is outside its target range.`,
    },
  },
  summary: {
    title: (week: string) => `Checked in · ${week}`,
    nothingChanged: 'Nothing changed this week.',
    whatChanged: 'What changed',
    blockers: 'Blockers',
    decisionNeeded: 'Decision needed',
    edit: 'Edit',
    submittedAt: (when: string) => `Submitted ${when}`,
  },
  snoozed: (when: string) => `Got it — I'll bring your check-in back ${when}.`,
  alreadySnoozed: (when: string) => `Your check-in is already snoozed until ${when}.`,
  managersOnly: 'Team status is for team owners and managers. Type "my okrs" to see your own.',
  /** The member's own blockers and decisions on their check-in card. */
  openItems: {
    title: 'Your blockers and decisions',
    blocker: 'Blocker',
    decision: 'Decision needed',
    update: 'Update',
    newText: 'New text',
    save: 'Save',
    withdraw: 'Withdraw',
  },
  /** The managers' missed check-ins card and the nudge a member gets. */
  missed: {
    title: (team: string) => `Missed check-ins · ${team}`,
    intro: (n: number) => `${n} ${n === 1 ? 'person has' : 'people have'} not checked in lately.`,
    member: (name: string, weeks: number) =>
      `**${name}** · missed ${weeks} week${weeks === 1 ? '' : 's'} in a row`,
    atRisk: (titles: string) => `At risk: ${titles}`,
    noneAtRisk: 'No key results at risk',
    nudge: (name: string) => `Nudge ${name}`,
    footer: 'A nudge is a friendly reminder, sent at most once a week per person.',
    fallback: (team: string) => `Missed check-ins in ${team}`,
    nudgeTitle: (team: string) => `A quick check-in for ${team}?`,
    nudgeText: (name: string) =>
      `${name} would love to hear how your key results are going. It takes a minute.`,
    nudgeFallback: (team: string) => `Check in for ${team}`,
  },
  nudge: {
    sent: (name: string) => `Nudge sent to ${name}: a friendly card to check in.`,
    already: (name: string) => `${name} was already nudged this week.`,
  },
  /** Who can change the team in Bearing (team status, and the answer members get). */
  whoManages: {
    owners: (names: string) => `Owners: ${names}`,
    managers: (names: string) => `Managers: ${names}`,
    none: 'none',
    askThem: 'Ask one of them to change goals or settings, or to make you a manager.',
  },
  digest: {
    youCheckedIn: '✓ You checked in this week.',
    youHaveNot: (n: number) =>
      n === 1
        ? 'You have not checked in yet: 1 key result is waiting for you.'
        : `You have not checked in yet: ${n} key results are waiting for you.`,
    refresh: 'Refresh',
  },
  kpi: {
    alertTitle: (name: string) => `KPI out of range · ${name}`,
    escalationTitle: (name: string) => `Still out of range, not acknowledged · ${name}`,
    recoveredTitle: (name: string) => `Back in range · ${name}`,
    value: (value: string, range: string) => `Now ${value} · target ${range}`,
    since: (when: string) => `Out of range since ${when}`,
    recoveredSince: (when: string) => `Back in range since ${when}`,
    trend: (sparkline: string) => `Recent readings ${sparkline}`,
    /** The sparkline's scale and the readings as text (what a screen reader reads). */
    trendScale: (low: string, high: string) => `▁ ${low} to █ ${high}`,
    trendReadings: (n: number, values: string) =>
      n === 1 ? `Last reading: ${values}.` : `Last ${n} readings, oldest first: ${values}.`,
    guards: (titles: string) => `Protects the objective: ${titles}`,
    acknowledged: (name: string, when: string) => `Acknowledged by ${name}, ${when}`,
    snoozedUntil: (when: string) => `Snoozed until ${when}`,
    corrective: (title: string) => `Draft corrective OKR created: ${title}. Finish it in the tab.`,
    openDraft: 'Open the draft',
    acknowledge: 'Acknowledge',
    snooze: 'Snooze',
    snoozeFor: 'Snooze for',
    oneDay: '1 day',
    oneWeek: '1 week',
    draftCorrective: 'Draft corrective OKR',
    openInTab: 'Open in Bearing',
    correctiveTitle: (name: string) => `Bring ${name} back into range`,
    correctiveKr: (name: string, from: string, to: string) => `${name} from ${from} to ${to}`,
    updateTitle: 'Update a KPI',
    updateNone: 'You own no KPIs. Team owners can make you the owner of one in the tab.',
    chooseKpi: 'KPI',
    newReading: 'New reading',
    recorded: (name: string, value: string) => `Recorded ${value} for ${name}.`,
    ownersOnly: 'Only the KPI owner can enter readings by hand.',
  },
  sendNow: {
    managersOnly:
      'Only team owners and managers can start the check-in for the whole team. Type "check in" to do your own.',
    queued: (n: number, team: string) =>
      n === 1
        ? `Starting this week's check-in for ${team}: 1 card is on its way.`
        : `Starting this week's check-in for ${team}: ${n} cards are on their way.`,
    alreadyDone: (n: number) =>
      n === 1
        ? '1 member already has this week’s card.'
        : `${n} members already have this week’s card.`,
    unreachable: (n: number) =>
      n === 1
        ? '1 member cannot be reached yet: add Bearing to the team, or ask them to open a chat with Bearing.'
        : `${n} members cannot be reached yet: add Bearing to the team, or ask them to open a chat with Bearing.`,
  },
  welcome: {
    title: 'Welcome to Bearing',
    body: 'Bearing keeps your team’s OKRs and KPIs moving without leaving Teams. Each week I send you one card to update your key results; it takes about a minute.',
    teamBody: (team: string) =>
      `Bearing is now part of ${team}. Members get a weekly check-in card in a personal chat, and this channel gets a digest and KPI alerts.`,
    tryIt: 'Try it now:',
  },
  help: {
    title: 'What Bearing can do',
    commands: [
      ['check in', 'Update your key results for this week'],
      ['my okrs', 'See your key results and progress'],
      ['team status', 'Who has checked in this week (managers)'],
      ['send check-ins', 'Send this week’s check-in to the whole team now (managers)'],
      ['update kpi', 'Enter a new reading for a KPI you own'],
      ['help', 'Show this list'],
    ] as const,
    unknown: (text: string) => `I did not understand "${text}".`,
  },
  myOkrs: {
    title: 'My key results',
    none: 'You own no key results this cycle.',
    lastCheckIn: (when: string) => `Last check-in ${when}`,
    never: 'No check-in yet',
  },
  share: {
    objective: 'Objective',
    keyResult: 'Key result',
    companyObjective: 'Company objective',
    inTeam: (team: string) => `in ${team}`,
    progress: 'Progress',
    confidence: 'Confidence',
    owner: 'Owner',
    noConfidence: 'Not rated yet',
    someone: 'Someone in your organisation',
    open: 'Open in Bearing',
    keyResultsOf: (count: number) => (count === 1 ? '1 key result' : `${count} key results`),
    noResults: (text: string) => `No objective or key result you can see matches “${text}”.`,
    tooLong: (max: number) => `Search for at most ${max} characters.`,
    badQuery: 'Bearing could not read this search. Type a few words of an objective or key result.',
    unknownCommand: 'Bearing does not know this search command. Update the app and try again.',
  },
  errors: {
    generic: 'Something went wrong on our side. Please try again in a moment.',
    conflict: 'Someone else just changed this. Here is the latest version — please submit again.',
    notMember:
      'You are not a member of a team that uses Bearing yet. Ask a team owner to add Bearing to your team.',
    outOfDate: 'This card is out of date. Type "check in" for a new one.',
  },
} as const;

/** The shape every catalogue has. */
export type Messages = typeof en;
