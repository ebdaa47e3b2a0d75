import { Button } from "@/components/ui/button";

/**
 * A button that makes an export and downloads it. A POST (the export is
 * recorded and audited), so a link on another site cannot make one: proxy.ts
 * accepts a POST only from Twelvefold's own pages. Works without JavaScript.
 */
export function DownloadButton({ action, label, accessibleName }: { action: string; label: string; accessibleName?: string }) {
  return (
    <form method="post" action={action}>
      <Button type="submit" aria-label={accessibleName} variant="secondary">
        {label}
      </Button>
    </form>
  );
}
