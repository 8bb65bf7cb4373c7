/** The facilitated flow of a post-mortem, in order. */
export const PHASES = [
  { id: 'timeline', label: 'Timeline', prompt: 'What happened, in order, and what was known at each moment?', view: 'timeline' },
  { id: 'observations', label: 'Observations', prompt: 'Silent writing: what did you notice? Nobody sees a note until the reveal.', view: 'notes' },
  { id: 'reveal', label: 'Reveal & group', prompt: 'Read the notes together and group them into themes.', view: 'notes' },
  { id: 'factors', label: 'Contributing factors', prompt: 'What about the system allowed this? Map it on the fishbone.', view: 'factors' },
  { id: 'findings', label: 'Findings', prompt: 'What was the trigger, and what was the underlying weakness?', view: 'findings' },
  { id: 'actions', label: 'Corrective actions', prompt: 'What will we change, who owns it, and by when?', view: 'findings' },
  { id: 'review', label: 'Review & publish', prompt: 'Check the findings and actions before they are shared.', view: 'findings' },
] as const;

export type PhaseId = (typeof PHASES)[number]['id'];

/** True for a known phase id. */
export function isPhase(value: unknown): value is PhaseId {
  return PHASES.some((phase) => phase.id === value);
}

/** The phase after (or before) the given one, or the same at either end. */
export function adjacentPhase(current: PhaseId, direction: 1 | -1): PhaseId {
  const index = PHASES.findIndex((phase) => phase.id === current);
  return PHASES[Math.max(0, Math.min(PHASES.length - 1, index + direction))]!.id;
}
