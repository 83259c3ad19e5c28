// A small fetch wrapper for /api/v1. Every call goes to the same origin with the session cookie;
// state-changing calls carry the session's CSRF token. Errors are `ApiError`s with the API's code
// and both language versions of its message, so a page shows them in the user's language.
// A 401 on anything but the session itself sends the user to the login page and back.

export const API_BASE = "/api/v1";

export type LocalizedText = { nb: string; en: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: LocalizedText;
  readonly args: Record<string, unknown>;

  constructor(status: number, code: string, messages: LocalizedText, args: Record<string, unknown> = {}) {
    super(messages.en);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.messages = messages;
    this.args = args;
  }

  /** The message in `lang` ("nb" or "en"). */
  text(lang: "nb" | "en"): string {
    return this.messages[lang];
  }
}

/** The message the API did not give us (the network or server down): the catalogue's key instead. */
export const NETWORK_ERROR_CODE = "network_error";

let csrfToken: string | null = null;
let language: "nb" | "en" = "nb";

/** Set by the i18n provider: the API answers labels and messages in this language (Accept-Language). */
export function setApiLanguage(lang: "nb" | "en"): void {
  language = lang;
}

/** Set by the session when it logs in or loads; sent as X-CSRF-Token on every change. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export type Query = Record<string, string | number | boolean | null | undefined | readonly string[]>;

/** `/api/v1/<path>?<query>`; empty, null and undefined values are left out, arrays joined by commas. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(name, value.join(","));
    } else {
      params.set(name, String(value));
    }
  }
  const search = params.toString();
  return `${API_BASE}${path.startsWith("/") ? path : `/${path}`}${search ? `?${search}` : ""}`;
}

function toLoginPage(): void {
  const here = window.location.pathname + window.location.search;
  if (window.location.pathname === "/logg-inn") return;
  window.location.assign(`/logg-inn?neste=${encodeURIComponent(here)}`);
}

async function errorFrom(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: LocalizedText; args?: Record<string, unknown> };
    };
    if (body.error?.code && body.error.message) {
      return new ApiError(response.status, body.error.code, body.error.message, body.error.args ?? {});
    }
  } catch {
    // not JSON: fall through to a generic error
  }
  return new ApiError(response.status, "http_" + response.status, {
    nb: `Tjeneren svarte ${response.status}.`,
    en: `The server answered ${response.status}.`,
  });
}

function networkError(): ApiError {
  return new ApiError(0, NETWORK_ERROR_CODE, {
    nb: "Får ikke kontakt med tjeneren. Sjekk nettforbindelsen og prøv igjen.",
    en: "Cannot reach the server. Check the connection and try again.",
  });
}

type Options = { signal?: AbortSignal; redirectOn401?: boolean };

async function request<T>(method: string, url: string, body: unknown, options: Options): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": language };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && method !== "HEAD" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw networkError();
  }
  if (!response.ok) {
    const error = await errorFrom(response);
    if (response.status === 401 && options.redirectOn401 !== false) toLoginPage();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** GET `/api/v1<path>` with `query`; resolves to the parsed body. */
export function getJson<T>(path: string, query?: Query, options: Options = {}): Promise<T> {
  return request<T>("GET", apiUrl(path, query), undefined, options);
}

/** POST/PUT/PATCH/DELETE with a JSON body (or none); sends the CSRF token. 204 resolves to undefined. */
export function sendJson<T>(method: "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: unknown,
                            options: Options = {}): Promise<T> {
  return request<T>(method, apiUrl(path), body, options);
}

export type UploadProgress = { loaded: number; total: number | null };

/**
 * POSTs `file` as the raw body to `/api/v1<path>?<query>` with XMLHttpRequest, so the caller sees
 * upload progress. Resolves to the parsed JSON answer; rejects with an ApiError.
 */
export function upload<T>(path: string, query: Query, file: Blob,
                          onProgress?: (progress: UploadProgress) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", apiUrl(path, query));
    xhr.withCredentials = true;
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Accept-Language", language);
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    if (csrfToken) xhr.setRequestHeader("X-CSRF-Token", csrfToken);
    if (onProgress) {
      xhr.upload.onprogress = (event) =>
        onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : null });
    }
    xhr.onerror = () => reject(networkError());
    xhr.onload = () => {
      const response = new Response(xhr.responseText, { status: xhr.status });
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(networkError());
        }
        return;
      }
      errorFrom(response).then((error) => {
        if (xhr.status === 401) toLoginPage();
        reject(error);
      }, reject);
    };
    xhr.send(file);
  });
}
