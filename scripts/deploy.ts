/**
 * `npm run deploy` (dev) and `npm run deploy:prod`: run after `npm test` (build, check, the whole
 * suite) by the npm scripts, then push build/ to that target's Apps Script project; prod also
 * gets an immutable version named after the package version and the commit.
 * Each target has its own project file: .clasp.json (dev), .clasp.prod.json (prod).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export type Target = "dev" | "prod";

export const PROJECT_FILES: Readonly<Record<Target, string>> = {
  dev: ".clasp.json",
  prod: ".clasp.prod.json",
};

/** The script id of a project file's text, or a French message saying how to fill it in. */
export function scriptIdOf(target: Target, text: string): { id: string } | { problem: string } {
  const file = PROJECT_FILES[target];
  let id: unknown;
  try {
    id = (JSON.parse(text) as { scriptId?: unknown }).scriptId;
  } catch {
    return { problem: `${file} n'est pas du JSON valide.` };
  }
  if (typeof id !== "string" || id.trim() === "") {
    return {
      problem:
        `Pas d'identifiant de script dans ${file} (projet ${target}) : renseignez "scriptId" ` +
        "(Extensions › Apps Script › Paramètres du projet), voir « Déployer avec clasp » dans le README.",
    };
  }
  return { id: id.trim() };
}

function run(root: string, args: readonly string[]): string {
  return execFileSync(join(root, "node_modules", ".bin", "clasp"), args, {
    cwd: root,
    encoding: "utf8",
    stdio: ["inherit", "pipe", "inherit"],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..");
  const target: Target = process.argv[2] === "prod" ? "prod" : "dev";
  const file = PROJECT_FILES[target];
  const found = scriptIdOf(target, readFileSync(join(root, file), "utf8"));
  if ("problem" in found) {
    console.error(found.problem);
    process.exit(1);
  }
  console.log(run(root, ["--project", file, "push", "--force"]));
  if (target === "prod") {
    const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd: root,
      encoding: "utf8",
    }).trim();
    console.log(run(root, ["--project", file, "create-version", `Lianes ${version} (${commit})`]));
  }
}
