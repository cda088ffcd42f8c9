"use client";

import { useState } from "react";
import { Dialog } from "../ui/dialog";
import { useHydrated } from "../ui/use-hydrated";
import { DeleteAccountForm } from "./delete-account-form";

// The same form on a page of its own (app/(auth)/account/delete/page.tsx).
const DELETE_ACCOUNT_PATH = "/account/delete";

const TRIGGER_CLASS = "button button-quiet-danger button-small";

/**
 * Opens the delete-account form in a dialog. Until the page has hydrated (or
 * without JavaScript) it is a link to the same form on a page of its own.
 */
export function DeleteAccountButton() {
  const hydrated = useHydrated();
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);

  if (!hydrated) {
    return (
      <a href={DELETE_ACCOUNT_PATH} className={TRIGGER_CLASS}>
        Delete account
      </a>
    );
  }
  return (
    <>
      <button type="button" className={TRIGGER_CLASS} onClick={() => setOpen(true)}>
        Delete account
      </button>
      <Dialog open={open} onClose={close} titleId="delete-account-title" descriptionId="delete-account-text">
        <DeleteAccountForm
          titleId="delete-account-title"
          descriptionId="delete-account-text"
          cancel={
            <button type="button" className="button button-secondary" onClick={close}>
              Cancel
            </button>
          }
        >
          <div>
            <h2 id="delete-account-title">Delete your account?</h2>
            <p id="delete-account-text">
              Your account and all of your tasks will be deleted for good. Enter your password to confirm.
            </p>
          </div>
        </DeleteAccountForm>
      </Dialog>
    </>
  );
}
