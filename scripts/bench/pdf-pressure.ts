// The bench's "while PDFs render" scenario: four assessment reports laid out
// over and over (two people, each at the per-person limit of two), and
// meanwhile the liveness check and the dashboard timed as everyone else would
// see them. Before reports moved to the render thread, the liveness check took
// up to 4.4 s while one rendered (24-266 ms idle). Prints figures; never a test.
import { repeat, type Timings } from "./measure";

export interface PdfPressure {
  idle: { live: Timings; dashboard: Timings };
  whileRendering: { live: Timings; dashboard: Timings; reportsMade: number; reportsBusy: number };
}

export async function pdfPressure(base: string, renderers: string[], reader: string, assessmentId: string, runs: number): Promise<PdfPressure> {
  const get = (cookie: string, path: string) => async () => {
    const response = await fetch(`${base}${path}`, { headers: { cookie }, redirect: "manual" });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  };
  const live = get("", "/api/health/live");
  const dashboard = get(reader, "/");
  const idle = { live: await repeat(runs, 2, live), dashboard: await repeat(runs, 2, dashboard) };

  let stop = false;
  let reportsMade = 0;
  let reportsBusy = 0;
  const render = async (cookie: string) => {
    while (!stop) {
      const response = await fetch(`${base}/assessments/${assessmentId}/report`, { method: "POST", headers: { cookie, Origin: base } });
      await response.arrayBuffer();
      if (response.status === 200) reportsMade += 1;
      else if (response.status === 429) {
        reportsBusy += 1;
        await new Promise((resolve) => setTimeout(resolve, 200));
      } else throw new Error(`a report answered ${response.status}`);
    }
  };
  const rendering = renderers.flatMap((cookie) => [render(cookie), render(cookie)]);
  // Let all four get going before timing anything.
  await new Promise((resolve) => setTimeout(resolve, 500));
  try {
    const whileRendering = { live: await repeat(runs, 0, live), dashboard: await repeat(runs, 0, dashboard) };
    return { idle, whileRendering: { ...whileRendering, reportsMade, reportsBusy } };
  } finally {
    stop = true;
    await Promise.all(rendering);
  }
}
