import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findChromium, launchBrowser, npmChromium, systemChromium } from "../support/browser";

const root = join(import.meta.dirname, "..", "..");
const packageVersion = (
  JSON.parse(readFileSync(join(root, "node_modules", "@sparticuz", "chromium", "package.json"), "utf8")) as {
    version: string;
  }
).version;

describe("the Chromium of the sidebar tests and of the demo's pictures", () => {
  it("is the system's when there is one, else the one npm ci brought", async () => {
    const found = await findChromium();
    const system = systemChromium();
    if (system) expect(found).toEqual({ executablePath: system, source: "système" });
    else expect(found.source).toBe("npm");
  });

  it("comes out of the npm package itself, unpacked under node_modules/.cache, and runs headless", async () => {
    const install = await npmChromium();
    expect(install.executablePath).toBe(
      join(root, "node_modules", ".cache", `lianes-chromium-${packageVersion}`, "chromium"),
    );
    // The libraries a bare Debian lacks, and a font, come with it.
    expect(existsSync(join(install.env?.LD_LIBRARY_PATH ?? "", "libnss3.so"))).toBe(true);
    expect(readFileSync(install.env?.FONTCONFIG_FILE ?? "", "utf8")).toContain("/fonts</dir>");
    // Unpacked once: asking again reuses the same copy.
    expect(await npmChromium()).toEqual(install);
  });

  it("launches: the browser of the tests answers with its version", async () => {
    const browser = await launchBrowser();
    try {
      const { source } = await findChromium();
      const version = browser.version();
      if (source === "npm") expect(version.split(".")[0]).toBe(packageVersion.split(".")[0]);
      else expect(version).toMatch(/^\d+\./);
    } finally {
      await browser.close();
    }
  });
});

describe(".ci/run", () => {
  it("installs nothing: exactly npm ci, then npm test", () => {
    const commands = readFileSync(join(root, ".ci", "run"), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.startsWith("#"));
    expect(commands).toEqual(["set -euo pipefail", 'cd "$(dirname "$0")/.."', "npm ci", "npm test"]);
  });
});
