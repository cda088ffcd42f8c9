import { createHmac } from "node:crypto";
import { base64url, exportJWK, exportSPKI, generateKeyPair, type JSONWebKeySet, type JWTPayload, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { createTokenVerifier, InvalidTokenError } from "./token-verifier";

const ISSUER = "http://localhost:3000";
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const nowSeconds = NOW / 1000;

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;
let signing: KeyPair;
let rotated: KeyPair;
let jwks: JSONWebKeySet;

beforeAll(async () => {
  signing = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  rotated = await generateKeyPair("EdDSA", { crv: "Ed25519", extractable: true });
  jwks = { keys: [{ ...(await exportJWK(signing.publicKey)), kid: "key-1", alg: "EdDSA" }] };
});

function sign(claims: JWTPayload, options: { kid?: string; key?: KeyPair } = {}) {
  return new SignJWT({ sub: "user-1", iss: ISSUER, aud: ISSUER, iat: nowSeconds, exp: nowSeconds + 900, ...claims })
    .setProtectedHeader({ alg: "EdDSA", kid: options.kid ?? "key-1" })
    .sign((options.key ?? signing).privateKey);
}

function verifier(loadKeys = async () => jwks, now = () => NOW) {
  return createTokenVerifier({ loadKeys, algorithm: "EdDSA", issuer: ISSUER, audience: ISSUER, now });
}

const encode = (value: object) => base64url.encode(JSON.stringify(value));

describe("createTokenVerifier", () => {
  it("accepts a valid token and returns its subject", async () => {
    await expect(verifier()(await sign({}))).resolves.toBe("user-1");
  });

  it("accepts a token that expired within the clock tolerance", async () => {
    await expect(verifier()(await sign({ exp: nowSeconds - 3 }))).resolves.toBe("user-1");
  });

  const rejected: Array<[string, () => Promise<string>]> = [
    ["expired", () => sign({ exp: nowSeconds - 60 })],
    ["not yet valid (nbf)", () => sign({ nbf: nowSeconds + 60 })],
    ["wrong issuer", () => sign({ iss: "https://evil.example" })],
    ["wrong audience", () => sign({ aud: "https://other.example" })],
    ["no exp", () => sign({ exp: undefined })],
    ["no iat", () => sign({ iat: undefined })],
    ["issued over 15 minutes ago, whatever its exp", () => sign({ iat: nowSeconds - 16 * 60, exp: nowSeconds + 3600 })],
    ["no sub", () => sign({ sub: undefined })],
    ["empty sub", () => sign({ sub: "" })],
    ["unknown kid", () => sign({}, { kid: "key-404" })],
    ["signed by another key under a known kid", () => sign({}, { key: rotated })],
    ["malformed", async () => "not.a.jwt"],
    ["empty", async () => ""],
    [
      "tampered payload",
      async () => {
        const [header, , signature] = (await sign({})).split(".");
        return `${header}.${encode({ sub: "admin", iss: ISSUER, aud: ISSUER, exp: nowSeconds + 900 })}.${signature}`;
      },
    ],
    [
      "alg none",
      async () =>
        `${encode({ alg: "none", typ: "JWT" })}.${encode({ sub: "user-1", iss: ISSUER, aud: ISSUER, exp: nowSeconds + 900 })}.`,
    ],
    [
      "HS256 signed with the public key as the secret",
      async () => {
        const header = encode({ alg: "HS256", kid: "key-1" });
        const payload = encode({ sub: "user-1", iss: ISSUER, aud: ISSUER, exp: nowSeconds + 900 });
        const secret = await exportSPKI(signing.publicKey);
        const mac = createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url");
        return `${header}.${payload}.${mac}`;
      },
    ],
  ];

  it.each(rejected)("rejects a token that is %s", async (_name, makeToken) => {
    await expect(verifier()(await makeToken())).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it("loads the keys once for many tokens", async () => {
    let loads = 0;
    const verify = verifier(async () => {
      loads += 1;
      return jwks;
    });
    const token = await sign({});
    await Promise.all([verify(token), verify(token), verify(token)]);
    await verify(token);
    expect(loads).toBe(1);
  });

  it("reloads the keys for an unknown kid at most once per 30 seconds", async () => {
    let clock = NOW;
    let loads = 0;
    let served = jwks;
    const verify = verifier(
      async () => {
        loads += 1;
        return served;
      },
      () => clock,
    );
    await verify(await sign({}));
    expect(loads).toBe(1);

    // A key rotation: the new kid is unknown until the keys are read again.
    served = { keys: [...jwks.keys, { ...(await exportJWK(rotated.publicKey)), kid: "key-2", alg: "EdDSA" }] };
    const rotatedToken = await sign({}, { kid: "key-2", key: rotated });
    await expect(verify(rotatedToken)).rejects.toBeInstanceOf(InvalidTokenError);
    expect(loads).toBe(1);

    clock += 30_000;
    await expect(verify(await sign({}, { kid: "key-404" }))).rejects.toBeInstanceOf(InvalidTokenError);
    expect(loads).toBe(2);
    await expect(verify(rotatedToken)).resolves.toBe("user-1");
    await expect(verify(await sign({}, { kid: "key-405" }))).rejects.toBeInstanceOf(InvalidTokenError);
    expect(loads).toBe(2);
  });

  it("remembers a verified token, but never past its expiry", async () => {
    let clock = NOW;
    const verify = verifier(
      async () => jwks,
      () => clock,
    );
    const token = await sign({ exp: nowSeconds + 60 });
    await expect(verify(token)).resolves.toBe("user-1");
    clock += 30_000;
    await expect(verify(token)).resolves.toBe("user-1");
    clock += 40_000; // 70 s after issue: past exp plus the 5 s tolerance
    await expect(verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it("forgets a remembered token 15 minutes after its iat, even when its exp is later", async () => {
    let clock = NOW;
    const verify = verifier(
      async () => jwks,
      () => clock,
    );
    const token = await sign({ exp: nowSeconds + 3600 });
    await expect(verify(token)).resolves.toBe("user-1");
    clock += 15 * 60_000 + 6_000;
    await expect(verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it("reloads the keys every 5 minutes and forgets remembered tokens whose key has left the set", async () => {
    let clock = NOW;
    let loads = 0;
    let served = jwks;
    const verify = verifier(
      async () => {
        loads += 1;
        return served;
      },
      () => clock,
    );
    const token = await sign({});
    await expect(verify(token)).resolves.toBe("user-1");
    served = { keys: [{ ...(await exportJWK(rotated.publicKey)), kid: "key-2", alg: "EdDSA" }] };
    clock += 4 * 60_000;
    await expect(verify(token)).resolves.toBe("user-1");
    expect(loads).toBe(1);
    clock += 60_000;
    await expect(verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
    expect(loads).toBe(2);
  });

  it("remembers a token only once it is valid: nbf still applies", async () => {
    let clock = NOW;
    const verify = verifier(
      async () => jwks,
      () => clock,
    );
    const token = await sign({ nbf: nowSeconds + 60 });
    await expect(verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
    clock += 60_000;
    await expect(verify(token)).resolves.toBe("user-1");
  });

  it("keeps at most cacheSize tokens and still verifies the others", async () => {
    const verify = createTokenVerifier({
      loadKeys: async () => jwks,
      algorithm: "EdDSA",
      issuer: ISSUER,
      audience: ISSUER,
      now: () => NOW,
      cacheSize: 2,
    });
    const tokens = await Promise.all(["a", "b", "c"].map((sub) => sign({ sub })));
    for (const token of [...tokens, ...tokens]) await expect(verify(token)).resolves.toMatch(/^[abc]$/);
  });

  it("tries again after a failed key load instead of caching the failure", async () => {
    let fail = true;
    const verify = verifier(async () => {
      if (fail) throw new Error("database down");
      return jwks;
    });
    const token = await sign({});
    await expect(verify(token)).rejects.toThrow("database down");
    fail = false;
    await expect(verify(token)).resolves.toBe("user-1");
  });
});
