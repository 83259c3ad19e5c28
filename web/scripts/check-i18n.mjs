// Fails when nb.json and en.json do not have the same keys, when a value is empty, or when
// src/ uses a key (t("…") / t('…')) that the catalogues lack. Keys built at run time must be
// listed in the catalogue under their prefix (e.g. "indicator.<name>") and are not checked here.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const webDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const nb = JSON.parse(readFileSync(join(webDir, "src/i18n/nb.json"), "utf8"));
const en = JSON.parse(readFileSync(join(webDir, "src/i18n/en.json"), "utf8"));
const problems = [];

for (const [name, own, other] of [["nb", nb, en], ["en", en, nb]]) {
  for (const key of Object.keys(own)) {
    if (!(key in other)) problems.push(`${key}: in ${name}.json only`);
    if (typeof own[key] !== "string" || own[key].trim() === "") problems.push(`${key}: empty in ${name}.json`);
  }
}

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx)$/.test(entry) && !entry.endsWith(".d.ts")) yield path;
  }
}

const keyUse = /\bt\(\s*(["'`])([^"'`$]+)\1/g;
for (const file of sourceFiles(join(webDir, "src"))) {
  const text = readFileSync(file, "utf8");
  for (const match of text.matchAll(keyUse)) {
    const key = match[2];
    if (!(key in nb)) problems.push(`${key}: used in ${file.slice(webDir.length + 1)}, missing from the catalogues`);
  }
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(`i18n: ${Object.keys(nb).length} keys, nb and en agree, every key used in src/ exists`);
