import {
  BALLOT_HEADER,
  type ActionList,
  type LearningSummary,
  type LibraryPage,
  type LibraryQuery,
  type PublishResponse,
  type Report,
  NOTE_SECRET_HEADER,
  type BallotResponse,
  type BallotState,
  type CreatePostmortemRequest,
  type CreatePostmortemResponse,
  type EditNoteRequest,
  type ModerateNotesRequest,
  type ModerateNotesResponse,
  type ErrorBody,
  type PostmortemSummary,
  type RevealResponse,
  type SubmitNoteRequest,
  type SubmitNoteResponse,
  type SimilarIncident,
  type TimelineImportRequest,
  type TimelineImportResponse,
} from '@debrief/protocol';
import {
  FACILITATOR_KEYS_HEADER,
  formatFacilitatorKeys,
  type ActionFilters,
  type OwnedAction,
  type OwnerLinkResponse,
  type UpdateActionStatusRequest,
} from '@debrief/protocol';

/** An API answer other than success, with the server's code and message (or a network description). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The whole error body, for answers that say more than a message (e.g. the statements blocking a publish). */
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch {
    throw new ApiRequestError(0, 'network', 'Could not reach the Debrief server. Check your connection and try again.');
  }
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as ErrorBody | null)?.error;
    throw new ApiRequestError(response.status, error?.code ?? 'unknown', error?.message ?? `The server answered ${response.status}.`, body);
  }
  return body as T;
}

/** `POST /api/postmortems`. */
export function createPostmortem(input: CreatePostmortemRequest): Promise<CreatePostmortemResponse> {
  return request('/api/postmortems', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
}

/** `GET /api/postmortems/:id`: checks the key and says which role it gives. */
export function fetchPostmortem(id: string, key: string): Promise<PostmortemSummary> {
  return request(`/api/postmortems/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${key}` } });
}

const auth = (key: string) => ({ authorization: `Bearer ${key}` });
const json = { 'content-type': 'application/json' };
const notePath = (id: string, noteId?: string) => `/api/postmortems/${encodeURIComponent(id)}/notes${noteId ? `/${encodeURIComponent(noteId)}` : ''}`;

/** `POST /api/postmortems/:id/notes`: the server holds the note anonymously; only we get its secret. */
export function submitNote(id: string, key: string, note: SubmitNoteRequest): Promise<SubmitNoteResponse> {
  return request(notePath(id), { method: 'POST', headers: { ...auth(key), ...json }, body: JSON.stringify(note) });
}

/** `PATCH /api/postmortems/:id/notes/:noteId`, proving authorship with the note's secret. */
export function editNote(id: string, key: string, noteId: string, secret: string, patch: EditNoteRequest): Promise<void> {
  return request(notePath(id, noteId), {
    method: 'PATCH',
    headers: { ...auth(key), ...json, [NOTE_SECRET_HEADER]: secret },
    body: JSON.stringify(patch),
  });
}

/** `DELETE /api/postmortems/:id/notes/:noteId`, proving authorship with the note's secret. */
export function withdrawNote(id: string, key: string, noteId: string, secret: string): Promise<void> {
  return request(notePath(id, noteId), { method: 'DELETE', headers: { ...auth(key), [NOTE_SECRET_HEADER]: secret } });
}

/**
 * `POST /api/postmortems/:id/reveal` (facilitator only). `final` when ending the Observations phase: then fewer
 * than the usual minimum of waiting notes are released too.
 */
export function revealNotes(id: string, key: string, final = false): Promise<RevealResponse> {
  return request(`/api/postmortems/${encodeURIComponent(id)}/reveal`, {
    method: 'POST',
    headers: { ...auth(key), ...json },
    body: JSON.stringify(final ? { final: true } : {}),
  });
}

/** `POST /api/postmortems/:id/timeline/import` (facilitator only): a file's rows into the timeline, all or nothing. */
export function importTimeline(id: string, key: string, body: TimelineImportRequest): Promise<TimelineImportResponse> {
  return request(`/api/postmortems/${encodeURIComponent(id)}/timeline/import`, {
    method: 'POST',
    headers: { ...auth(key), ...json },
    body: JSON.stringify(body),
  });
}

/** `GET /api/postmortems/:id/similar`: published incidents sharing a service or a factor category with this one. */
export async function fetchSimilarIncidents(id: string, key: string): Promise<SimilarIncident[]> {
  return (await request<{ items: SimilarIncident[] }>(`/api/postmortems/${encodeURIComponent(id)}/similar`, { headers: auth(key) })).items;
}

/** `POST /api/postmortems/:id/moderation` (facilitator only): hide, show again or paraphrase revealed notes. */
export function moderateNotes(id: string, key: string, moderation: ModerateNotesRequest): Promise<ModerateNotesResponse> {
  return request(`/api/postmortems/${encodeURIComponent(id)}/moderation`, {
    method: 'POST',
    headers: { ...auth(key), ...json },
    body: JSON.stringify(moderation),
  });
}

/** `POST /api/postmortems/:id/ballots`: a new anonymous ballot for this browser. */
export async function issueBallot(id: string, key: string): Promise<string> {
  return (await request<BallotResponse>(`/api/postmortems/${encodeURIComponent(id)}/ballots`, { method: 'POST', headers: auth(key) })).ballot;
}

/** `GET /api/postmortems/:id/ballots/mine`: this ballot's votes and what it has left. */
export function ballotState(id: string, key: string, ballot: string): Promise<BallotState> {
  return request(`/api/postmortems/${encodeURIComponent(id)}/ballots/mine`, { headers: { ...auth(key), [BALLOT_HEADER]: ballot } });
}

/** Casts (POST) or takes back (DELETE) one vote for a target. */
export function vote(id: string, key: string, ballot: string, target: string, method: 'POST' | 'DELETE'): Promise<BallotState> {
  return request(`/api/postmortems/${encodeURIComponent(id)}/votes`, {
    method,
    headers: { ...auth(key), ...json, [BALLOT_HEADER]: ballot },
    body: JSON.stringify({ target }),
  });
}

/** `PUT /api/postmortems/:id/voting` (facilitator only). */
export function configureVoting(id: string, key: string, settings: { open: boolean; votesPerPerson: number }): Promise<unknown> {
  return request(`/api/postmortems/${encodeURIComponent(id)}/voting`, {
    method: 'PUT',
    headers: { ...auth(key), ...json },
    body: JSON.stringify(settings),
  });
}

/** `X-Debrief-Keys` for the facilitator keys a browser holds (`{ [postmortemId]: key }`); no header for none. */
function facilitatorKeysHeader(keys: Readonly<Record<string, string>>): Record<string, string> {
  const value = formatFacilitatorKeys(keys);
  return value ? { [FACILITATOR_KEYS_HEADER]: value } : {};
}

/** `?cursor=` for the page after the one that answered `next`, or nothing for the first page. */
const pageAfter = (cursor: string | null | undefined, separator = '?') => (cursor ? `${separator}cursor=${encodeURIComponent(cursor)}` : '');

/**
 * `GET /api/actions`: a page of the corrective actions of published post-mortems, plus those of each unpublished one
 * whose facilitator key is given (sent in a header, never in the URL); pass the answer's `next` for the page after.
 */
export function listActions(facilitatorKeys: Readonly<Record<string, string>> = {}, cursor?: string | null): Promise<ActionList> {
  return request(`/api/actions${pageAfter(cursor)}`, { headers: facilitatorKeysHeader(facilitatorKeys) });
}

/** A file to save: what the server sent, and the name it suggested. */
export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/**
 * `GET /api/actions.csv` or `/api/actions.ics` with the same keys as `listActions`, as a file to save (a plain link
 * could not send the keys, so it would leave out the unpublished post-mortems this browser facilitates).
 */
export async function fetchActionsFile(
  format: 'csv' | 'ics',
  facilitatorKeys: Readonly<Record<string, string>> = {},
  filters: ActionFilters = {},
): Promise<DownloadedFile> {
  let response: Response;
  const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => entry[1] !== undefined));
  try {
    response = await fetch(`/api/actions.${format}${query.size ? `?${query}` : ''}`, { headers: facilitatorKeysHeader(facilitatorKeys) });
  } catch {
    throw new ApiRequestError(0, 'network', 'Could not reach the Debrief server. Check your connection and try again.');
  }
  if (!response.ok) {
    const error = ((await response.json().catch(() => null)) as ErrorBody | null)?.error;
    throw new ApiRequestError(response.status, error?.code ?? 'unknown', error?.message ?? `The server answered ${response.status}.`);
  }
  const suggested = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  return { blob: await response.blob(), filename: suggested ?? `debrief-actions.${format}` };
}

const actionPath = (id: string, actionId: string) => `/api/postmortems/${encodeURIComponent(id)}/actions/${encodeURIComponent(actionId)}`;

/** `PATCH /api/postmortems/:id/actions/:actionId` (facilitator key or the action's owner key): follow-up after the session. */
export function updateActionFollowUp(id: string, key: string, actionId: string, update: UpdateActionStatusRequest): Promise<unknown> {
  return request(actionPath(id, actionId), { method: 'PATCH', headers: { ...auth(key), ...json }, body: JSON.stringify(update) });
}

/** `GET /api/postmortems/:id/actions/:actionId` (facilitator key or the action's owner key): one action as it is now. */
export function fetchOwnedAction(id: string, key: string, actionId: string): Promise<OwnedAction> {
  return request(actionPath(id, actionId), { headers: auth(key) });
}

/** `POST …/owner-link` (facilitator key): a new owner link's key for one action; the previous link stops working. */
export function createOwnerLink(id: string, key: string, actionId: string): Promise<OwnerLinkResponse> {
  return request(`${actionPath(id, actionId)}/owner-link`, { method: 'POST', headers: auth(key) });
}

/** `DELETE …/owner-link` (facilitator key): the action's owner link stops working. */
export function revokeOwnerLink(id: string, key: string, actionId: string): Promise<void> {
  return request(`${actionPath(id, actionId)}/owner-link`, { method: 'DELETE', headers: auth(key) });
}

/**
 * `POST /api/postmortems/:id/publish` (facilitator only): freezes the next report version, names replaced by roles;
 * flagged statements in `keep` are published anyway with the facilitator's reason. Refused with `blame_unresolved`
 * (the error's body lists the statements) while anything else reads as blame.
 */
export function publishReport(
  id: string,
  key: string,
  replaceNames: { name: string; role: string }[] = [],
  keep: { id: string; reason: string }[] = [],
): Promise<PublishResponse> {
  return request(`/api/postmortems/${encodeURIComponent(id)}/publish`, {
    method: 'POST',
    headers: { ...auth(key), ...json },
    body: JSON.stringify({ replaceNames, keep }),
  });
}

/**
 * `GET /api/postmortems/:id/report`: a published version (the latest without `version`). With the facilitator key
 * it carries the facilitator's metadata too (kept statements, the names replaced).
 */
export function fetchReport(id: string, version?: number, key?: string): Promise<Report> {
  return request(`/api/postmortems/${encodeURIComponent(id)}/report${version ? `?version=${version}` : ''}`, key ? { headers: auth(key) } : {});
}

/** `DELETE /api/postmortems/:id` (facilitator only): removes every trace of the post-mortem. */
export function deletePostmortem(id: string, key: string): Promise<void> {
  return request(`/api/postmortems/${encodeURIComponent(id)}`, { method: 'DELETE', headers: auth(key) });
}

/** `GET /api/reports`: a page of the library of published post-mortems; pass the answer's `next` for the page after. */
export function searchLibrary(query: LibraryQuery, cursor?: string | null): Promise<LibraryPage> {
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v) as [string, string][]);
  return request(`/api/reports?${params}${pageAfter(cursor, '&')}`);
}

/** `GET /api/learning`: patterns across published post-mortems, with a page of the overdue actions. */
export function fetchLearning(cursor?: string | null): Promise<LearningSummary> {
  return request(`/api/learning${pageAfter(cursor)}`);
}

/** `POST /api/postmortems/:id/keys` (facilitator): new links for both roles; the old ones stop working. */
export function rotateKeys(id: string, key: string): Promise<CreatePostmortemResponse> {
  return request(`/api/postmortems/${encodeURIComponent(id)}/keys`, { method: 'POST', headers: { authorization: `Bearer ${key}` } });
}
