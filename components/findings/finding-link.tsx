import Link from "next/link";

/** A finding as lists name it: its checklist item, then its title leading to the finding. */
export function FindingLink({ finding }: { finding: { id: string; itemId: string; title: string } }) {
  return (
    <>
      <span className="font-mono text-xs text-muted">{finding.itemId}</span>{" "}
      <Link href={`/findings/${finding.id}`} className="text-link hover:underline">
        {finding.title}
      </Link>
    </>
  );
}
