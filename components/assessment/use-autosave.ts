"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { saveResponseAction } from "@/app/assessments/[id]/actions";
import { answerInput, forgetUnsaved, keepAcknowledged, keepUnsaved, readUnsaved, sameAnswer } from "./autosave";
import type { AnswerValues } from "@/lib/assessments/input-schemas";

/** "untouched": nothing was changed here in this visit, so there is nothing to report as saved. */
export type SaveState = "untouched" | "saved" | "pending" | "saving" | "failed" | "conflict";

export interface Conflict {
  theirs: AnswerValues;
  version: number;
  by: string | null;
  at: Date | null;
}

const DEBOUNCE_MS = 600;
const RETRY_MS = 5000;

/**
 * One item's answer with autosave: each change is kept in this browser and
 * sent within a second, naming the version it was made on. A stale save comes
 * back as a conflict for the reviewer to settle; a failed one is retried and
 * stays in the browser until it lands.
 */
export function useAutosave(assessmentId: string, itemId: string, initial: { values: AnswerValues; version: number; carriedOver: boolean }) {
  const [values, setValues] = useState(initial.values);
  const [state, setState] = useState<SaveState>("untouched");
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [carriedOver, setCarriedOver] = useState(initial.carriedOver);
  const latest = useRef(initial.values);
  const saved = useRef(initial.values);
  const version = useRef(initial.version);
  const inFlight = useRef(false);
  const again = useRef(false);
  const force = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Retries and follow-up saves call the current flush through this ref.
  const flushRef = useRef<() => Promise<void>>(async () => {});

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    if (inFlight.current) {
      again.current = true;
      return;
    }
    const sending = latest.current;
    if (sameAnswer(sending, saved.current) && !force.current) {
      forgetUnsaved(assessmentId, itemId);
      setState("saved");
      return;
    }
    inFlight.current = true;
    force.current = false;
    setState("saving");
    try {
      const result = await saveResponseAction({ ok: false, message: null }, answerInput(assessmentId, itemId, version.current, sending));
      if (result.ok && result.data?.outcome === "saved") {
        version.current = result.data.answer.version;
        saved.current = sending;
        setCarriedOver(false);
        setError(null);
        if (sameAnswer(latest.current, sending)) {
          keepAcknowledged(assessmentId, itemId, sending, version.current);
          setState("saved");
        } else {
          keepUnsaved(assessmentId, itemId, { values: latest.current, baseVersion: version.current });
          again.current = true;
        }
      } else if (result.data?.outcome === "conflict") {
        const { answer } = result.data;
        setConflict({ theirs: answer, version: answer.version, by: answer.updatedBy, at: answer.updatedAt });
        setState("conflict");
      } else {
        setError(result.message ?? "The server refused this change.");
        setState("failed");
      }
    } catch {
      setError("No connection to the server. Your change is kept in this browser and will be sent again.");
      setState("failed");
      timer.current = setTimeout(() => void flushRef.current(), RETRY_MS);
    } finally {
      inFlight.current = false;
    }
    if (again.current) {
      again.current = false;
      void flushRef.current();
    }
  }, [assessmentId, itemId]);

  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const update = useCallback(
    (change: Partial<AnswerValues>) => {
      const next = { ...latest.current, ...change };
      latest.current = next;
      setValues(next);
      keepUnsaved(assessmentId, itemId, { values: next, baseVersion: version.current });
      setState((current) => (current === "conflict" ? current : "pending"));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [assessmentId, itemId, flush],
  );

  /** Confirms a carried-over answer as it stands. */
  const confirm = useCallback(() => {
    force.current = true;
    void flush();
  }, [flush]);

  const keepMine = useCallback(() => {
    if (!conflict) return;
    version.current = conflict.version;
    saved.current = conflict.theirs;
    setConflict(null);
    force.current = true;
    void flush();
  }, [conflict, flush]);

  const takeTheirs = useCallback(() => {
    if (!conflict) return;
    version.current = conflict.version;
    latest.current = conflict.theirs;
    saved.current = conflict.theirs;
    setValues(conflict.theirs);
    setConflict(null);
    forgetUnsaved(assessmentId, itemId);
    setState("saved");
  }, [conflict, assessmentId, itemId]);

  // After a reload: a change this browser never got acknowledged is put back.
  useEffect(() => {
    const unsaved = readUnsaved(assessmentId, itemId);
    if (!unsaved) return;
    if (unsaved.saved) {
      // Acknowledged: the page may have been read just before that save committed.
      if (unsaved.baseVersion > initial.version) {
        latest.current = unsaved.values;
        saved.current = unsaved.values;
        version.current = unsaved.baseVersion;
        // eslint-disable-next-line react-hooks/set-state-in-effect -- restoring browser storage is what this effect is for
        setValues(unsaved.values);
      } else {
        forgetUnsaved(assessmentId, itemId);
      }
      return;
    }
    if (sameAnswer(unsaved.values, initial.values)) {
      forgetUnsaved(assessmentId, itemId);
      return;
    }
    latest.current = unsaved.values;
    setValues(unsaved.values);
    if (unsaved.baseVersion === initial.version) {
      void flush();
    } else {
      setConflict({ theirs: initial.values, version: initial.version, by: null, at: null });
      setState("conflict");
    }
    // Only on first render: later changes go through update().
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Leaving the step with a change still waiting: send it now rather than at the timer.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (!sameAnswer(latest.current, saved.current)) void flushRef.current();
    },
    [],
  );

  return { values, update, state, error, conflict, keepMine, takeTheirs, confirm, carriedOver, retry: flush };
}
