import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { recordAudit, type AuditContext } from "@/lib/audit";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { decryptTokenValue, encryptTokenValue } from "@/lib/login-tokens/token-crypto";
import { tokenKeys } from "@/lib/login-tokens/token-keys";
import { spendRecoveryCodeSql } from "@/lib/sql/spend-recovery-code";
import { TOTP_CODE_PATTERN, type ConfirmTotpInput, type RemoveTotpInput } from "@/lib/staff/schemas";

/** How authenticator apps name the account. */
const ISSUER = "Latchkey";
/** ±1 step of 30 seconds: a code typed just before its step ended, or on a clock a little ahead, still counts. */
const TOLERANCE_SECONDS = 30;
/** Long enough to find the app and scan; the secret is in nobody's row until it is confirmed. */
const SETUP_MINUTES = 15;
const RECOVERY_CODES = 10;
const RECOVERY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

export interface TotpSetup {
  /** Base32, as an app asks for it when the QR code cannot be scanned. */
  secret: string;
  /** The otpauth:// URI as a PNG data URL. */
  qrCode: string;
  /** The secret sealed for the confirming step, bound to this staff member. */
  pending: string;
}

/**
 * A new secret to set up, not stored yet: it is sealed with the token
 * encryption key and handed back with the code that proves the app has it,
 * so an abandoned set-up leaves nothing behind and nobody can choose their own secret.
 */
export async function beginTotpSetup(staff: { id: string; email: string }): Promise<TotpSetup> {
  const secret = generateSecret();
  const sealed = encryptTokenValue(JSON.stringify({ staffId: staff.id, secret, until: Date.now() + SETUP_MINUTES * 60_000 }), tokenKeys());
  const uri = generateURI({ issuer: ISSUER, label: staff.email, secret });
  return { secret, qrCode: await QRCode.toDataURL(uri, { margin: 1, width: 192 }), pending: Buffer.from(sealed).toString("base64url") };
}

function openPending(pending: string, staffId: string): string {
  const expired = new DomainError("This set-up has expired. Start again.", "SETUP_EXPIRED");
  let opened: { staffId?: unknown; secret?: unknown; until?: unknown };
  try {
    opened = JSON.parse(decryptTokenValue(Buffer.from(pending, "base64url"), tokenKeys()));
  } catch {
    throw expired;
  }
  if (opened.staffId !== staffId || typeof opened.secret !== "string" || typeof opened.until !== "number" || opened.until < Date.now()) throw expired;
  return opened.secret;
}

/** The time step a code belongs to, when it is right for now (±1 step) and later than `after`. */
async function acceptedStep(secret: string, code: string, after: bigint | null): Promise<number | null> {
  const result = await verify({ secret, token: code, epochTolerance: TOLERANCE_SECONDS, ...(after === null ? {} : { afterTimeStep: Number(after) }) });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}

const recoveryHash = (code: string) =>
  createHash("sha256")
    .update(code.toLowerCase().replace(/[^a-z0-9]/g, ""), "utf8")
    .digest();

function newRecoveryCode(): string {
  // 32 letters: each byte modulo 32 is unbiased. 12 characters, 60 bits.
  const chars = [...randomBytes(12)].map((byte) => RECOVERY_ALPHABET[byte % 32]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** Stores the secret once a code from the app proves it was set up; returns the recovery codes, shown this once. */
export async function confirmTotpSetup(staffId: string, input: ConfirmTotpInput, by: AuditContext): Promise<string[]> {
  const secret = openPending(input.pending, staffId);
  const step = await acceptedStep(secret, input.code, null);
  if (step === null) throw new DomainError("This code is not right. Check the time on your phone and try the next code.", "WRONG_CODE", "code");
  const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  await db.$transaction(async (tx) => {
    const { count } = await tx.staffUser.updateMany({
      where: { id: staffId, totpSecretCiphertext: null },
      data: { totpSecretCiphertext: encryptTokenValue(secret, tokenKeys()), totpLastStep: BigInt(step), recoveryCodeHashes: codes.map(recoveryHash) },
    });
    if (count === 0) throw new DomainError("Two-factor authentication is already set up.", "ALREADY_SET_UP");
    await recordAudit({ action: "staff.mfa_enabled", ...by }, tx);
  });
  return codes;
}

/**
 * Whether `code` is a current authenticator code or an unused recovery code
 * of this staff member, using it up either way: the code's time step becomes
 * the last accepted one (so the same code, or an older one, fails), or the
 * recovery code's hash leaves the list. Both in one conditional UPDATE, so two
 * sign-ins racing with one code cannot both win.
 */
export async function spendSecondFactor(staffId: string, code: string): Promise<"totp" | "recovery" | null> {
  const staff = await db.staffUser.findUnique({ where: { id: staffId }, select: { totpSecretCiphertext: true, totpLastStep: true } });
  if (!staff?.totpSecretCiphertext) return null;
  const typed = code.trim();
  if (TOTP_CODE_PATTERN.test(typed)) {
    const step = await acceptedStep(decryptTokenValue(staff.totpSecretCiphertext, tokenKeys()), typed, staff.totpLastStep);
    if (step === null) return null;
    const { count } = await db.staffUser.updateMany({
      where: { id: staffId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: BigInt(step) } }] },
      data: { totpLastStep: BigInt(step) },
    });
    return count === 1 ? "totp" : null;
  }
  const hash = recoveryHash(typed);
  const used = await db.$executeRaw(spendRecoveryCodeSql(staffId, hash));
  return used === 1 ? "recovery" : null;
}

/** Removes the second factor; a current code from the app or the password shows it is still the owner at the keyboard. */
export async function removeTotp(staffId: string, { proof }: RemoveTotpInput, by: AuditContext): Promise<void> {
  const staff = await db.staffUser.findUniqueOrThrow({ where: { id: staffId }, select: { passwordHash: true, totpSecretCiphertext: true } });
  if (!staff.totpSecretCiphertext) throw new DomainError("Two-factor authentication is not set up.", "NOT_SET_UP");
  const proven = TOTP_CODE_PATTERN.test(proof.trim()) ? (await spendSecondFactor(staffId, proof)) === "totp" : await verifyPassword(staff.passwordHash, proof);
  if (!proven) throw new DomainError("This is neither a current code from your app nor your password.", "WRONG_PROOF", "proof");
  await db.$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: staffId },
      data: { totpSecretCiphertext: null, totpLastStep: null, recoveryCodeHashes: [] },
      select: { id: true },
    });
    await recordAudit({ action: "staff.mfa_removed", ...by }, tx);
  });
}

/** How many recovery codes are left, for My account. */
export async function secondFactorOf(staffId: string): Promise<{ enabled: boolean; recoveryCodesLeft: number }> {
  const staff = await db.staffUser.findUniqueOrThrow({ where: { id: staffId }, select: { totpSecretCiphertext: true, recoveryCodeHashes: true } });
  return { enabled: staff.totpSecretCiphertext !== null, recoveryCodesLeft: staff.recoveryCodeHashes.length };
}
