// Where the overview looks: the municipality, the node inside it, and how the tree names them.
import type { Tree } from "../../api/types";

export type NodeLevel = "municipality" | "sector" | "unit";

export type Crumb = { node: string; name: string; level: NodeLevel };

export function nodeLevel(node: string): NodeLevel {
  const parts = node.split("/").length;
  return parts === 1 ? "municipality" : parts === 2 ? "sector" : "unit";
}

export function treeMunicipalityName(tree: Tree | null): string | null {
  if (!tree) return null;
  return typeof tree.municipality === "object" ? tree.municipality.name : null;
}

/** The path from the municipality down to `node`, named from the tree (codes when a name is missing). */
export function crumbs(municipality: string, municipalityName: string, node: string | null, tree: Tree | null): Crumb[] {
  const path: Crumb[] = [{ node: municipality, name: municipalityName, level: "municipality" }];
  if (!node || node === municipality) return path;
  const [, sectorCode, unitCode] = node.split("/");
  const sector = tree?.sectors.find((s) => s.code === sectorCode);
  if (sectorCode) path.push({ node: `${municipality}/${sectorCode}`, name: sector?.name || sectorCode, level: "sector" });
  if (unitCode) {
    const unit = sector?.units.find((u) => u.code === unitCode);
    path.push({ node: `${municipality}/${sectorCode}/${unitCode}`, name: unit?.name || unitCode, level: "unit" });
  }
  return path;
}

/** Whether a unit leader (with `units`) may open `node`: one of their units or below. */
export function unitLeaderMayOpen(units: readonly string[], node: string): boolean {
  return units.some((unit) => node === unit || node.startsWith(unit + "/"));
}
