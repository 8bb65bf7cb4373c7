/** Maximum lengths shared by the API, the server and the UI, so every layer refuses the same input. */
export const LIMITS = {
  title: 200,
  summary: 2000,
  displayName: 60,
  eventWhat: 500,
  eventKnown: 2000,
  noteText: 1000,
  evidenceUrl: 2000,
  /** The fishbone's head. */
  problem: 1000,
  factorText: 500,
  boneName: 60,
  themeTitle: 120,
  findingStatement: 1000,
  actionWhat: 500,
  actionOwner: 120,
  statusReason: 500,
  /** What an action's owner last reported on it. */
  progressNote: 1000,
  /** Impact and lessons learned, each. */
  reviewText: 5000,
  /** Services affected and teams involved, each. */
  incidentTags: 20,
  /** Customer impact, in minutes: a year. */
  impactMinutes: 525_600,
} as const;

/** How far from the origin anything on the observations canvas may sit, in canvas units (CSS pixels at 100 % zoom). */
export const CANVAS_EXTENT = 100_000;

/**
 * How much one post-mortem may hold. Far above any real session (a long one has a few hundred notes), low enough
 * that one participant cannot exhaust the server. The UI says so when a cap is reached; the server enforces it.
 */
export const CAPS = {
  notes: 2_000,
  /**
   * Notes kept in storage, hidden ones included: hiding spam frees its place under `notes`, so without this bound
   * a spammer and a facilitator hiding it could grow storage without end.
   */
  storedNotes: 10_000,
  events: 1_000,
  factors: 500,
  /** Encoded size of any one Yjs document. */
  documentBytes: 5 * 1024 * 1024,
} as const;
