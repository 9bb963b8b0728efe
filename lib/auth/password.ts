import bcrypt from "bcryptjs";

/** bcrypt cost 11: ~100 ms per check here — slow for guessing, fast enough for people. */
const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** Compared against when an email is unknown, so timing does not reveal which emails exist. */
export const DUMMY_HASH = "$2b$11$C6UzMDM.H6dfI/f/IKxGhuHtjvJDGJ6NbbYVfMKQbhvtB0LUNjRSO";
