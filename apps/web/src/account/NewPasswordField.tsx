import { MIN_PASSWORD } from "../api/authClient.ts";
import { TextField, type TextFieldProps } from "./TextField.tsx";

/** A password being chosen, at least MIN_PASSWORD characters. */
export function NewPasswordField({
  label,
  ...props
}: Pick<TextFieldProps, "value" | "onText"> & { label: string }) {
  return (
    <TextField
      label={`${label} (at least ${MIN_PASSWORD} characters)`}
      type="password"
      autoComplete="new-password"
      minLength={MIN_PASSWORD}
      testId="auth.password"
      {...props}
    />
  );
}
