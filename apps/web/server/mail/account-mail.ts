import "server-only";

export type AccountMailKind = "reset-password" | "verify-email" | "change-email";

export interface AccountMail {
  subject: string;
  text: string;
  html: string;
}

interface Wording {
  subject: string;
  /** Why the person gets this message. */
  reason: string;
  action: string;
  /** What happens when the person ignores it. */
  ignore: string;
}

const WORDING: Record<AccountMailKind, Wording> = {
  "reset-password": {
    subject: "Reset your password",
    reason: "Someone, hopefully you, asked to reset the password of your account.",
    action: "Choose a new password",
    ignore:
      "The link works once and for 1 hour. If you did not ask for it, ignore this e-mail: your password stays as it is.",
  },
  "verify-email": {
    subject: "Verify your e-mail address",
    reason: "An account was created with this e-mail address.",
    action: "Verify my address",
    ignore: "The link works for 1 hour. If you did not create an account, ignore this e-mail.",
  },
  "change-email": {
    subject: "Confirm your new e-mail address",
    reason: "Someone, hopefully you, asked to use this address for their account from now on.",
    action: "Use this address",
    ignore:
      "The link works for 1 hour. Until it is opened, the account keeps its old address. If this was not you, ignore this e-mail.",
  },
};

/** One account e-mail, as plain text and HTML, naming the app, the link, and why it was sent. */
export function accountMail(kind: AccountMailKind, appName: string, link: string): AccountMail {
  const { subject, reason, action, ignore } = WORDING[kind];
  const text = [`${appName}: ${subject}`, "", reason, "", `${action}:`, link, "", ignore, ""].join("\n");
  const html = `<!doctype html>
<html lang="en">
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1f2937; max-width: 32rem; margin: 0 auto; padding: 1.5rem">
<p style="font-weight: 600">${escapeHtml(appName)}</p>
<h1 style="font-size: 1.25rem">${escapeHtml(subject)}</h1>
<p>${escapeHtml(reason)}</p>
<p><a href="${escapeHtml(link)}" style="display: inline-block; padding: 0.6rem 1rem; border-radius: 0.5rem; background: #4f46e5; color: #ffffff; text-decoration: none">${escapeHtml(action)}</a></p>
<p style="font-size: 0.875rem">Or copy this link into your browser:<br><span style="word-break: break-all">${escapeHtml(link)}</span></p>
<p style="font-size: 0.875rem; color: #6b7280">${escapeHtml(ignore)}</p>
</body>
</html>
`;
  return { subject: `${subject} – ${appName}`, text, html };
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
