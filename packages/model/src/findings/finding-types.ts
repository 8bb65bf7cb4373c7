/** The kinds of finding, in the order the board and the report show them. */
export const FINDING_TYPES = [
  { id: 'proximate', label: 'Proximate cause', hint: 'The immediate trigger: the event that set the failure off.' },
  { id: 'root', label: 'Root cause', hint: 'An underlying weakness of the system that made the failure possible.' },
  { id: 'contributing', label: 'Contributing factor', hint: 'A condition that made it worse or more likely.' },
  { id: 'went-well', label: 'What went well', hint: 'Something that helped: keep doing it.' },
  { id: 'lucky', label: 'Where we got lucky', hint: 'Something that helped by chance: do not rely on it.' },
] as const;

export type FindingType = (typeof FINDING_TYPES)[number]['id'];
