"use client";

import { useActionState } from "react";
import { resetUserPasswordAction, revokeAuditorAction, setUserDisabledAction } from "@/app/admin/users/actions";
import { OneTimePassword } from "./one-time-password";

const button =
  "rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800";

export function UserActions({
  userId,
  name,
  disabled,
  isSelf,
  isOrgAuditor,
}: {
  userId: string;
  name: string;
  disabled: boolean;
  isSelf: boolean;
  isOrgAuditor: boolean;
}) {
  const [toggle, toggleAction, toggling] = useActionState(setUserDisabledAction, { ok: false, message: null });
  const [reset, resetAction, resetting] = useActionState(resetUserPasswordAction, { ok: false, message: null });
  const [revoke, revokeAction, revoking] = useActionState(revokeAuditorAction, { ok: false, message: null });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap justify-end gap-2">
        {isOrgAuditor ? (
          <form action={revokeAction}>
            <input type="hidden" name="userId" value={userId} />
            <button type="submit" disabled={revoking} className={button} aria-label={`Revoke the auditor access of ${name}`}>
              Revoke audit access
            </button>
          </form>
        ) : null}
        {isSelf ? null : (
          <form action={toggleAction}>
            <input type="hidden" name="userId" value={userId} />
            <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
            <button type="submit" disabled={toggling} className={button} aria-label={`${disabled ? "Enable" : "Disable"} ${name}`}>
              {disabled ? "Enable" : "Disable"}
            </button>
          </form>
        )}
        <form action={resetAction}>
          <input type="hidden" name="userId" value={userId} />
          <button type="submit" disabled={resetting} className={button} aria-label={`Reset the password of ${name}`}>
            Reset password
          </button>
        </form>
      </div>
      <div aria-live="polite" className="text-left">
        {reset.ok && reset.data ? <OneTimePassword password={reset.data.temporaryPassword} label={reset.message ?? ""} /> : null}
        {!toggle.ok && toggle.message ? <p role="alert" className="text-xs text-rose-700 dark:text-rose-300">{toggle.message}</p> : null}
        {!reset.ok && reset.message ? <p role="alert" className="text-xs text-rose-700 dark:text-rose-300">{reset.message}</p> : null}
        {!revoke.ok && revoke.message ? <p role="alert" className="text-xs text-rose-700 dark:text-rose-300">{revoke.message}</p> : null}
      </div>
    </div>
  );
}
