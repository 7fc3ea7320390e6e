import { readFileSync, writeFileSync } from "node:fs";
import { customFunctions } from "../src/functions";
import { withFunctionDocs } from "./function-docs";

const path = new URL("../docs/FONCTIONS.md", import.meta.url);
writeFileSync(path, withFunctionDocs(readFileSync(path, "utf8"), customFunctions));
console.log("docs/FONCTIONS.md : liste des fonctions mise à jour.");
