import { useState, type FormEvent } from "react";
import { ConsoleSignInDocument } from "../__generated__/operations.js";
import { ApiError, graphql } from "../api.js";

/** Email and password → the `login` mutation's token, kept for the browser tab. */
export function SignIn({ notice, onSignedIn }: { notice?: string; onSignedIn: (token: string) => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value : "";
    };
    setBusy(true);
    setError(undefined);
    try {
      const { login } = await graphql(ConsoleSignInDocument, { email: field("email"), password: field("password") });
      onSignedIn(login.token);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : "Sign-in failed.");
      setBusy(false);
    }
  };
  return (
    <main className="sign-in" id="content">
      <form onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Usage Gateway console</h1>
        <p className="hint">Teamwire, Rocket.Chat and Tabnine usage of your organization. Sign in with your gateway account.</p>
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required autoFocus />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
        <p className="error" role="alert">
          {error}
        </p>
        <p className="hint">
          <a href="/">Gateway home</a> · <a href="/graphql">GraphiQL</a>
        </p>
      </form>
    </main>
  );
}
