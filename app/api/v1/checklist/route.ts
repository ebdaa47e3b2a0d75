import { apiJson, apiRoute } from "@/lib/api/route";
import { latestChecklist } from "@/lib/checklist";

/** The current checklist: every factor and item, with the ids evidence refers to. */
export const GET = apiRoute(async () => {
  const checklist = latestChecklist();
  return apiJson({
    version: checklist.version,
    factors: checklist.factors.map((f) => ({
      number: f.number,
      name: f.name,
      items: f.items.map((i) => ({ id: i.id, title: i.title, severity: i.severity })),
    })),
  });
});
