import bcrypt from "bcryptjs";
import { PASSWORD_MAX_BYTES, utf8Bytes } from "@/lib/auth/password-policy";

/** bcrypt cost 11: ~100 ms per check here — slow for guessing, fast enough for people. */
const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/**
 * bcrypt compares only the first 72 bytes, so a longer attempt would match a password that merely
 * starts the same. New passwords are at most 72 bytes (password-policy.ts): a longer attempt is wrong.
 */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (utf8Bytes(password) > PASSWORD_MAX_BYTES) {
    await bcrypt.compare("", hash); // same work either way, so timing tells nothing
    return false;
  }
  return bcrypt.compare(password, hash);
}

/** Compared against when an email is unknown, so timing does not reveal which emails exist. */
export const DUMMY_HASH = "$2b$11$C6UzMDM.H6dfI/f/IKxGhuHtjvJDGJ6NbbYVfMKQbhvtB0LUNjRSO";
