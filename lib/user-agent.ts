import Bowser from "bowser";

/**
 * A browser string as a person reads it ("Chrome 131 on Windows 10"), by a
 * maintained parser rather than our own patterns. What it cannot name falls
 * back to the first words of the raw string; the full text stays available
 * wherever this is shown (on hover).
 */
export function describeUserAgent(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const { browser, os } = Bowser.parse(userAgent);
  const name = browser.name ? [browser.name, browser.version?.split(".")[0]].filter(Boolean).join(" ") : null;
  const system = os.name ? [os.name, os.versionName].filter(Boolean).join(" ") : null;
  if (name && system) return `${name} on ${system}`;
  return name ?? system ?? (userAgent.length > 40 ? `${userAgent.slice(0, 40)}…` : userAgent);
}
