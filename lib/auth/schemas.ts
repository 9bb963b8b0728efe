import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "./password";

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address" }).max(254));
const password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, "Use at most 200 characters");
const personName = z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters");
export const organizationName = z
  .string()
  .trim()
  .min(2, "Enter the business name")
  .max(100, "Use at most 100 characters");

export const signUpSchema = z.object({ name: personName, email, password, organizationName });
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({ email, password: z.string().min(1, "Enter your password").max(200) });

export const addMemberSchema = z.object({
  name: personName,
  email,
  /** Only used when the person has no Ledgerbridge account yet. */
  password: z.union([z.literal(""), password]).optional(),
  role: z.enum(["admin", "member"], { message: "Choose a role" }),
});
export type AddMemberInput = z.infer<typeof addMemberSchema>;

export const createOrganizationSchema = z.object({ organizationName });
