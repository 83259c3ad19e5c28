#!/usr/bin/python3
"""Reads an XLSX file with openpyxl, an independent reader, and prints what the
export tests check as JSON: every non-empty cell (value, type, number format,
bold), frozen panes, autofilter, column widths, document properties, and each
chart's kind and series references.

Usage: read_xlsx.py FILE.xlsx   (exit status 1 if openpyxl cannot read it)
"""
import json
import sys

import openpyxl


def chart_text(title):
    """The plain text of a chart title, or None."""
    if title is None or title.tx is None or title.tx.rich is None:
        return None
    runs = []
    for paragraph in title.tx.rich.p:
        for run in paragraph.r or []:
            runs.append(run.t)
    return "".join(runs)


def reference(data):
    """The formula a series part points at (strRef or numRef), or None."""
    if data is None:
        return None
    for ref in (getattr(data, "strRef", None), getattr(data, "numRef", None)):
        if ref is not None:
            return ref.f
    return None


def axis_format(axis):
    return axis.numFmt.formatCode if axis is not None and axis.numFmt is not None else None


def chart_json(chart):
    anchor = chart.anchor._from
    return {
        "kind": chart.tagname,  # barChart, lineChart
        "bar_dir": getattr(chart, "barDir", None),  # col or bar
        "grouping": getattr(chart, "grouping", None),  # clustered, stacked, standard
        "title": chart_text(chart.title),
        "anchor": {"row": anchor.row, "col": anchor.col},
        "value_axis_format": axis_format(chart.y_axis),
        "series": [
            {"name": reference(s.tx), "categories": reference(s.cat), "values": reference(s.val)}
            for s in chart.series
        ],
    }


def sheet_json(sheet):
    cells = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            cells[cell.coordinate] = {
                "value": cell.value,
                "type": cell.data_type,  # s text, n number, f formula
                "format": cell.number_format,
                "bold": bool(cell.font.b),
            }
    return {
        "name": sheet.title,
        "cells": cells,
        "freeze": sheet.freeze_panes,
        "autofilter": sheet.auto_filter.ref,
        "widths": {key: dim.width for key, dim in sheet.column_dimensions.items() if dim.width},
        "charts": [chart_json(chart) for chart in sheet._charts],
    }


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    workbook = openpyxl.load_workbook(sys.argv[1])
    result = {
        "creator": workbook.properties.creator,
        "created": workbook.properties.created.isoformat() if workbook.properties.created else None,
        "title": workbook.properties.title,
        "sheets": [sheet_json(sheet) for sheet in workbook.worksheets],
    }
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
