// A checkbox per position category (input[type=checkbox][data-category=<key>], CONTRACT.md):
// checking some narrows the page to them; none checked means all. The choice lives in the URL.
import { useId } from "react";
import { useT } from "../../i18n";
import type { CategoryNames } from "./categories";

type Props = {
  categoryNames: CategoryNames;
  selected: string[];
  onChange: (selected: string[]) => void;
};

export function CategoryChecklist({ categoryNames, selected, onChange }: Props) {
  const t = useT();
  const helpId = useId();
  const { categories, nameOf } = categoryNames;
  if (categories.length === 0) return null;

  function toggle(key: string, checked: boolean) {
    const next = new Set(selected);
    if (checked) next.add(key);
    else next.delete(key);
    // Keep table order, so the URL and the export name the categories the same way every time.
    onChange(categories.map((c) => c.key).filter((k) => next.has(k)));
  }

  return (
    <section className="panel filter-panel" data-testid="category-filter">
      <fieldset aria-describedby={helpId}>
        <legend>{t("region.categoryFilter")}</legend>
        <p className="filter-help" id={helpId}>{t("region.categoryFilterHelp")}</p>
        <div className="chips">
          {categories.map((category) => (
            <label key={category.key} className="chip">
              <input type="checkbox" data-category={category.key} checked={selected.includes(category.key)}
                     onChange={(e) => toggle(category.key, e.target.checked)} />
              {nameOf(category.key)}
            </label>
          ))}
        </div>
        {selected.length > 0 ? (
          <div className="filter-actions">
            <span>{t("region.categoryFilterCount", { count: selected.length })}</span>
            <button type="button" className="button-link" onClick={() => onChange([])}>
              {t("region.categoryFilterAll")}
            </button>
          </div>
        ) : null}
      </fieldset>
    </section>
  );
}
