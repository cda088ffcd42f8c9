import { describe, expect, it } from "vitest";
import { type AccountMailKind, accountMail } from "./account-mail";

const LINK = "https://todo.example.com/api/auth/reset-password/abc?callbackURL=%2Freset-password&x=1";

describe("accountMail", () => {
  it.each<[AccountMailKind, RegExp]>([
    ["reset-password", /asked to reset the password/],
    ["verify-email", /account was created with this e-mail address/],
    ["change-email", /use this address for their account/],
  ])("%s: the app's name, the link and why, in text and in HTML", (kind, why) => {
    const mail = accountMail(kind, "Todo", LINK);
    expect(mail.subject).toMatch(/– Todo$/);
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain("Todo");
      expect(part).toMatch(why);
      expect(part).toMatch(/1 hour/);
    }
    expect(mail.text).toContain(`\n${LINK}\n`);
    // In HTML the link's & is escaped, and it is both the button's target and readable text.
    expect(
      mail.html.match(
        /https:\/\/todo\.example\.com\/api\/auth\/reset-password\/abc\?callbackURL=%2Freset-password&amp;x=1/g,
      ),
    ).toHaveLength(2);
  });

  it("escapes what it puts into HTML", () => {
    expect(accountMail("verify-email", "<b>Todo</b>", LINK).html).toContain("&lt;b&gt;Todo&lt;/b&gt;");
  });
});
