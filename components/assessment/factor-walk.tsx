"use client";

import { useCallback, useMemo, useState } from "react";
import type { ChecklistItem } from "@/lib/checklist";
import { ConfirmCarriedOver } from "./confirm-carried-over";
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

  return (
    <div className="grid gap-8 lg:grid-cols-[16rem_minmax(0,1fr)]">
      <aside className="lg:sticky lg:top-20 lg:self-start">
        <FactorNav assessmentId={assessmentId} factors={live} current={factor.number} />
      </aside>
      <div className="space-y-6">
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
        </div>
        <ConfirmCarriedOver assessmentId={assessmentId} factor={factor.number} count={items.filter((item) => answers[item.id]!.carriedOver).length} />
        {/* A decision on a suggestion, or confirming the factor's carried-over answers, changes the answer on the server: that item starts afresh from it. */}
        {items.map((item) => (
          <ItemEditor
            key={`${item.id}:${answers[item.id]!.suggestion?.evidenceId ?? ""}:${answers[item.id]!.carriedOver}`}
            assessmentId={assessmentId}
            item={item}
            answer={answers[item.id]!}
            onProgress={onProgress}
          />
        ))}
        {props.children}
      </div>
    </div>
  );
}
