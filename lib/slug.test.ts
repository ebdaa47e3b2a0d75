import { describe, expect, it } from "vitest";
import { firstFreeSlug, SLUG_MAX, slugFor } from "./slug";

describe("slugFor", () => {
  it("keeps letters and digits, joins the rest with single dashes", () => {
    expect(slugFor("Platform & Infra")).toBe("platform-infra");
    expect(slugFor("  Checkout API v2 ")).toBe("checkout-api-v2");
  });

  it("folds accents and drops what an address cannot hold", () => {
    expect(slugFor("Équipe Sécurité")).toBe("equipe-securite");
    expect(slugFor("<script>alert(1)</script>")).toBe("script-alert-1-script");
  });

  it("never returns an empty or over-long slug, nor one ending in a dash", () => {
    expect(slugFor("!!!")).toBe("untitled");
    expect(slugFor("日本語")).toBe("untitled");
    const long = slugFor("a".repeat(47) + " b");
    expect(long.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(long.endsWith("-")).toBe(false);
  });
});

describe("firstFreeSlug", () => {
  it("numbers a taken slug from 2", () => {
    expect(firstFreeSlug("api", new Set())).toBe("api");
    expect(firstFreeSlug("api", new Set(["api", "api-2"]))).toBe("api-3");
  });
});
