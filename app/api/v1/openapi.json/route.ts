import { OPENAPI_DOCUMENT } from "@/lib/api/openapi";

/** The API's OpenAPI document; public, as it describes only what a token may do. */
export function GET(): Response {
  return new Response(JSON.stringify(OPENAPI_DOCUMENT, null, 2), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=300", "X-Content-Type-Options": "nosniff" },
  });
}
