import { calloutClass } from "@/components/ui/tone";

export function OneTimePassword({ password, label }: { password: string; label: string }) {
  return (
    <div role="status" className={calloutClass("warning", "px-3 py-2")}>
      <p>{label}</p>
      <p className="mt-1">One-time password, shown only now. Pass it on over a secure channel:</p>
      <code className="mt-1 block font-mono text-base select-all">{password}</code>
    </div>
  );
}
