// Fails when src/api/schema.d.ts is not what openapi-typescript makes of ../docs/openapi.yaml,
// so the typed client cannot drift from the API contract. Fix: `npm run gen:api` and commit.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const webDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const tempDir = mkdtempSync(join(tmpdir(), "kompetent-api-"));
const generated = join(tempDir, "schema.d.ts");
try {
  execFileSync(
    process.execPath,
    [join(webDir, "node_modules/openapi-typescript/bin/cli.js"), "../docs/openapi.yaml", "-o", generated],
    { cwd: webDir, stdio: ["ignore", "ignore", "inherit"] },
  );
  const committed = readFileSync(join(webDir, "src/api/schema.d.ts"), "utf8");
  if (readFileSync(generated, "utf8") !== committed) {
    console.error("src/api/schema.d.ts differs from docs/openapi.yaml: run `npm run gen:api` and commit it.");
    process.exit(1);
  }
  console.log("src/api/schema.d.ts matches docs/openapi.yaml");
} finally {
  rmSync(tempDir, { recursive: true, force: true });
}
