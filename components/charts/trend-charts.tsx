"use client";

// Drawing only: every figure arrives aggregated from the server. Each chart is
// paired with a table of the same numbers by <ChartFigure>.
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useRouter } from "next/navigation";
import { severities } from "@/lib/vocabulary/levels";

const AXIS = { fontSize: 12, fill: "currentColor" };
const SEVERITY_COLOURS = { critical: "#be123c", high: "#ea580c", medium: "#d97706", low: "#64748b" } as const;

type Axis = "month" | "day";
// Labels are chosen by name: a function cannot cross from the server component that renders these.
const LABEL: Record<Axis, (value: string) => string> = {
  month: (value) => new Date(`${value.slice(0, 10)}T00:00:00Z`).toLocaleDateString("en-GB", { month: "short", year: "2-digit", timeZone: "UTC" }),
  day: (value) => new Date(`${value.slice(0, 10)}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "2-digit", timeZone: "UTC" }),
};

const MARGIN = { top: 8, right: 16, bottom: 0, left: -16 };

/** The grid, axes and tooltip both charts share; their y axes differ (a 0–100 score, or whole counts). */
function frame(xKey: string, label: (value: string) => string, y: { domain?: [number, number]; allowDecimals?: boolean }) {
  return [
    <CartesianGrid key="grid" strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />,
    <XAxis key="x" dataKey={xKey} tickFormatter={label} tick={AXIS} />,
    <YAxis key="y" tick={AXIS} {...y} />,
    <Tooltip key="tooltip" labelFormatter={(value) => label(String(value))} />,
  ];
}

/**
 * A point that names an address under `linkKey` leads there when clicked (the
 * table of numbers beside the chart holds the same links for the keyboard).
 */
function usePointLinks(points: Record<string, unknown>[], linkKey: string | undefined) {
  const router = useRouter();
  if (!linkKey) return {};
  return {
    style: { cursor: "pointer" },
    onClick: (state: { activeIndex?: unknown }) => {
      const href = points[Number(state.activeIndex)]?.[linkKey];
      if (typeof href === "string" && href.startsWith("/")) router.push(href);
    },
  };
}

export function ScoreTrendChart({
  points,
  xKey = "month",
  axis = "month",
  linkKey,
}: {
  points: Record<string, unknown>[];
  xKey?: string;
  axis?: Axis;
  linkKey?: string;
}) {
  const label = LABEL[axis];
  const links = usePointLinks(points, linkKey);
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart accessibilityLayer={false} data={points} margin={MARGIN} {...links}>
        {frame(xKey, label, { domain: [0, 100] })}
        <Line type="monotone" dataKey="score" name="Score" stroke="#4f46e5" strokeWidth={2} dot={Boolean(linkKey)} connectNulls isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function FindingsTrendChart({
  points,
  xKey = "month",
  axis = "month",
  linkKey,
}: {
  points: Record<string, unknown>[];
  xKey?: string;
  axis?: Axis;
  linkKey?: string;
}) {
  const label = LABEL[axis];
  const links = usePointLinks(points, linkKey);
  return (
    <ResponsiveContainer width="100%" height={240}>
      <AreaChart accessibilityLayer={false} data={points} margin={MARGIN} {...links}>
        {frame(xKey, label, { allowDecimals: false })}
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {severities.values.map((level) => (
          <Area
            key={level}
            type="stepAfter"
            dataKey={level}
            name={severities.label(level)}
            stackId="1"
            stroke={SEVERITY_COLOURS[level]}
            fill={SEVERITY_COLOURS[level]}
            fillOpacity={0.55}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    </ResponsiveContainer>
  );
}

export function FactorBarChart({ scores }: { scores: { factor: string; score: number | null }[] }) {
  return (
    <ResponsiveContainer width="100%" height={280}>
      <BarChart accessibilityLayer={false} data={scores} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 40 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
        <XAxis type="number" domain={[0, 100]} tick={AXIS} />
        <YAxis type="category" dataKey="factor" tick={AXIS} width={110} />
        <Tooltip />
        <Bar dataKey="score" name="Score" fill="#4f46e5" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
