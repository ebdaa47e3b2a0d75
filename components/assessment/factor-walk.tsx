"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import type { ChecklistItem } from "@/lib/checklist";
import { ConfirmCarriedOver } from "./confirm-carried-over";
import { SHORTCUTS, useCompactChoice, useWalkKeys, WalkViewProvider } from "./walk-view";
import { FactorNav, type FactorProgress } from "./factor-nav";
import { ItemEditor, type ItemAnswer } from "./item-editor";
import { ProgressBar } from "./progress-bar";

/** One step of the walk: a factor's items, editable, with progress that follows every answer. */
export function FactorWalk(props: {
  assessmentId: string;
  factor: { number: number; name: string; summary: string };
  items: ChecklistItem[];
  answers: Record<string, ItemAnswer>;
  progress: FactorProgress[];
  /** Above the items: what a reviewer may do for the whole factor (assign it). */
  tools?: React.ReactNode;
  children?: React.ReactNode;
}) {
  const { assessmentId, factor, items, answers, progress } = props;
  const [done, setDone] = useState<Record<string, boolean>>({});
  const onProgress = useCallback((itemId: string, isDone: boolean) => {
    setDone((current) => (current[itemId] === isDone ? current : { ...current, [itemId]: isDone }));
  }, []);
  const live = useMemo(() => {
    const here = items.filter((item) => done[item.id]).length;
    return progress.map((f) => (f.number === factor.number && Object.keys(done).length === items.length ? { ...f, done: here } : f));
  }, [done, items, progress, factor.number]);
  const current = live.find((f) => f.number === factor.number)!;
  const [compact, setCompact] = useCompactChoice();
  const walk = useRef<HTMLDivElement>(null);
  useWalkKeys(walk);

  return (
    <div className="grid gap-8 lg:grid-cols-[16rem_minmax(0,1fr)]">
      <aside className="lg:sticky lg:top-20 lg:self-start">
        <FactorNav assessmentId={assessmentId} factors={live} current={factor.number} />
      </aside>
      {/* Keyboard shortcuts act on the item the focus is in (see walk-view.tsx). */}
      <div className="space-y-6" ref={walk}>
        <div>
          <h2 className="text-xl font-semibold">
            {factor.number}. {factor.name}
          </h2>
          <p className="mt-1 max-w-3xl text-muted">{factor.summary}</p>
          <div className="mt-3 flex items-center gap-3">
            <div className="w-48">
              <ProgressBar done={current.done} total={current.total} label={`${factor.name}: items done`} />
            </div>
            <span className="text-sm text-muted">
              {current.done} of {current.total} done
            </span>
          </div>
          <div className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
            <label className="flex min-h-6 items-center gap-2 font-medium">
              <input type="checkbox" checked={compact} onChange={(event) => setCompact(event.target.checked)} className="h-4 w-4" />
              Compact view
            </label>
            <p className="text-muted">{SHORTCUTS}</p>
          </div>
        </div>
        {props.tools}
        <ConfirmCarriedOver assessmentId={assessmentId} factor={factor.number} count={items.filter((item) => answers[item.id]!.carriedOver).length} />
        {/* A decision on a suggestion, or confirming the factor's carried-over answers, changes the answer on the server: that item starts afresh from it. */}
        <WalkViewProvider compact={compact}>
          {items.map((item) => (
            <ItemEditor
              key={`${item.id}:${answers[item.id]!.suggestion?.evidenceId ?? ""}:${answers[item.id]!.carriedOver}`}
              assessmentId={assessmentId}
              item={item}
              answer={answers[item.id]!}
              onProgress={onProgress}
            />
          ))}
        </WalkViewProvider>
        {props.children}
      </div>
    </div>
  );
}
