import { z } from "zod";
import { emailField, nameField, passwordField } from "@/lib/fields";

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
});

export const forgotPasswordSchema = z.object({ email: emailField });

export const resetPasswordSchema = z.object({ token: linkToken, password: passwordField });
