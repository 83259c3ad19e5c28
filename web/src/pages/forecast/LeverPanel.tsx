// The levers of seed 004's seven factors as a form: a slider per lever with its value beside it
// (percent for the user, fractions for the API), the population alternative, and task shifting
// between categories. Every change goes straight to `onChange`; the page debounces the request.
import { useId, useState } from "react";
import type { ForecastLevers } from "../../api/types";
import { formatDecimal, formatPercent, machineDecimal } from "../../format";
import { useLang, useT } from "../../i18n";
import {
  cleanNumber, parseShift, positionSizeStart, rangeOf, shiftText, shiftsOf, sliderLevers, type LeverMap, type SliderLever,
} from "./levers";

type Props = {
  levers: LeverMap;
  definitions: ForecastLevers;
  /** The categories a task can move between: key and name. */
  categories: { key: string; name: string }[];
  onChange: (levers: LeverMap) => void;
  onReset: () => void;
  changed: boolean;
};

function leverText(lever: SliderLever, value: number, lang: "nb" | "en", t: (key: string, args?: Record<string, string | number>) => string): string {
  if (lever.unit === "years") return t("forecast.years", { value: formatDecimal(value, 1, lang) });
  const percent = formatPercent(value * 100, lang);
  if (lever.unit === "percentPerYear") return t("forecast.perYear", { value: percent });
  return percent;
}

function Slider({ lever, levers, definitions, onChange }: { lever: SliderLever } & Pick<Props, "levers" | "definitions" | "onChange">) {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const { min, max } = rangeOf(lever, definitions.ranges);
  const isSize = lever.name === "position_size";
  const raw = levers[lever.name];
  const on = !isSize || typeof raw === "number";
  const fallback = definitions.ranges.find((range) => range.lever === lever.name)?.default ?? 0;
  const value = typeof raw === "number" ? raw : isSize ? positionSizeStart : fallback;
  // Moving the full-time slider while it is off switches the target on at that value.
  const set = (next: number) => onChange({ ...levers, [lever.name]: cleanNumber(next) });

  function toggle(checked: boolean) {
    const next = { ...levers };
    if (checked) next.position_size = positionSizeStart;
    else {
      delete next.position_size;
      delete next["position_size.to_year"];
    }
    onChange(next);
  }

  const machine = lever.unit === "years" ? machineDecimal(value, 1) : machineDecimal(value * 100, 1);
  return (
    <div className={`lever${on ? "" : " lever-off"}`}>
      <div className="lever-head">
        <label htmlFor={id} className="lever-label">{t(`forecast.lever.${lever.name}`)}</label>
        <output htmlFor={id} className="lever-value" data-value={on ? machine : ""} aria-live="off">
          {on ? leverText(lever, value, lang, t) : t("forecast.off")}
        </output>
      </div>
      {isSize ? (
        <label className="lever-switch">
          <input type="checkbox" data-testid="lever-position_size-on" checked={on} onChange={(e) => toggle(e.target.checked)} />
          {t("forecast.positionSizeOn")}
        </label>
      ) : null}
      <input id={id} type="range" data-testid={`lever-${lever.name}`} min={min} max={max} step={lever.step}
             value={value} aria-describedby={`${id}-help`}
             aria-valuetext={on ? leverText(lever, value, lang, t) : t("forecast.off")}
             onChange={(e) => set(Number(e.target.value))} />
      <div className="lever-scale" aria-hidden="true">
        <span>{leverText(lever, min, lang, t)}</span>
        <span>{leverText(lever, max, lang, t)}</span>
      </div>
      <p id={`${id}-help`} className="lever-help">{t(`forecast.lever.${lever.name}.help`)}</p>
    </div>
  );
}

function TaskShifts({ levers, categories, definitions, onChange }: Pick<Props, "levers" | "categories" | "definitions" | "onChange">) {
  const t = useT();
  const [lang] = useLang();
  const id = useId();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [share, setShare] = useState("10");
  const [service, setService] = useState("");
  const shifts = shiftsOf(levers);
  const nameOf = (key: string) => categories.find((c) => c.key === key)?.name ?? key;
  const serviceName = (key: string | null) => key ? definitions.services.find((s) => s.key === key)?.name ?? key : t("forecast.shiftAllServices");
  const shareNumber = Number(share.replace(",", "."));
  const valid = from !== "" && to !== "" && from !== to && Number.isFinite(shareNumber) && shareNumber > 0 && shareNumber <= 100;

  function add() {
    if (!valid) return;
    const text = shiftText({ from, to, share: cleanNumber(shareNumber / 100), service: service || null });
    onChange({ ...levers, task_shift: [...shifts, text] });
  }

  function remove(index: number) {
    const rest = shifts.filter((_, i) => i !== index);
    const next: LeverMap = { ...levers, task_shift: rest };
    if (rest.length === 0) delete next.task_shift;
    onChange(next);
  }

  return (
    <fieldset className="task-shifts">
      <legend>{t("forecast.lever.task_shift")}</legend>
      <p className="lever-help">{t("forecast.lever.task_shift.help")}</p>
      {shifts.length > 0 ? (
        <ul className="task-shift-list" data-testid="task-shift-list">
          {shifts.map((text, index) => {
            const shift = parseShift(text);
            return (
              <li key={`${text}-${index}`} data-task-shift={text}>
                <span>
                  {shift
                    ? t("forecast.shiftLine", { share: formatPercent(shift.share * 100, lang), from: nameOf(shift.from), to: nameOf(shift.to), service: serviceName(shift.service) })
                    : text}
                </span>
                <button type="button" className="button-link" onClick={() => remove(index)}
                        aria-label={t("forecast.shiftRemoveLabel", { shift: shift ? `${nameOf(shift.from)} → ${nameOf(shift.to)}` : text })}>
                  {t("forecast.shiftRemove")}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="task-shift-form">
        <div className="field">
          <label htmlFor={`${id}-from`}>{t("forecast.shiftFrom")}</label>
          <select id={`${id}-from`} data-testid="task-shift-from" value={from} onChange={(e) => setFrom(e.target.value)}>
            <option value="">{t("forecast.shiftChoose")}</option>
            {categories.map((c) => <option key={c.key} value={c.key}>{c.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t("forecast.shiftTo")}</label>
          <select id={`${id}-to`} data-testid="task-shift-to" value={to} onChange={(e) => setTo(e.target.value)}>
            <option value="">{t("forecast.shiftChoose")}</option>
            {categories.filter((c) => c.key !== from).map((c) => <option key={c.key} value={c.key}>{c.name}</option>)}
          </select>
        </div>
        <div className="field field-short">
          <label htmlFor={`${id}-share`}>{t("forecast.shiftShare")}</label>
          <input id={`${id}-share`} data-testid="task-shift-share" type="number" min={1} max={100} step={1} inputMode="decimal"
                 value={share} onChange={(e) => setShare(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-service`}>{t("forecast.shiftService")}</label>
          <select id={`${id}-service`} value={service} onChange={(e) => setService(e.target.value)}>
            <option value="">{t("forecast.shiftAllServices")}</option>
            {definitions.services.map((s) => <option key={s.key} value={s.key}>{s.name}</option>)}
          </select>
        </div>
        <button type="button" className="button button-secondary" data-testid="task-shift-add" disabled={!valid} onClick={add}>
          {t("forecast.shiftAdd")}
        </button>
      </div>
    </fieldset>
  );
}

export function LeverPanel({ levers, definitions, categories, onChange, onReset, changed }: Props) {
  const t = useT();
  const populationId = useId();
  const alternatives = definitions.population_alternatives.length > 0 ? definitions.population_alternatives : ["main", "low", "high"];
  const population = typeof levers.population === "string" ? levers.population : "main";

  return (
    <section className="panel lever-panel" aria-labelledby="levers-heading">
      <div className="section-head">
        <h2 id="levers-heading">{t("forecast.leversTitle")}</h2>
        <button type="button" className="button button-secondary" data-testid="levers-reset" onClick={onReset} disabled={!changed}>
          {t("forecast.reset")}
        </button>
      </div>
      <p className="panel-description">{t("forecast.leversHelp")}</p>
      <div className="lever-grid">
        <div className="lever">
          <div className="lever-head">
            <label htmlFor={populationId} className="lever-label">{t("forecast.lever.population")}</label>
          </div>
          <select id={populationId} data-testid="lever-population" value={population} aria-describedby={`${populationId}-help`}
                  onChange={(e) => onChange({ ...levers, population: e.target.value })}>
            {alternatives.map((alternative) => (
              <option key={alternative} value={alternative}>{t(`forecast.population.${alternative}`)}</option>
            ))}
          </select>
          <p id={`${populationId}-help`} className="lever-help">{t("forecast.lever.population.help")}</p>
        </div>
        {sliderLevers.map((lever) => (
          <Slider key={lever.name} lever={lever} levers={levers} definitions={definitions} onChange={onChange} />
        ))}
      </div>
      <TaskShifts levers={levers} categories={categories} definitions={definitions} onChange={onChange} />
    </section>
  );
}
