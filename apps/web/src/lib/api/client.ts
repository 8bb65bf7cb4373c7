import type {
  CreatePostmortemRequest,
  CreatePostmortemResponse,
  ErrorBody,
  PostmortemSummary,
} from '@debrief/protocol';

/** An API answer other than success, with the server's code and message (or a network description). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
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
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as ErrorBody | null)?.error;
    throw new ApiRequestError(response.status, error?.code ?? 'unknown', error?.message ?? `The server answered ${response.status}.`);
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
