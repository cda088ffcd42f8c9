// A real SMTP server in the test process (the `smtp-server` package) that
// keeps what it receives, for tests that read the app's real e-mail.
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  /** The whole message as sent (headers, text and HTML parts). */
  raw: string;
  /** The first link in the message, decoded from quoted-printable. */
  link: string;
}

export interface MailSink {
  /** An SMTP_URL for the app. */
  url: string;
  received: ReceivedMail[];
  /** Resolves with the `count`-th message to `address` whose link contains `linkTo`, once it has arrived. */
  mailTo(address: string, linkTo: string, count?: number): Promise<ReceivedMail>;
  /** The messages to `address` whose link contains `linkTo`, so far. */
  mailsTo(address: string, linkTo: string): ReceivedMail[];
  /** While held, the sink does not answer, as a slow mail server would. */
  hold(): () => void;
  /** Until the returned function is called, the sink refuses every message (a permanent SMTP error). */
  refuse(): () => void;
  close(): Promise<void>;
}

export async function startMailSink(): Promise<MailSink> {
  const received: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let gate: Promise<void> = Promise.resolve();
  let refusing = false;
  const server = new SMTPServer({
    // Plain SMTP on localhost: no TLS certificate and no login to set up.
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onMailFrom(_address, _session, callback) {
      gate.then(
        () => callback(refusing ? Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }) : null),
        callback,
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const to = session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase());
        received.push({ to, raw, link: firstLink(raw) });
        for (const wake of waiters) wake();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  if (typeof address !== "object" || address === null) throw new Error("the mail sink is not listening");

  const mailsTo = (address: string, linkTo: string) =>
    received.filter((mail) => mail.to.includes(address.toLowerCase()) && mail.link.includes(linkTo));

  function mailTo(address: string, linkTo: string, count = 1): Promise<ReceivedMail> {
    const find = () => mailsTo(address, linkTo)[count - 1];
    return new Promise((resolve) => {
      const check = () => {
        const mail = find();
        if (!mail) return;
        waiters.delete(check);
        resolve(mail);
      };
      waiters.add(check);
      check();
    });
  }

  function hold(): () => void {
    let release = () => {};
    gate = new Promise((resolve) => {
      release = resolve;
    });
    return release;
  }

  function refuse(): () => void {
    refusing = true;
    return () => {
      refusing = false;
    };
  }

  return {
    url: `smtp://127.0.0.1:${address.port}`,
    received,
    mailTo,
    mailsTo,
    hold,
    refuse,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// Long lines come quoted-printable: soft line breaks and =XX escapes.
function firstLink(raw: string): string {
  const decoded = raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return /https?:\/\/[^\s"<>]+/.exec(decoded)?.[0] ?? "";
}
