"""pandas read_csv of an HR export: the reference for kompetent's CSV parsing.

    /usr/bin/python3 bench/pandas_read.py bench/out/large/ansatte-0301.csv [--excel]

Reads the file the way a pandas user would (';', decimal comma, UTF-8 with BOM),
or with --excel the XLSX through openpyxl (read_excel). Prints the rows and the
seconds spent inside read_csv/read_excel (without interpreter start-up) as JSON.
"""
import json
import sys
import time

import pandas as pd


def main() -> None:
    path = sys.argv[1]
    started = time.perf_counter()
    if "--excel" in sys.argv:
        frame = pd.read_excel(path, engine="openpyxl", dtype={"Ansattnummer": str, "Arbeidsforhold": str,
                                                              "Stillingskode": str})
    else:
        frame = pd.read_csv(path, sep=";", decimal=",", encoding="utf-8-sig",
                            dtype={"Ansattnummer": str, "Arbeidsforhold": str, "Stillingskode": str})
    seconds = time.perf_counter() - started
    print(json.dumps({"tool": "pandas " + pd.__version__, "rows": len(frame), "read_seconds": seconds}))


if __name__ == "__main__":
    main()
