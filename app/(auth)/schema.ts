import { z } from "zod";
import { browserTimeZoneField, emailField, nameField, passwordField } from "@/lib/fields";
import { PASSWORD_MAX } from "@/lib/limits";

export const signUpSchema = z.object({
  name: nameField("Enter your name."),
  organizationName: nameField("Enter your company's name."),
  email: emailField,
  password: passwordField,
});

/** A link's token as a form sends it back: anything else is "no longer valid", never a crash. */
const linkToken = z.string().max(100);

export const acceptInviteSchema = z.object({
  token: linkToken,
  name: nameField("Enter your name."),
  password: passwordField,
  timeZone: browserTimeZoneField,
});

export const forgotPasswordSchema = z.object({ email: emailField });

export const resetPasswordSchema = z.object({ token: linkToken, password: passwordField });

/** Finishing a sign-up from its emailed link: the password chosen at sign-up, typed again. */
export const confirmSignUpSchema = z.object({
  token: linkToken,
  password: z.string().min(1, "Enter the password you chose.").max(PASSWORD_MAX, "This is not the password you chose when you signed up."),
  timeZone: browserTimeZoneField,
});

export const verifyEmailSchema = z.object({ token: linkToken });
