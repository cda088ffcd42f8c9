import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DeleteAccountForm } from "@/components/settings/delete-account-form";
import { withNextPath } from "@/lib/safe-next-path";
import { getAuth } from "@/server/auth/auth";
import styles from "../../auth.module.css";

export const metadata: Metadata = { title: "Delete account" };

// Where the delete-account button leads before hydration or without
// JavaScript; once hydrated, the same form opens in a dialog on /settings.
export default async function DeleteAccountPage() {
  const session = await getAuth().api.getSession({ headers: await headers() });
  if (!session) redirect(withNextPath("/sign-in", "/account/delete"));
  return (
    <>
      <div className={styles.heading}>
        <h1 id="delete-account-title">Delete your account?</h1>
        <p id="delete-account-text">
          Your account and all of your tasks will be deleted for good. Enter your password to confirm.
        </p>
      </div>
      <DeleteAccountForm
        titleId="delete-account-title"
        descriptionId="delete-account-text"
        cancel={
          <Link href="/settings" className="button button-secondary">
            Cancel
          </Link>
        }
      />
    </>
  );
}
