"use client";

// The charts, loaded only once a page shows one: Recharts is most of a chart
// page's JavaScript, and no page needs it to be read (each figure's numbers are
// in its table). The placeholder keeps the layout still while it arrives.
import dynamic from "next/dynamic";

function Placeholder({ height }: { height: number }) {
  return <div className="animate-pulse rounded-lg bg-subtle" style={{ height }} />;
}

export const ScoreTrendChart = dynamic(() => import("./trend-charts").then((m) => m.ScoreTrendChart), {
  ssr: false,
  loading: () => <Placeholder height={240} />,
});
export const FindingsTrendChart = dynamic(() => import("./trend-charts").then((m) => m.FindingsTrendChart), {
  ssr: false,
  loading: () => <Placeholder height={240} />,
});
