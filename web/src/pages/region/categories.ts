// The position categories of /api/v1/categories (table order) and their names in the user's
// language: `name_en` in English when the API gives it, else the Norwegian name; a key the table
// does not know keeps the label the indicator row came with.
import { useCallback } from "react";
import { useApi } from "../../api/useApi";
import type { Category, CategoryList } from "../../api/types";
import { useLang } from "../../i18n";

export type CategoryNames = {
  categories: Category[];
  /** The category's name in the user's language; `fallback` (e.g. the row's label) when unknown. */
  nameOf: (key: string, fallback?: string) => string;
};

export function useCategories(): CategoryNames {
  const { data } = useApi<CategoryList>("/categories");
  const [lang] = useLang();
  const categories = data?.categories ?? [];
  const nameOf = useCallback(
    (key: string, fallback?: string) => {
      const category = categories.find((c) => c.key === key);
      if (!category) return fallback ?? key;
      return lang === "en" && category.name_en ? category.name_en : category.name;
    },
    [categories, lang],
  );
  return { categories, nameOf };
}
