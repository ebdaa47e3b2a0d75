// Form controls with one look: Label, Input, Textarea, Select, and Field, which
// ties a control to its label, hint and error for assistive technology.
import type { InputHTMLAttributes, LabelHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/** For a control that spreads its props from a helper (components/services/service-form.tsx). */
export const controlClass = "mt-1 block w-full rounded-md border border-field bg-white px-3 py-2 text-sm dark:bg-slate-950";
const join = (...classes: (string | undefined)[]) => classes.filter(Boolean).join(" ");

export function Label({ className, ...props }: LabelHTMLAttributes<HTMLLabelElement>) {
  return <label className={join("block text-sm font-medium", className)} {...props} />;
}

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={join(controlClass, className)} {...props} />;
}

export function Textarea({ className, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <textarea className={join(controlClass, className)} {...props} />;
}

export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={join(controlClass, className)} {...props} />;
}

/** A field's own error, tied to its control through aria-describedby. */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  return (
    <p id={id} className="mt-1 text-xs text-danger">
      {messages?.[0]}
    </p>
  );
}

/**
 * A labelled control with its hint and error: the control is given as a render
 * function that receives the id and the aria-describedby it must carry.
 */
export function Field({
  id,
  label,
  hint,
  errors,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  className?: string;
  children: (control: { id: string; "aria-describedby"?: string }) => ReactNode;
}) {
  const described = [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <Label htmlFor={id}>{label}</Label>
      {children({ id, "aria-describedby": described })}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {errors ? <FieldError id={`${id}-error`} messages={errors} /> : null}
    </div>
  );
}

/**
 * A labelled select: options as [value, text]. With a placeholder, nothing is
 * chosen until the person chooses; in a filter, "" stands for "all".
 */
export function SelectField({
  id,
  name,
  label,
  value,
  options,
  hint,
  placeholder,
  required,
}: {
  id: string;
  name: string;
  label: string;
  value?: string;
  options: readonly (readonly [string, string])[];
  hint?: string;
  placeholder?: string;
  required?: boolean;
}) {
  return (
    <Field id={id} label={label} hint={hint}>
      {(control) => (
        <Select {...control} name={name} required={required} defaultValue={value ?? ""}>
          {placeholder ? (
            <option value="" disabled>
              {placeholder}
            </option>
          ) : null}
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </Select>
      )}
    </Field>
  );
}
