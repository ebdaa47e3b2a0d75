import Link from "next/link";
import { PageHeader } from "@/components/ui/card";

/** The header of a page inside the admin area, with the way back to its overview. */
export function AdminPageHeader({ title, description }: { title: string; description: string }) {
  return (
    <PageHeader title={title} description={description}>
      <Link href="/admin" className="text-sm font-medium text-link hover:underline">
        Back to administration
      </Link>
    </PageHeader>
  );
}
