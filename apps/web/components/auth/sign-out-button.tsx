"use client";

import { useState } from "react";
import { authClient } from "@/lib/auth-client";

export function SignOutButton() {
  const [busy, setBusy] = useState(false);

  async function signOut() {
    setBusy(true);
    await authClient.signOut().catch(() => null);
    // A full page load also drops the API token held in memory.
    window.location.assign("/");
  }

  return (
    <button
      type="button"
      className="button button-secondary button-small"
      aria-disabled={busy || undefined}
      onClick={() => {
        if (!busy) void signOut();
      }}
    >
      Sign out
    </button>
  );
}
