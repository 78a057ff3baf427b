"""Turns the results bench/run.sh collected into a Markdown table and a list of targets.

    python3 bench/summarise.py WORK SIZE...

WORK holds hyperfine's JSON exports (`SIZE.json`, `SIZE-build.json`, `SIZE-check-jsonschema.json`,
`reference.json`), `memory.tsv` (size, command, peak KiB) and `build-out.txt` (the type of file
system `mcred build` wrote to).
"""

import json
import os
import platform
import sys


def load(path):
    with open(path) as f:
        return {r["command"]: r for r in json.load(f)["results"]}


def seconds(value):
    if value < 1:
        return f"{value * 1000:.0f} ms" if value >= 0.01 else f"{value * 1000:.1f} ms"
    return f"{value:.2f} s"


def main():
    work, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]
    memory = {}
    with open(os.path.join(work, "memory.tsv")) as f:
        for line in f:
            size, name, kib = line.rstrip("\n").split("\t")
            if kib.strip().isdigit():
                memory[(size, name)] = int(kib) / 1024

    results = {}
    for size in sizes:
        results[size] = load(os.path.join(work, f"{size}.json"))
        for part in ["build", "check-jsonschema"]:
            results[size].update(load(os.path.join(work, f"{size}-{part}.json")))
    reference = load(os.path.join(work, "reference.json"))["mcred lint"]

    def row(label, name, r, base, mem):
        runs = len(r["times"])
        spread = f"{seconds(r['min'])} – {seconds(r['max'])}" if runs > 1 else "one run"
        ratio = f"{r['median'] / base:.1f}×" if base else "—"
        peak = f"{mem:.0f} MiB" if mem is not None else "—"
        return f"| {label} | {name} | {seconds(r['median'])} | {spread} | {ratio} | {peak} |"

    cores = os.cpu_count()
    load_avg = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    with open(os.path.join(work, "build-out.txt")) as f:
        written = f.read().strip() or "unknown"
    print(f"Machine: {platform.machine()}, {cores} cores, load average {load_avg} at the end.")
    print(f"`mcred build` wrote its packages to a {written} file system.")
    print()
    print("| credentials | command | median | min – max | time ÷ `mcred lint` | peak memory |")
    print("|---:|---|---:|---:|---:|---:|")
    print(row("15 (reference)", "`mcred lint`", reference, reference["median"], memory.get(("reference", "mcred lint"))))
    for size in sizes:
        base = results[size]["mcred lint"]["median"]
        for name in ["mcred lint", "mcred build", "ajv-cli", "check-jsonschema"]:
            label = f"{size:,}"
            shown = f"`{name}`" if name.startswith("mcred") else name
            print(row(label, shown, results[size][name], base, memory.get((str(size), name))))
    print()

    big, small = max(sizes), (1000 if 1000 in sizes else min(sizes))
    r = results[big]
    lint, build, ajv, check = (r[n]["median"] for n in ["mcred lint", "mcred build", "ajv-cli", "check-jsonschema"])
    peak = memory.get((str(big), "mcred lint"))
    scale = lint / results[small]["mcred lint"]["median"]

    def target(met, text):
        print(f"- {'met' if met else '**not met**'}: {text}")

    print(f"Targets, at {big:,} credentials:")
    print()
    target(ajv / lint >= 4, f"`mcred lint` is {ajv / lint:.1f}× faster than ajv-cli (at least 4×)")
    target(check / lint >= 100, f"`mcred lint` is {check / lint:.0f}× faster than check-jsonschema (at least 100×)")
    if peak is not None:
        target(peak < 100, f"`mcred lint` peaks at {peak:.0f} MiB (under 100 MiB)")
    target(scale <= 12, f"{big:,} credentials take {scale:.1f}× the time of {small:,} (at most 12×)")
    target(build <= 1.5 * ajv, f"`mcred build` takes {build / ajv:.2f}× ajv-cli's time (at most 1.5×)")
    target(reference["median"] < 0.030, f"`mcred lint` of the reference catalog takes {seconds(reference['median'])} (under 30 ms)")


if __name__ == "__main__":
    main()
