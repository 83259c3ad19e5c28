// The category filter: a checkbox per position category (data-category=<key>). Checking some
// narrows the whole page; none checked means all.
import { useEffect, useState } from "react";
import type { Category } from "../../api/types";
import { useLang, useT } from "../../i18n";

type Props = { categories: Category[]; selected: string[]; onChange: (keys: string[]) => void };

export function CategoryFilter({ categories, selected, onChange }: Props) {
  const t = useT();
  const [lang] = useLang();
  // The boxes follow a click at once; the URL (and with it the page) follows right after.
  const [checkedKeys, setCheckedKeys] = useState(selected);
  useEffect(() => setCheckedKeys(selected), [selected.join(",")]); // eslint-disable-line react-hooks/exhaustive-deps
  const chosen = new Set(checkedKeys);

  function toggle(key: string, checked: boolean) {
    const next = new Set(chosen);
    if (checked) next.add(key);
    else next.delete(key);
    // Keep the table order, so the URL is the same whichever order the boxes were ticked in.
    const keys = categories.map((category) => category.key).filter((k) => next.has(k));
    setCheckedKeys(keys);
    onChange(keys);
  }

  return (
    <section className="panel filter-panel" data-testid="category-filter" aria-labelledby="category-filter-legend">
      <fieldset>
        <legend id="category-filter-legend">{t("overview.categoryFilter")}</legend>
        <p className="filter-help">{t("overview.categoryFilterHelp")}</p>
        <div className="chips">
          {categories.map((category) => (
            <label key={category.key} className="chip">
              <input type="checkbox" data-category={category.key} checked={chosen.has(category.key)}
                     onChange={(event) => toggle(category.key, event.target.checked)} />
              {lang === "en" && category.name_en ? category.name_en : category.name}
            </label>
          ))}
        </div>
        {checkedKeys.length > 0 ? (
          <div className="filter-actions">
            <span aria-live="polite">{t("overview.categoryFilterCount", { count: checkedKeys.length })}</span>
            <button type="button" className="button-link" onClick={() => onChange([])}>{t("overview.categoryFilterAll")}</button>
          </div>
        ) : null}
      </fieldset>
    </section>
  );
}
