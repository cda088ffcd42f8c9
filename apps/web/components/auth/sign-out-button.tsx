"use client";

import { useFormStatus } from "react-dom";
import { signOut } from "@/app/(auth)/actions";
import { sendPendingNow } from "@/components/tasks/use-undoable";
import { endApiSession } from "@/lib/api-token";

/** A form, not a script: signing out works before hydration and without JavaScript. */
export function SignOutButton() {
  return (
    // A deletion waiting for its Undo goes first, with the token it already has;
    // then the token in memory goes with the session it came from.
    <form
      action={signOut}
      onSubmit={() => {
        sendPendingNow();
        endApiSession();
      }}
    >
      <SignOutSubmit />
    </form>
  );
}

function SignOutSubmit() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className="button button-secondary button-small" aria-disabled={pending || undefined}>
      Sign out
    </button>
  );
}
