/** The meeting view's words for open items, who has not checked in and the decision log. */
export const openItemMessages = {
  isNew: 'New this week',
  since: (week: string, weeks: number) =>
    weeks === 0
      ? `Raised this week (${week})`
      : `Open ${weeks} week${weeks === 1 ? '' : 's'}, since ${week}`,
  resolve: 'Resolve',
  recordDecision: 'Record decision',
  decisionLabel: 'What was decided',
  saveDecision: 'Save decision',
  cancel: 'Cancel',
  resolved: (text: string) => `Resolved: ${text}`,
  notCheckedIn: (names: string) => `Not checked in yet: ${names}`,
  log: {
    title: 'Decision log',
    show: 'Show the decision log',
    hide: 'Hide the decision log',
    cycle: 'Cycle',
    objective: 'Objective',
    allCycles: 'All cycles',
    allObjectives: 'All objectives',
    person: 'Person',
    everyone: 'Everyone',
    exportCsv: 'Export CSV',
    exportJson: 'Export JSON',
    empty: 'Nothing recorded yet for these filters.',
    open: 'Open',
    outcome: { resolved: 'Resolved', decided: 'Decided', withdrawn: 'Withdrawn' },
    by: (name: string, when: string) => `by ${name}, ${when}`,
  },
};

/** My OKRs: away (on leave) until a date. */
export const awayMessages = {
  title: 'Away',
  label: 'Away until',
  hint: 'No check-in cards, reminders or nudges until then (inclusive).',
  save: 'Save',
  back: 'I’m back',
  awayUntil: (date: string) => `You are away until ${date}.`,
};
