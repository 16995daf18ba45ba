import "server-only";
import { postOnce, type PostOptions, type PostResult } from "./webhooks";

// WebSub (W3C Recommendation, 2018) publisher side: feeds name the hub (<link rel="hub">, a Link header), and each
// change pings it with `hub.mode=publish` and the topic URLs that changed, so subscribers hear within seconds instead
// of at their next poll. The ping runs in a job (lib/distribution/jobs.ts), never in the request that published.

/** The form body of a publish ping: one `hub.url` per topic (WebSub hubs such as Google's accept several). */
export function pingBody(topics: readonly string[]): string {
  const form = new URLSearchParams({ "hub.mode": "publish" });
  for (const topic of topics) form.append("hub.url", topic);
  return form.toString();
}

/** Pings the hub once; a 2xx is success (hubs answer 204 No Content). */
export function pingHub(hubUrl: string, topics: readonly string[], options: Omit<PostOptions, "headers"> = {}): Promise<PostResult> {
  return postOnce(hubUrl, pingBody(topics), { ...options, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
}

/** The Link header value a feed response carries when a hub is configured (WebSub §4: hub and self). */
export function hubLinkHeader(hubUrl: string, selfUrl: string): string {
  return `<${new URL(hubUrl).href}>; rel="hub", <${new URL(selfUrl).href}>; rel="self"`;
}
