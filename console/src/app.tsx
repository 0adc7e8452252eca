import { useEffect, useRef, useState } from "react";
import {
  ConsoleOrganizationDocument,
  ConsoleOrganizationsDocument,
  ConsoleViewerDocument,
  type ConsoleViewerQuery,
} from "./__generated__/operations.js";
import { onSessionEnded, session } from "./api.js";
import { RangeBar } from "./components/range-bar.js";
import { Loaded } from "./components/state.js";
import { useHashRoute, useQuery } from "./hooks.js";
import { defaultChoice, resolveRange, type Range, type RangeChoice } from "./range.js";
import { Overview } from "./views/overview.js";
import { PersonView } from "./views/person.js";
import { SignIn } from "./views/sign-in.js";
import { TeamView } from "./views/team.js";
import { Teams } from "./views/teams.js";
import { Users } from "./views/users.js";

const ORGANIZATION_KEY = "usage-console:organization";

/** Signed out: the sign-in form (with why, after an expired token); signed in: the console. */
export function App() {
  const [token, setToken] = useState(session.token);
  const [notice, setNotice] = useState<string>();
  useEffect(
    () =>
      onSessionEnded(() => {
        session.end();
        setToken(null);
        setNotice("Your session has ended (the token expired or was revoked). Sign in again.");
      }),
    [],
  );
  if (!token) {
    return (
      <SignIn
        notice={notice}
        onSignedIn={(next) => {
          session.start(next);
          setNotice(undefined);
          setToken(next);
        }}
      />
    );
  }
  return (
    <Console
      key={token}
      onSignOut={() => {
        session.end();
        sessionStorage.removeItem(ORGANIZATION_KEY);
        setNotice("You are signed out.");
        setToken(null);
      }}
    />
  );
}

type Viewer = ConsoleViewerQuery["viewer"];

function Console({ onSignOut }: { onSignOut: () => void }) {
  const viewer = useQuery(ConsoleViewerDocument, {});
  return (
    <Loaded value={viewer} what="your account">
      {(data) => <Shell viewer={data.viewer} onSignOut={onSignOut} />}
    </Loaded>
  );
}

function OrganizationPicker({ current, onPick }: { current: string; onPick: (id: string) => void }) {
  const organizations = useQuery(ConsoleOrganizationsDocument, {});
  if (organizations.state !== "done")
    return <span className="hint">{organizations.state === "loading" ? "Loading organizations…" : organizations.error.message}</span>;
  return (
    <>
      <label htmlFor="organization-picker">Organization</label>{" "}
      <select id="organization-picker" value={current} onChange={(event) => onPick(event.target.value)}>
        {organizations.data.organizations.nodes.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </>
  );
}

const NAV = [
  { route: "overview", label: "Overview" },
  { route: "teams", label: "Teams" },
  { route: "users", label: "Users" },
] as const;

function Shell({ viewer, onSignOut }: { viewer: Viewer; onSignOut: () => void }) {
  const route = useHashRoute();
  const [organizationId, setOrganizationId] = useState(
    () => (viewer.role === "SUPERADMIN" && sessionStorage.getItem(ORGANIZATION_KEY)) || viewer.organization.id,
  );
  const [choice, setChoice] = useState<RangeChoice>(() => defaultChoice(new Date()));
  // The views keep showing the last valid range while a custom one is being typed.
  const [range, setRange] = useState<Range>(() => resolveRange(choice) as Range);
  const [rangeError, setRangeError] = useState<string>();
  const choose = (next: RangeChoice) => {
    setChoice(next);
    const resolved = resolveRange(next);
    setRangeError("error" in resolved ? resolved.error : undefined);
    if (!("error" in resolved)) setRange(resolved);
  };
  const [section = "overview", id] = route;
  // The organization's vendors decide which columns the tables show.
  const organization = useQuery(ConsoleOrganizationDocument, { organizationId });
  const vendors = organization.state === "done" ? (organization.data.organization?.sources.map((s) => s.vendor) ?? []) : [];

  const main = useRef<HTMLElement>(null);
  const routeKey = route.join("/");
  const firstRoute = useRef(true);
  useEffect(() => {
    if (firstRoute.current) firstRoute.current = false;
    else main.current?.querySelector<HTMLElement>("h2")?.focus();
  }, [routeKey]);

  const pick = (id: string) => {
    sessionStorage.setItem(ORGANIZATION_KEY, id);
    setOrganizationId(id);
    location.hash = "#/overview";
  };

  let view;
  if (section === "teams" && id) view = <TeamView teamId={id} range={range} />;
  else if (section === "teams") view = <Teams organizationId={organizationId} range={range} />;
  else if (section === "users" && id) view = <PersonView userId={id} range={range} />;
  else if (section === "users") view = <Users organizationId={organizationId} range={range} vendors={vendors} />;
  else view = <Overview organizationId={organizationId} range={range} vendors={vendors} />;

  return (
    <>
      <a className="skip" href="#content" onClick={(event) => (event.preventDefault(), main.current?.focus())}>
        Skip to content
      </a>
      <header className="top">
        <h1>
          <a href="/">Usage Gateway</a> <span>console</span>
        </h1>
        <div className="organization">
          {viewer.role === "SUPERADMIN" ? (
            <OrganizationPicker current={organizationId} onPick={pick} />
          ) : (
            <span>{viewer.organization.name}</span>
          )}
        </div>
        <div className="viewer">
          <span data-viewer>
            {viewer.name} · <span className="role">{viewer.role}</span>
          </span>
          <button type="button" onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <nav className="tabs" aria-label="Console">
        {NAV.map((item) => (
          <a key={item.route} href={`#/${item.route}`} aria-current={section === item.route ? "page" : undefined}>
            {item.label}
          </a>
        ))}
      </nav>
      <RangeBar choice={choice} range={range} error={rangeError} onChange={choose} />
      <main id="content" ref={main} tabIndex={-1} key={organizationId}>
        {view}
      </main>
    </>
  );
}
