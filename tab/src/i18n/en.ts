/**
 * The English message catalogue of the tab. Every user-facing string comes from here, so a
 * translation is one more file of the same shape.
 */
export const en = {
  appName: 'Bearing',
  localMode: (name: string) => `Local development mode — signed in as ${name} (not through Teams)`,
  loading: 'Loading your team’s goals…',
  retry: 'Retry',
  errors: {
    title: 'Bearing could not load this view',
    network: 'Bearing could not reach its server. Check your connection and try again.',
    unauthenticated:
      'Your sign-in has expired or was not accepted. Reload the tab to sign in again.',
    signIn: 'Teams could not sign you in to Bearing. Reload the tab, or ask your admin to consent.',
    forbidden: 'Only team owners and managers can change this.',
    notFound: 'This team does not exist in Bearing, or you are not a member of it.',
    unexpected: 'Something went wrong on the server. Try again in a moment.',
  },
  noTeams: {
    title: 'You are not in a Bearing team yet',
    body: 'Add Bearing to a team in Microsoft Teams, then open this tab in one of its channels.',
  },
  teamPicker: 'Team',
  header: {
    cycle: (name: string) => `Cycle ${name}`,
    progress: 'Team progress',
    checkIns: (week: string) => `Check-ins ${week}`,
    checkInsValue: (done: string) => `${done} of the team checked in`,
  },
  search: {
    label: 'Search objectives and key results',
    placeholder: 'Search objectives and key results',
    noMatches: (text: string) => `No objectives or key results match “${text}”.`,
    clear: 'Clear search',
  },
  empty: {
    title: (team: string, cycle: string) => `No objectives for ${team} in ${cycle} yet.`,
    body: 'Add the first one and align it to a company objective, so everyone can see how the team’s work moves the company forward.',
  },
  tree: {
    label: 'Alignment: company objectives, team objectives and key results',
    companyObjective: 'Company objective',
    noneAligned: 'No team objective is aligned to this yet.',
    notAligned: 'Not aligned',
    notAlignedHint:
      'These objectives do not support a company objective. Align them, or ask whether they belong in this cycle.',
    alignedElsewhere: 'Aligned to other objectives',
    expand: (title: string) => `Expand ${title}`,
    collapse: (title: string) => `Collapse ${title}`,
    keyResults: (n: number) => (n === 1 ? '1 key result' : `${n} key results`),
    noKeyResults: 'No key results yet. Add two to five measurable results.',
    owner: (name: string) => `Owner: ${name}`,
    noOwner: 'No owner',
    progressOf: (title: string) => `Progress of ${title}`,
    lastCheckIn: (when: string) => `Last check-in ${when}`,
    neverCheckedIn: 'No check-in yet',
    values: (current: string, target: string) => `Now ${current} · target ${target}`,
    guardrails: 'Guardrail KPIs',
    warnings: 'Warnings',
  },
  confidence: { onTrack: 'On track', atRisk: 'At risk', offTrack: 'Off track' },
  kpiStatus: {
    healthy: 'Healthy',
    warning: 'Warning',
    breach: 'Breach',
    stale: 'Stale data',
    noData: 'No data',
  },
  guardrail: (name: string, status: string) => `${name}: ${status}`,
  edit: {
    button: 'Edit',
    buttonLabel: (title: string) => `Edit key result ${title}`,
    title: 'Edit key result',
    target: 'Target',
    current: 'Current value',
    confidence: 'Confidence',
    fixedTarget: 'The target of this type of key result is fixed.',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    required: 'Enter a value.',
    notANumber: 'Enter a number, such as 8.5.',
    conflict: 'Someone else changed this key result. Showing the latest — apply your change again.',
    saved: (title: string) => `Saved “${title}”.`,
    unchanged: 'Nothing changed.',
  },
};

/** The shape every message catalogue has. */
export type Messages = typeof en;
