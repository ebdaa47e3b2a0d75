import { Card, CardHeader } from "@/components/ui/card";

/** A chart card's place while its figures load. */
export function ChartSkeleton({ title }: { title: string }) {
  return (
    <Card>
      <CardHeader title={title} />
      <div className="m-5 h-60 animate-pulse rounded-lg bg-subtle" aria-hidden="true" />
    </Card>
  );
}
