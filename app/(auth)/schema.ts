import { z } from "zod";

export const emailField = z
  .string()
  .trim()
  .min(1, "Enter an email address.")
  .max(320, "Email addresses are at most 320 characters.")
  .pipe(z.email("Enter a valid email address, like name@example.com."))
  .transform((email) => email.toLowerCase());

export const passwordField = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.");

export const nameField = z.string().trim().min(1, "Enter your name.").max(120, "Use at most 120 characters.");

export const signUpSchema = z.object({
  name: nameField,
  organizationName: z.string().trim().min(1, "Enter your company's name.").max(120, "Use at most 120 characters."),
  email: emailField,
  password: passwordField,
});

export const acceptInviteSchema = z.object({
  token: z.string().max(100),
  name: nameField,
  password: passwordField,
});
