import { z } from "zod";
import { emailField, nameField, passwordField } from "@/lib/fields";

export const signUpSchema = z.object({
  name: nameField("Enter your name."),
  organizationName: nameField("Enter your company's name."),
  email: emailField,
  password: passwordField,
});

export const acceptInviteSchema = z.object({
  token: z.string().max(100),
  name: nameField("Enter your name."),
  password: passwordField,
});
