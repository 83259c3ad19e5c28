// The compare page (CONTRACT.md "Compare", route /sammenligning?kommune=&node=&fra=&til=): two
// snapshots of one municipality (or one of its sectors or units) side by side. Headline joiners,
// leavers and turnover between them; per category the same and the change of FTE, average age and
// part-time share; a chart of joiners against leavers per category with its table.
// Data: GET /indicators?…&by=category&date=<til>&compare=<fra> (the later figures and the
// turnover) and the same for date=<fra> (the earlier figures). The query string is the state.
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { useApi } from "../api/useApi";
import type { IndicatorTable, MunicipalityList, SnapshotList, Tree } from "../api/types";
import { ErrorMessage } from "../components/ErrorMessage";
import { ExportLinks } from "../components/ExportLinks";
import { KpiCard, KpiGrid } from "../components/KpiCard";
import { Loading } from "../components/Loading";
import { SuppressionNote } from "../components/SuppressionNote";
import { formatDate } from "../format";
import { useLang, useT } from "../i18n";
import { useSession } from "../session";
import { CompareTable } from "./compare/CompareTable";
import { FlowChart } from "./compare/FlowChart";
import { changeAverageAge, changeFte, changePartTime, compareRows, turnoverOf } from "./compare/compareRows";
import { useCategories } from "./region/categories";
import "./compare/compare.css";

/** The node's name from the tree ("Helse og omsorg", "Sentrum sykehjem"), or the path itself. */
function nodeName(tree: Tree | null, node: string): string {
  const [, sectorCode, unitCode] = node.split("/");
  const sector = tree?.sectors.find((s) => s.code === sectorCode);
  if (!sector) return node;
  if (!unitCode) return sector.name || sectorCode;
  return sector.units.find((u) => u.code === unitCode)?.name || unitCode;
}

export default function ComparePage() {
  const t = useT();
  const [lang] = useLang();
  const { user, role } = useSession();
  const [params, setParams] = useSearchParams();
  const categoryNames = useCategories();

  // Which municipality: hr and unit leaders have their own; coordinators and administrators choose
  // among those /municipalities gives them (default the first).
  const ownMunicipality = user?.municipality ?? null;
  const chooses = role === "coordinator" || role === "administrator";
  const municipalities = useApi<MunicipalityList>(chooses ? "/municipalities" : null);
  const choices = municipalities.data?.municipalities ?? [];
  const municipality = chooses
    ? params.get("kommune") ?? choices[0]?.number ?? null
    : ownMunicipality;
  const municipalityName = choices.find((m) => m.number === municipality)?.name;
  // A unit leader sees their own units only: default the first of them.
  const node = params.get("node") ?? (role === "unit_leader" ? user?.units[0] ?? null : null);
  const tree = useApi<Tree>(node && municipality ? `/municipalities/${municipality}/tree` : null);

  const snapshots = useApi<SnapshotList>(municipality ? `/municipalities/${municipality}/snapshots` : null);
  const dates = useMemo(
    () => (snapshots.data?.snapshots ?? []).map((s) => s.date).sort(),
    [snapshots.data],
  );
  const to = params.get("til") ?? dates[dates.length - 1] ?? null;
  const from = params.get("fra") ?? dates.filter((d) => to === null || d < to).pop() ?? null;
  const ordered = from !== null && to !== null && from < to;
  // A shared link may name a date between snapshots (the API then takes the latest before it):
  // keep it in the lists so the selects show what the page shows.
  const options = [...new Set([...dates, ...(from ? [from] : []), ...(to ? [to] : [])])].sort();

  const base = { municipality, node, by: "category" };
  const after = useApi<IndicatorTable>(ordered ? "/indicators" : null, { ...base, date: to, compare: from });
  const before = useApi<IndicatorTable>(ordered ? "/indicators" : null, { ...base, date: from });

  const rows = useMemo(
    () => (after.data && before.data ? compareRows(after.data, before.data) : null),
    [after.data, before.data],
  );
  const total = rows?.find((row) => row.category === "") ?? null;
  const totalTurnover = total ? turnoverOf(total) : null;

  function setParam(name: string, value: string | null) {
    const next = new URLSearchParams(params);
    if (value === null || value === "") next.delete(name);
    else next.set(name, value);
    // Keep both dates in the URL once one is chosen, so the link shows exactly this comparison.
    if (name === "fra" && !next.has("til") && to) next.set("til", to);
    if (name === "til" && !next.has("fra") && from) next.set("fra", from);
    if (name === "kommune") {
      next.delete("fra");
      next.delete("til");
      next.delete("node");
    }
    setParams(next);
  }

  const scopeName = municipalityName
    ? t("compare.municipalityName", { name: municipalityName })
    : after.data?.scope.name
      ? t("compare.municipalityName", { name: after.data.scope.name })
      : municipality ?? "";
  const title = node ? nodeName(tree.data, node) : scopeName;

  // The note shows whenever any cell of the view is withheld.
  const withheld = rows?.some((row) => {
    const turnover = turnoverOf(row);
    return turnover === null || Object.values(turnover).some((value) => value === null)
      || changeFte(row) === null || changeAverageAge(row) === null || changePartTime(row) === null;
  }) ?? false;
  const minGroup = after.data?.suppression.min_group ?? 5;

  let body;
  if (chooses && municipalities.error) {
    body = <ErrorMessage error={municipalities.error} onRetry={municipalities.reload} />;
  } else if (municipality === null) {
    body = municipalities.loading ? <Loading /> : <p className="empty-state">{t("compare.noMunicipality")}</p>;
  } else if (snapshots.error) {
    body = <ErrorMessage error={snapshots.error} onRetry={snapshots.reload} />;
  } else if (snapshots.loading) {
    body = <Loading />;
  } else if (dates.length < 2) {
    body = (
      <div className="empty-state">
        <p>{t("compare.needTwo", { count: dates.length })}</p>
        {role === "hr" ? <p><Link to="/import">{t("compare.toImport")}</Link></p> : null}
      </div>
    );
  } else if (!ordered) {
    body = <p className="note note-attention" role="alert">{t("compare.chooseOrder")}</p>;
  } else if (after.error || before.error) {
    body = <ErrorMessage error={after.error ?? before.error} onRetry={() => { after.reload(); before.reload(); }} />;
  } else if (!rows || !total) {
    body = <Loading />;
  } else {
    body = (
      <>
        <KpiGrid label={t("compare.kpis")}>
          <KpiCard label={t("compare.personsBefore")} testId="compare-kpi-persons-before" kind="integer"
                   value={totalTurnover ? totalTurnover.persons_before : null}
                   description={t("compare.personsBeforeHelp", { date: formatDate(from, lang) })} />
          <KpiCard label={t("compare.personsAfter")} testId="compare-kpi-persons-after" kind="integer"
                   value={totalTurnover ? totalTurnover.persons_after : null}
                   description={t("compare.personsAfterHelp", { date: formatDate(to, lang) })} />
          <KpiCard label={t("compare.joiners")} testId="compare-kpi-joiners" kind="integer"
                   value={totalTurnover ? totalTurnover.joiners : null}
                   description={t("compare.joinersHelp")} />
          <KpiCard label={t("compare.leavers")} testId="compare-kpi-leavers" kind="integer" tone="attention"
                   value={totalTurnover ? totalTurnover.leavers : null}
                   description={t("compare.leaversHelp")} />
          <KpiCard label={t("compare.turnover")} testId="compare-kpi-turnover" kind="share" tone="attention"
                   value={totalTurnover ? totalTurnover.turnover : null}
                   description={t("compare.turnoverHelp")} />
        </KpiGrid>

        <p className="compare-explain">
          <strong>{t("compare.turnoverWhatTitle")}</strong> {t("compare.turnoverExplained")}
        </p>

        <SuppressionNote minGroup={minGroup} show={withheld} />

        <section className="panel" aria-labelledby="compare-table-title">
          <div className="section-head">
            <h2 id="compare-table-title">{t("compare.byCategory")}</h2>
            <ExportLinks query={{ municipality, node, by: "category", date: to, compare: from }} />
          </div>
          <p className="panel-description">{t("compare.byCategoryHelp")}</p>
          <CompareTable rows={rows} from={from} to={to} scope={title} categoryNames={categoryNames} />
        </section>

        <FlowChart rows={rows} categoryNames={categoryNames} from={from} to={to} />
      </>
    );
  }

  return (
    <div className="page compare-page">
      <div className="page-head">
        <div>
          <h1>{t("compare.title")}</h1>
          <p className="page-kicker">{title}</p>
        </div>
        {municipality !== null ? (
          <form className="toolbar" aria-label={t("compare.choose")} onSubmit={(e) => e.preventDefault()}>
            {chooses && choices.length > 1 ? (
              <div className="field">
                <label htmlFor="compare-municipality">{t("compare.municipality")}</label>
                <select id="compare-municipality" value={municipality}
                        onChange={(e) => setParam("kommune", e.target.value)}>
                  {choices.map((m) => <option key={m.number} value={m.number}>{m.name}</option>)}
                </select>
              </div>
            ) : null}
            {dates.length >= 2 ? (
              <>
                <div className="field">
                  <label htmlFor="compare-from">{t("compare.from")}</label>
                  <select id="compare-from" data-testid="compare-from" value={from ?? ""}
                          onChange={(e) => setParam("fra", e.target.value)}>
                    {options.map((d) => <option key={d} value={d}>{formatDate(d, lang)}</option>)}
                  </select>
                </div>
                <span className="compare-arrow" aria-hidden="true">→</span>
                <div className="field">
                  <label htmlFor="compare-to">{t("compare.to")}</label>
                  <select id="compare-to" data-testid="compare-to" value={to ?? ""}
                          onChange={(e) => setParam("til", e.target.value)}>
                    {options.map((d) => <option key={d} value={d}>{formatDate(d, lang)}</option>)}
                  </select>
                </div>
              </>
            ) : null}
          </form>
        ) : null}
      </div>
      {body}
    </div>
  );
}
