#!/usr/bin/env python3
"""Prints every sheet of an XLSX workbook as JSON, read with openpyxl (independent of kompetent).

Usage: read_xlsx.py FILE  ->  {"sheets": [{"name": ..., "rows": [[cell, ...], ...],
                                           "formats": [[number_format, ...], ...]}]}
Cells are numbers, strings, booleans or null; dates as ISO strings.
"""
import datetime
import json
import sys

import openpyxl


def plain(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def main(path):
    workbook = openpyxl.load_workbook(path, data_only=True)
    sheets = []
    for sheet in workbook.worksheets:
        rows, formats = [], []
        for row in sheet.iter_rows():
            rows.append([plain(cell.value) for cell in row])
            formats.append([cell.number_format for cell in row])
        sheets.append({"name": sheet.title, "rows": rows, "formats": formats})
    json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
