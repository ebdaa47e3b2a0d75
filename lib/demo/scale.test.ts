import { describe, expect, it } from "vitest";
import { allItems, latestChecklist } from "../checklist";
import { LIMITS } from "../assessments/answer-rules";
import { DOSSIER_SLUG, writeUp } from "./dossier";
import { generateHistory, monthlyDates } from "./history";
import { DEMO_SERVICES } from "./org";
import { DEMO_SERVICE_COUNT, scaleOrganisation } from "./scale";
import { SELF_SERVICE } from "./self-assessment";

describe("scaleOrganisation", () => {
  it("fills the organisation up to the asked size, demo included, with unique slugs", () => {
    const org = scaleOrganisation({ teams: 20, services: 1000 });
    expect(org.teams).toHaveLength(17);
    expect(org.services).toHaveLength(1000 - DEMO_SERVICE_COUNT);
    const slugs = [...DEMO_SERVICES, SELF_SERVICE, ...org.services].map((s) => s.slug);
    expect(new Set(slugs).size).toBe(1000);
    expect(slugs.every((slug) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug))).toBe(true);
    const perTeam = new Map<string, number>();
    for (const s of org.services) perTeam.set(s.team, (perTeam.get(s.team) ?? 0) + 1);
    expect(perTeam.size).toBe(20);
    expect(Math.max(...perTeam.values()) - Math.min(...perTeam.values())).toBeLessThanOrEqual(1);
  });

  it("is the same on every run, and small sizes stay small", () => {
    expect(scaleOrganisation({ teams: 5, services: 40 })).toEqual(scaleOrganisation({ teams: 5, services: 40 }));
    expect(scaleOrganisation({ teams: 3, services: 10 })).toEqual({ teams: [], services: [] });
  });

  it("gives every service a plausible trajectory", () => {
    for (const s of scaleOrganisation({ teams: 20, services: 300 }).services) {
      expect(s.from).toBeGreaterThanOrEqual(0.3);
      expect(s.to).toBeLessThanOrEqual(0.97);
      if (s.trajectory === "improving") expect(s.to).toBeGreaterThan(s.from);
      if (s.trajectory === "regressing") expect(s.to).toBeLessThan(s.from);
    }
  });
});

describe("monthlyDates", () => {
  it("gives one assessment a month for the asked months, all in the past", () => {
    const now = new Date("2026-11-22T12:00:00Z");
    const dates = monthlyDates({ slug: "orders-api" }, 60, now);
    expect(dates).toHaveLength(60);
    expect(dates[0]!.getUTCFullYear()).toBe(2021);
    expect(dates.every((d, i) => i === 0 || d > dates[i - 1]!)).toBe(true);
    expect(dates.at(-1)!.getTime()).toBeLessThan(now.getTime());
  });
});

describe("the dossier service", () => {
  it("is part of any scale organisation, once", () => {
    const org = scaleOrganisation({ teams: 4, services: 30 });
    expect(org.services.filter((s) => s.slug === DOSSIER_SLUG)).toHaveLength(1);
  });

  it("writes every answer out in full, within the answer limits, keeping status and links", () => {
    const items = allItems(latestChecklist());
    const service = scaleOrganisation({ teams: 4, services: 30 }).services.find((s) => s.slug === DOSSIER_SLUG)!;
    const latest = generateHistory(service, items, new Date("2026-11-01T00:00:00Z")).at(-1)!;
    for (const response of latest.responses) {
      const item = items.find((i) => i.id === response.itemId)!;
      const full = writeUp(item, response, latest.submittedAt);
      expect(full.status).toBe(response.status);
      expect(full.evidenceLinks).toEqual(response.evidenceLinks);
      expect(full.justification.startsWith(response.justification.trim())).toBe(true);
      expect(full.justification).toContain(item.guidance.slice(1, 30));
      expect(full.justification.length).toBeGreaterThan(400);
      expect(full.justification.length).toBeLessThanOrEqual(LIMITS.justification);
      expect(full.notes.length).toBeGreaterThan(400);
      expect(full.notes.length).toBeLessThanOrEqual(LIMITS.notes);
    }
  });
});
