"""Measure tie-up detection against a labelled set: `python -m marketwatch.eval`.

Prints precision, recall and F1 at story level (is this an OEM-tech tie-up story?) and at pair
level (which OEM-tech pairs does it report?), then every miss and false alarm, so that a change
to the matcher or the config can be judged by numbers rather than by a few examples.

The labelled set is JSON Lines, one story a line, as a feed carries it:

    {"id": "jv-01", "title": "...", "summary": "...", "tieup": true,
     "pairs": [["Toyota", "Pony.ai"]], "deal_type": "joint-venture", "kind": "oem-tech",
     "category": "joint-venture", "note": "Aug 2023 announcement"}

`id`, `title` and `tieup` are required; `published` (an ISO date) is the story's date, which a
refresh gives the matcher too (`--year` gives every undated row one). `pairs` are (OEM, tech)
names or aliases from the config, required for tie-ups. `deal_type` is scored on the tie-ups
found; `kind` ("oem-oem", "tech-tech") on stories that are not tie-ups; `category` groups the rows
in `-v` output; `note` is for people.
Each title and summary is cleaned as a refresh cleans a feed's (`marketwatch.text`: HTML to
text, entities decoded), so that the matcher reads what it reads in use: "carmaker&#8217;s" as
"carmaker’s".

Labelling rules, so that new rows agree with the old ones: label what a reader of the title and
summary would say, not what the matcher finds. A tie-up's pairs are the OEM-tech pairs that take
part in the deal, as the config names them (the brand when a brand is named: Zeekr, not Geely).
A group or alliance named in a sentence stands for all its members, unless that sentence also
names the member the deal is about ("BMW Group ... in BMW's Neue Klasse" is BMW only). Owners
named only to say whose unit it is ("Alphabet's Waymo") and co-investors are not parties. A
company and its own unit (GM and Cruise) are one party: not a tie-up.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from marketwatch.config import Config, ConfigError, load_config
from marketwatch.dealtypes import DEAL_TYPES
from marketwatch.match import Matcher
from marketwatch.text import clean_summary, clean_title


def _default_set() -> Path:
    """The checkout's labelled set, wherever the command is run from; else ./tests/data/."""
    beside = Path(__file__).resolve().parent.parent / "tests" / "data" / "tieups.jsonl"
    return beside if beside.exists() else Path("tests") / "data" / "tieups.jsonl"


DEFAULT_SET = _default_set()
KINDS = ("oem-tech", "oem-oem", "tech-tech", None)

EPILOG = """examples:
  python -m marketwatch.eval                         the shipped config on tests/data/tieups.jsonl
  python -m marketwatch.eval -v                      also deal types that differ, and errors by category
  python -m marketwatch.eval --config my.toml mine.jsonl
  python -m marketwatch.eval --json | jq .stories.f1
  python -m marketwatch.eval --year 2026 tests/data/tieups_blind83.jsonl   stories read as published in 2026

exit status: 0 when the evaluation ran, 2 when the config or the labelled file is unusable.
"""


class LabelError(ValueError):
    """A labelled row that cannot be scored, phrased as the one line the user will read."""


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_json(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Report:
    stories: Score = field(default_factory=Score)
    pairs: Score = field(default_factory=Score)
    deal_types_right: int = 0
    deal_types_total: int = 0
    kinds_right: int = 0
    kinds_total: int = 0
    misses: list[dict] = field(default_factory=list)
    false_alarms: list[dict] = field(default_factory=list)
    wrong_pairs: list[dict] = field(default_factory=list)
    wrong_deal_types: list[dict] = field(default_factory=list)
    wrong_kinds: list[dict] = field(default_factory=list)
    categories: dict[str, Counter] = field(default_factory=dict)

    @property
    def deal_type_accuracy(self) -> float | None:
        return self.deal_types_right / self.deal_types_total if self.deal_types_total else None

    @property
    def kind_accuracy(self) -> float | None:
        return self.kinds_right / self.kinds_total if self.kinds_total else None

    def as_json(self) -> dict:
        def rounded(value: float | None) -> float | None:
            return None if value is None else round(value, 4)

        return {
            "stories": self.stories.as_json(), "pairs": self.pairs.as_json(),
            "deal_type_accuracy": rounded(self.deal_type_accuracy),
            "kind_accuracy": rounded(self.kind_accuracy),
            "misses": self.misses, "false_alarms": self.false_alarms, "wrong_pairs": self.wrong_pairs,
            "wrong_deal_types": self.wrong_deal_types, "wrong_kinds": self.wrong_kinds,
            "categories": {name: dict(counts) for name, counts in sorted(self.categories.items())},
        }


def load_labels(path: Path) -> list[dict]:
    """The rows of a labelled JSONL file, each checked; LabelError names the line at fault."""
    rows, seen = [], set()
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise LabelError(f"{path}:{number}: not JSON: {exc.msg}") from None
            problem = _row_problem(row)
            if problem:
                raise LabelError(f"{path}:{number}: {problem}")
            if row["id"] in seen:
                raise LabelError(f"{path}:{number}: id {row['id']!r} is used twice")
            seen.add(row["id"])
            rows.append(row)
    if not rows:
        raise LabelError(f"{path}: no labelled stories")
    return rows


def _row_problem(row: object) -> str | None:
    if not isinstance(row, dict):
        return "a row must be a JSON object"
    for key, kind in (("id", str), ("title", str), ("tieup", bool)):
        if not isinstance(row.get(key), kind):
            return f"{key!r} is missing or not a {kind.__name__}"
    if not isinstance(row.get("summary", ""), str):
        return "'summary' must be a string"
    pairs = row.get("pairs", [])
    if not isinstance(pairs, list) or not all(
            isinstance(p, list) and len(p) == 2 and all(isinstance(n, str) for n in p) for p in pairs):
        return "'pairs' must be a list of [OEM, tech] name pairs"
    if row["tieup"] and not pairs:
        return "a tie-up needs its 'pairs'"
    if row.get("deal_type") not in (None, *DEAL_TYPES):
        return f"'deal_type' must be one of {', '.join(DEAL_TYPES)}"
    if row.get("kind") not in KINDS:
        return "'kind' must be oem-tech, oem-oem, tech-tech or null"
    return None


def canonical_pairs(config: Config, pairs: list[list[str]], row_id: str = "?") -> set[tuple[str, str]]:
    out = set()
    for oem, tech in pairs:
        a, b = config.lookup(oem), config.lookup(tech)
        if a is None or b is None:
            raise LabelError(f"{row_id}: labelled company not in the config: {oem if a is None else tech!r}")
        out.add((a, b))
    return out


def evaluate(config: Config, labels: list[dict], year: int | None = None) -> Report:
    """`year`: the year every story is read as published in, as a refresh tells the matcher the
    year of each (a row's own "published" date, "2026-03-04", wins); None reads them undated."""
    matcher = Matcher(config)
    report = Report()
    for label in labels:
        published = str(label.get("published") or "")[:4]
        found = matcher.match(clean_title(label["title"]), clean_summary(label.get("summary", "")),
                              int(published) if published.isdigit() else year)
        expected = canonical_pairs(config, label.get("pairs", []), label["id"]) if label["tieup"] else set()
        got = set(found.pairs) if found.tieup else set()
        row = {"id": label["id"], "title": label["title"], "expected": sorted(expected), "got": sorted(got),
               "deal_type": found.deal_type, "kind": found.kind, "found_pairs": sorted(found.pairs),
               "sentence": found.sentence}
        outcome = _score_story(report, label, found.tieup, row)
        report.categories.setdefault(label.get("category") or "-", Counter())[outcome] += 1
        report.pairs.tp += len(got & expected)
        report.pairs.fp += len(got - expected)
        report.pairs.fn += len(expected - got)
        if label["tieup"] and found.tieup and got != expected:
            report.wrong_pairs.append(row)
    return report


def _score_story(report: Report, label: dict, found_tieup: bool, row: dict) -> str:
    """Count one story at story level; 'right', 'miss' or 'false alarm'."""
    if label["tieup"] and found_tieup:
        report.stories.tp += 1
        if label.get("deal_type"):
            report.deal_types_total += 1
            if row["deal_type"] == label["deal_type"]:
                report.deal_types_right += 1
            else:
                report.wrong_deal_types.append({**row, "expected_deal_type": label["deal_type"]})
        return "right"
    if found_tieup:
        report.stories.fp += 1
        report.false_alarms.append(row)
        return "false alarm"
    if label["tieup"]:
        report.stories.fn += 1
        report.misses.append(row)
        return "miss"
    if "kind" in label and label.get("kind") != "oem-tech":
        report.kinds_total += 1
        if row["kind"] == label.get("kind"):
            report.kinds_right += 1
        else:
            report.wrong_kinds.append({**row, "expected_kind": label.get("kind")})
    return "right"


def format_report(report: Report, labels: int, *, verbose: bool = False) -> str:
    tieups = report.stories.tp + report.stories.fn
    lines = [f"{labels} labelled stories: {tieups} OEM-tech tie-ups, {labels - tieups} other stories", "",
             f"{'level':<8} {'precision':>9} {'recall':>7} {'F1':>6} {'TP':>5} {'FP':>4} {'FN':>4}"]
    for name, score in (("story", report.stories), ("pair", report.pairs)):
        lines.append(f"{name:<8} {score.precision:>9.3f} {score.recall:>7.3f} {score.f1:>6.3f} "
                     f"{score.tp:>5} {score.fp:>4} {score.fn:>4}")
    lines.append("")
    if report.deal_types_total:
        lines.append(f"deal type as labelled on {report.deal_types_right}/{report.deal_types_total} "
                     f"tie-ups found ({report.deal_type_accuracy:.0%})")
    if report.kinds_total:
        lines.append(f"kind (oem-oem, tech-tech, none) as labelled on {report.kinds_right}/{report.kinds_total} "
                     f"other stories ({report.kind_accuracy:.0%})")
    sections = [("Misses", report.misses, None), ("False alarms", report.false_alarms, None),
                ("Tie-ups with wrong pairs", report.wrong_pairs, None)]
    if verbose:
        sections += [("Deal types that differ", report.wrong_deal_types, "expected_deal_type"),
                     ("Kinds that differ", report.wrong_kinds, "expected_kind")]
    for heading, rows, expected_key in sections:
        if rows:
            lines += ["", f"{heading} ({len(rows)}):"]
            lines += [line for row in rows for line in _format_row(row, expected_key)]
    if verbose:
        lines += ["", "By category (right / miss / false alarm):"]
        for name, counts in sorted(report.categories.items()):
            lines.append(f"  {name:<22} {counts['right']:>4} {counts['miss']:>4} {counts['false alarm']:>4}")
    return "\n".join(lines)


def _format_row(row: dict, expected_key: str | None) -> list[str]:
    out = [f"  {row['id']}: {row['title']}"]
    if expected_key == "expected_deal_type":
        out.append(f"      expected {row[expected_key]}  got {row['deal_type']}")
    elif expected_key == "expected_kind":
        out.append(f"      expected {row[expected_key] or 'no deal'}  got {row['kind'] or 'no deal'} "
                   f"{_pairs(row['found_pairs']) if row['found_pairs'] else ''}".rstrip())
    else:
        out.append(f"      expected {_pairs(row['expected'])}  got {_pairs(row['got'])}"
                   + (f" as {row['deal_type']}" if row["got"] else ""))
    if row["sentence"] and (row["got"] or expected_key):
        out.append(f"      because: {row['sentence']}")
    return out


def _pairs(pairs: list) -> str:
    return ", ".join(f"{a}–{b}" for a, b in pairs) or "none"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m marketwatch.eval", description=__doc__.split("\n\n")[1],
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("labels", nargs="?", type=Path, default=DEFAULT_SET,
                        help="labelled JSONL file (default: tests/data/tieups.jsonl)")
    parser.add_argument("--config", help="config to evaluate (default: the shipped config.toml)")
    parser.add_argument("--json", action="store_true", help="print the figures and errors as JSON")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also list deal types and kinds that differ, and errors by category")
    parser.add_argument("--year", type=int, metavar="YYYY",
                        help="read every story as published in this year, as a refresh reads a dated "
                             "story (a row's own \"published\" date wins); default: undated")
    args = parser.parse_args(argv)
    from marketwatch.paths import default_config_file

    try:
        config = load_config(args.config or default_config_file())
        labels = load_labels(args.labels)
        report = evaluate(config, labels, args.year)
    except (ConfigError, LabelError) as exc:
        print(f"marketwatch.eval: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"marketwatch.eval: {args.labels}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    text = (json.dumps(report.as_json(), indent=2, ensure_ascii=False) if args.json
            else format_report(report, len(labels), verbose=args.verbose))
    try:
        print(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `| head`: the reader has what it wanted
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - no flush error at exit
    return 0


if __name__ == "__main__":
    sys.exit(main())
