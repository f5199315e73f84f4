import { TextField, type TextFieldProps } from "./TextField.tsx";

/** The email of a sign-in form (the password manager's username). */
export function EmailField(props: Pick<TextFieldProps, "value" | "onText">) {
  return (
    <TextField label="Email" type="email" autoComplete="username" testId="auth.email" {...props} />
  );
}
