import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/config";

// Greenhouse authenticates our PATCH callback with the same API key it calls us with (as the Basic
// user name), but Kairos keeps only a key's SHA-256. So the key Greenhouse presents on send_test is
// kept for its callbacks sealed with AES-256-GCM under a key derived from AUTH_SECRET: a database
// dump alone does not reveal it. Rotating AUTH_SECRET makes sealed keys unreadable; their callbacks
// then fail (logged) and Greenhouse still reads test_status when its users look.

const VERSION = "v1";

function sealingKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), "kairos", "greenhouse callback credential", 32));
}

/** The presented API key, sealed for storage. */
export function sealCredential(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(), iv);
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), sealed.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

/** The key back, or null when it cannot be opened (another AUTH_SECRET, a damaged value). */
export function openCredential(stored: string): string | null {
  const [version, iv, sealed, tag] = stored.split(".");
  if (version !== VERSION || !iv || !sealed || !tag) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", sealingKey(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(sealed, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** The Authorization header Greenhouse's spec uses both ways: the key, a colon, an empty password. */
export function basicAuthorization(apiKey: string): string {
  return `Basic ${Buffer.from(`${apiKey}:`, "utf8").toString("base64")}`;
}
