"use client";

import { useActionState } from "react";
import { resetUserPasswordAction, revokeAuditorAction, setUserDisabledAction } from "@/app/admin/users/actions";
import { Button } from "@/components/ui/button";
import { OneTimePassword } from "./one-time-password";

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
            <Button type="submit" disabled={revoking} variant="row" size="xs" aria-label={`Revoke the auditor access of ${name}`}>
              Revoke audit access
            </Button>
          </form>
        ) : null}
        {isSelf ? null : (
          <form action={toggleAction}>
            <input type="hidden" name="userId" value={userId} />
            <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
            <Button type="submit" disabled={toggling} variant="row" size="xs" aria-label={`${disabled ? "Enable" : "Disable"} ${name}`}>
              {disabled ? "Enable" : "Disable"}
            </Button>
          </form>
        )}
        <form action={resetAction}>
          <input type="hidden" name="userId" value={userId} />
          <Button type="submit" disabled={resetting} variant="row" size="xs" aria-label={`Reset the password of ${name}`}>
            Reset password
          </Button>
        </form>
      </div>
      <div aria-live="polite" className="text-left">
        {reset.ok && reset.data ? <OneTimePassword password={reset.data.temporaryPassword} label={reset.message ?? ""} /> : null}
        {!toggle.ok && toggle.message ? (
          <p role="alert" className="text-xs text-danger">
            {toggle.message}
          </p>
        ) : null}
        {!reset.ok && reset.message ? (
          <p role="alert" className="text-xs text-danger">
            {reset.message}
          </p>
        ) : null}
        {!revoke.ok && revoke.message ? (
          <p role="alert" className="text-xs text-danger">
            {revoke.message}
          </p>
        ) : null}
      </div>
    </div>
  );
}
