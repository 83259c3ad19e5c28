// The logged-in user, loaded once from GET /api/v1/session at start. `login` and `logout` change
// it; the CSRF token goes to the API client so every change carries it.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { ApiError, getJson, sendJson, setCsrfToken } from "./api/client";
import type { Role, Session, SessionUser } from "./api/types";

type SessionState = {
  /** false until GET /session has answered (either way). */
  loaded: boolean;
  user: SessionUser | null;
  role: Role | null;
  csrf: string | null;
  /** Resolves when logged in; rejects with the ApiError (401 login_failed, 429 too_many_attempts, …). */
  login: (username: string, password: string) => Promise<SessionUser>;
  logout: () => Promise<void>;
};

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [loaded, setLoaded] = useState(false);
  const [session, setSession] = useState<Session | null>(null);

  const apply = useCallback((next: Session | null) => {
    setCsrfToken(next?.csrf_token ?? null);
    setSession(next);
  }, []);

  useEffect(() => {
    let cancelled = false;
    getJson<Session>("/session", undefined, { redirectOn401: false })
      .then((body) => !cancelled && apply(body))
      .catch(() => !cancelled && apply(null))
      .finally(() => !cancelled && setLoaded(true));
    return () => {
      cancelled = true;
    };
  }, [apply]);

  const login = useCallback(async (username: string, password: string) => {
    const body = await sendJson<Session>("POST", "/session", { username, password }, { redirectOn401: false });
    apply(body);
    return body.user;
  }, [apply]);

  const logout = useCallback(async () => {
    try {
      await sendJson<void>("DELETE", "/session", undefined, { redirectOn401: false });
    } catch (error) {
      // An expired session is logged out already; anything else is still a logout on this side.
      if (!(error instanceof ApiError)) throw error;
    } finally {
      apply(null);
    }
  }, [apply]);

  const value = useMemo<SessionState>(() => ({
    loaded,
    user: session?.user ?? null,
    role: session?.user.role ?? null,
    csrf: session?.csrf_token ?? null,
    login,
    logout,
  }), [loaded, session, login, logout]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const context = useContext(SessionContext);
  if (!context) throw new Error("useSession outside <SessionProvider>");
  return context;
}

// ---- what each role may open (CONTRACT.md "Routes") ---------------------------------------------

export type PageName = "overview" | "compare" | "import" | "region" | "forecast" | "me";

const pagesByRole: Record<Role, readonly PageName[]> = {
  administrator: ["overview", "compare", "region", "forecast"],
  coordinator: ["region", "overview", "compare", "forecast"],
  hr: ["overview", "compare", "import", "region", "forecast"],
  unit_leader: ["overview", "compare"],
  employee: ["me"],
};

export function mayOpen(role: Role | null, page: PageName): boolean {
  return role !== null && pagesByRole[role].includes(page);
}

/** The pages in the menu, in menu order. */
export function menuPages(role: Role | null): PageName[] {
  if (role === null) return [];
  const order: PageName[] = ["overview", "compare", "region", "forecast", "import", "me"];
  return order.filter((page) => pagesByRole[role].includes(page));
}

export const pagePaths: Record<PageName, string> = {
  overview: "/oversikt",
  compare: "/sammenligning",
  import: "/import",
  region: "/region",
  forecast: "/fremskrivning",
  me: "/meg",
};

/** Where a user lands after login or on "/": an employee on /meg, a coordinator on /region. */
export function homePath(role: Role | null): string {
  if (role === "employee") return pagePaths.me;
  if (role === "coordinator") return pagePaths.region;
  return pagePaths.overview;
}
