"use client";

import { type FormEvent, useState } from "react";
import { authClient } from "@/lib/auth-client";
import { authFailure, NETWORK_FAILURE } from "@/lib/auth-errors";
import { Dialog } from "../ui/dialog";
import styles from "../ui/dialog.module.css";
import { FormField } from "../ui/form-field";
import { SubmitButton } from "../ui/submit-button";

/** Deletes the account and, with it, every task; the password confirms it is really them. */
export function DeleteAccountButton() {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  function close() {
    setOpen(false);
    setError(undefined);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const password = new FormData(event.currentTarget).get("password");
    if (typeof password !== "string" || password === "") {
      setError("Enter your password to confirm.");
      return;
    }
    setBusy(true);
    const result = await authClient.deleteUser({ password }).catch(() => null);
    if (!result || result.error) {
      setBusy(false);
      setError(result ? authFailure(result.error).message : NETWORK_FAILURE.message);
      return;
    }
    window.location.assign("/?account=deleted");
  }

  return (
    <>
      <button type="button" className="button button-quiet-danger button-small" onClick={() => setOpen(true)}>
        Delete account
      </button>
      <Dialog open={open} onClose={close} titleId="delete-account-title" descriptionId="delete-account-text">
        <form className={styles.body} noValidate onSubmit={handleSubmit}>
          <div>
            <h2 id="delete-account-title">Delete your account?</h2>
            <p id="delete-account-text">
              Your account and all of your tasks will be deleted for good. Enter your password to confirm.
            </p>
          </div>
          <FormField label="Password" error={error}>
            {(control) => (
              <input
                {...control}
                className="input"
                name="password"
                type="password"
                autoComplete="current-password"
                required
              />
            )}
          </FormField>
          <div className={styles.actions}>
            <button type="button" className="button button-secondary" onClick={close}>
              Cancel
            </button>
            <SubmitButton busy={busy} className="button button-danger">
              Delete account
            </SubmitButton>
          </div>
        </form>
      </Dialog>
    </>
  );
}
