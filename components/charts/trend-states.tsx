import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { ChartSkeleton } from "./chart-skeleton";

/** The two trend cards' places while their series loads. */
export function TrendsLoading() {
  return (
    <>
      <ChartSkeleton title="Score over time" />
      <ChartSkeleton title="Unresolved findings over time" />
    </>
  );
}

/** In place of the two trend cards: the series failed to load, or there is no history yet. */
export function TrendsUnavailable({ failed }: { failed: boolean }) {
  return (
    <Card className="lg:col-span-2">
      <CardHeader title="Trends" />
      <div className="p-5">
        {failed ? (
          <EmptyState title="Trends did not load">Reload the page to try again; everything else on it is current.</EmptyState>
        ) : (
          <EmptyState title="No history yet">Trends appear once a lead approves the first assessment.</EmptyState>
        )}
      </div>
    </Card>
  );
}
