/**
 * The typed API client: paths and shapes come from web/src/api/schema.ts, generated from the
 * server's OpenAPI document (`npm run openapi`). Adds the language and, for unsafe methods of a
 * signed-in session, the CSRF token; turns error answers into ApiError.
 */
import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "../api/schema.ts";

export interface ApiIssue {
  field?: string;
  row?: number;
  column?: string;
  code: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiIssue[];
  constructor(
    status: number,
    body: { error?: { code?: string; message?: string; details?: ApiIssue[] } } | undefined,
  ) {
    super(body?.error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.error?.code ?? "common.http_error";
    this.details = body?.error?.details ?? [];
  }

  /** The message for one form field, if the API named it. */
  fieldMessage(field: string): string | undefined {
    return this.details.find((d) => d.field === field || d.field?.startsWith(`${field}.`))?.message;
  }

  /** How many fields the API named: announced once, at the form, rather than once per field. */
  get fieldCount(): number {
    return this.details.filter((d) => d.field).length;
  }
}

const state = { lang: "vi", csrf: null as string | null };
export function setApiLanguage(lang: string): void {
  state.lang = lang;
}
export function setCsrfToken(token: string | null): void {
  state.csrf = token;
}

const headers: Middleware = {
  onRequest({ request }) {
    request.headers.set("accept-language", state.lang);
    if (state.csrf && !["GET", "HEAD"].includes(request.method))
      request.headers.set("x-csrf-token", state.csrf);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: "" });
api.use(headers);

/** The data of an answer, or an ApiError carrying the API's code, message and field details. */
export async function unwrap<T>(
  promise: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await promise;
  if (!response.ok) throw new ApiError(response.status, error as ConstructorParameters<typeof ApiError>[1]);
  return data as T;
}

/** Fetches a path outside the typed client (GeoJSON answers, multipart uploads). */
export async function fetchJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const h = new Headers(init.headers);
  h.set("accept-language", state.lang);
  if (state.csrf && init.method && init.method !== "GET") h.set("x-csrf-token", state.csrf);
  const response = await fetch(path, { ...init, headers: h });
  const body = await response.json().catch(() => undefined);
  if (!response.ok) {
    // Import reports answer 422 with the report itself, not an error body.
    if (body && typeof body === "object" && "issues" in body)
      throw Object.assign(new ApiError(response.status, undefined), { report: body });
    throw new ApiError(response.status, body);
  }
  return body as T;
}
