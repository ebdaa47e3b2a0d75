import type { Metadata } from "next";
import { VerifyForm } from "@/components/exports/verify-form";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { requirePrincipal } from "@/lib/auth/current";
import { SECTIONS } from "@/lib/navigation";

export const metadata: Metadata = { title: SECTIONS.verify.title };

export default async function VerifyPage() {
  await requirePrincipal();
  return (
    <>
      <PageHeader
        title={SECTIONS.verify.title}
        description="Every export's SHA-256 is recorded when it is made. Upload a file, or paste its hash, to learn whether it is unaltered, which export it is, who made it and when."
      />
      <Card>
        <CardHeader title="Check a file" description="The file is hashed on the server and not kept." />
        <VerifyForm />
      </Card>
    </>
  );
}
