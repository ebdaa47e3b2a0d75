// Form controls with one look: Label, Input, Textarea, Select, and Field, which
// ties a control to its label, hint and error for assistive technology.
import type { InputHTMLAttributes, LabelHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

const controlClass = "mt-1 block w-full rounded-md border border-field bg-white px-3 py-2 text-sm dark:bg-slate-950";
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

/** One choice of a select: what is sent, and what the person reads. Vocabularies' `options` have this shape. */
export interface Option {
  value: string;
  label: string;
}

/**
 * A select of the given options. `placeholder` heads the list and cannot be chosen
 * (nothing is chosen until the person chooses); `all` heads it as the "" choice of a filter.
 */
export function Select({
  className,
  options,
  placeholder,
  all,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { options: readonly Option[]; placeholder?: string; all?: string }) {
  return (
    <select className={join(controlClass, className)} {...props}>
      {placeholder ? (
        <option value="" disabled>
          {placeholder}
        </option>
      ) : null}
      {all ? <option value="">{all}</option> : null}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
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

/** A labelled select; in a filter, `all` names the "" choice. */
export function SelectField({
  id,
  label,
  value,
  hint,
  ...select
}: { id: string; name: string; label: string; value?: string; hint?: string } & Pick<
  Parameters<typeof Select>[0],
  "options" | "placeholder" | "all" | "required"
>) {
  return (
    <Field id={id} label={label} hint={hint}>
      {(control) => <Select {...control} {...select} defaultValue={value ?? ""} />}
    </Field>
  );
}

/** A labelled text input (any input type); its other props go to the input. */
export function TextField({
  id,
  label,
  hint,
  errors,
  className,
  ...input
}: { id: string; label: ReactNode; hint?: ReactNode; errors?: string[]; className?: string } & Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "id" | "className"
>) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors} className={className}>
      {(control) => <Input {...input} {...control} aria-invalid={errors ? true : undefined} />}
    </Field>
  );
}
