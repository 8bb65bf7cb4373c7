/** Maximum lengths shared by the API, the server and the UI, so every layer refuses the same input. */
export const LIMITS = {
  title: 200,
  summary: 2000,
  displayName: 60,
  eventWhat: 500,
  eventKnown: 2000,
  noteText: 1000,
  evidenceUrl: 2000,
} as const;
