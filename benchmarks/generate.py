"""Generate realistic rusplan/v1 programme files for the benchmark harness.

    python benchmarks/generate.py --count 1000 --seed 1 --out /tmp/rusplan-bench-data

File i depends only on (seed, i), never on --count, so the first 1,000 files
of a 10,000-file set are the 1,000-file set.  The same seed gives byte-identical
files.  About a third of the files are non-compliant in one or two ways (see
FAULTS); a few of those break the schema rather than a rule.

The learning-outcome ids, their areas and the accepted spellings are read
from the rules file, so the generator never disagrees with the rules; the
faults are plain data edits (e.g. practice cut to 3 weeks).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
RULES = REPO / "rules" / "tverrfaglig-psykisk-helse-rus.yaml"
DEFAULT_OUT = "/tmp/rusplan-bench-data"
NAME = "programme-{:05d}.yaml"
HOURS_PER_WEEK = 37.5

# (name, written in Nynorsk)
INSTITUTIONS = [
    ("Universitetet i Oslo", False),
    ("Universitetet i Bergen", False),
    ("Norges teknisk-naturvitenskapelige universitet (NTNU)", False),
    ("UiT Norges arktiske universitet", False),
    ("Universitetet i Stavanger", False),
    ("Universitetet i Agder", False),
    ("Universitetet i Sørøst-Norge", False),
    ("OsloMet – storbyuniversitetet", False),
    ("Nord universitet", False),
    ("Høgskulen på Vestlandet", True),
    ("Høgskulen i Volda", True),
    ("Høgskolen i Innlandet", False),
    ("Høgskolen i Molde", False),
    ("Høgskolen i Østfold", False),
    ("VID vitenskapelige høgskole", False),
    ("Lovisenberg diakonale høgskole", False),
    ("NLA Høgskolen", False),
    ("Sámi allaskuvla / Samisk høgskole", False),
]
MUNICIPALITIES = [
    "Bergen", "Trondheim", "Tromsø", "Bodø", "Hamar", "Gjøvik", "Lillehammer", "Molde",
    "Ålesund", "Kristiansand", "Drammen", "Fredrikstad", "Sarpsborg", "Stavanger", "Sandnes",
    "Haugesund", "Steinkjer", "Levanger", "Harstad", "Alta", "Kongsberg", "Tønsberg", "Larvik",
    "Skien", "Porsgrunn", "Arendal", "Grimstad", "Volda", "Sunnfjord", "Kautokeino",
]
HEALTH_TRUSTS = [
    "Helse Bergen HF", "Sykehuset Innlandet HF", "St. Olavs hospital HF",
    "Universitetssykehuset Nord-Norge HF", "Nordlandssykehuset HF", "Helse Møre og Romsdal HF",
    "Sørlandet sykehus HF", "Vestre Viken HF", "Sykehuset Østfold HF", "Helse Stavanger HF",
    "Helse Fonna HF", "Sykehuset i Vestfold HF", "Sykehuset Telemark HF",
    "Helse Nord-Trøndelag HF", "Finnmarkssykehuset HF", "Oslo universitetssykehus HF",
    "Akershus universitetssykehus HF", "Diakonhjemmet Sykehus",
]
PROGRAMME_NAMES = [
    "Tverrfaglig videreutdanning i psykisk helse-, rus- og avhengighetsarbeid",
    "Videreutdanning i psykisk helsearbeid og rusarbeid",
    "Tverrfaglig videreutdanning i psykisk helsearbeid og rusarbeid",
    "Psykisk helse-, rus- og avhengighetsarbeid, videreutdanning",
]
COURSE_NAMES = {
    1: ["Perspektiver på psykisk helse og rusmiddelbruk", "Historikk og perspektiver", "Psykisk helse, rus og avhengighet"],
    2: ["Rammebetingelser, organisering og rettigheter", "Lovverk, organisering og tjenester", "Etikk, lovverk og organisering"],
    3: ["Etikk, relasjon og samhandling", "Relasjon, kommunikasjon og samhandling", "Samhandling og brukermedvirkning"],
    4: ["Arbeidsmåter i psykisk helsearbeid og rusarbeid", "Kartlegging, oppfølging og praksis", "Arbeid med psykiske helse- og rusmiddelproblemer"],
    5: ["Forskning, formidling og fagutvikling", "Kunnskapsbasert praksis og fagutvikling", "Vitenskapsteori, metode og formidling"],
}
TOPICS = {
    1: ["recovery-orienterte perspektiver", "stigma og sosial ekskludering", "avhengighet som fenomen", "skadereduksjon", "erfaringskunnskap"],
    2: ["pasient- og brukerrettighetsloven", "kommunale helse- og omsorgstjenester", "tvang og tvangsforebygging", "samiske brukeres rettigheter", "velferdspolitiske virkemidler"],
    3: ["motiverende samtaler", "nettverksmøter", "brukermedvirkning på systemnivå", "etiske dilemmaer i hverdagen", "tverrfaglig samarbeid"],
    4: ["kartleggingsverktøy", "oppsøkende team (FACT og ACT)", "pårørendearbeid", "legemiddelassistert rehabilitering", "selvmordsforebygging"],
    5: ["systematisk litteratursøk", "kvalitetsforbedringsarbeid", "forskningsetikk", "formidling til brukere og beslutningstakere", "implementering av retningslinjer"],
}
VERBS = ["kan anvende kunnskap om", "kan reflektere kritisk over", "kan gjøre rede for", "har inngående kunnskap om", "kan drøfte"]
CONTEXTS = ["", " i kommunale tjenester", " i spesialisthelsetjenesten", " i samarbeid med brukere og pårørende", " i eget arbeid"]
STUDENT_ACTIVE = ["seminar", "group-work", "case-work", "skills-training", "simulation", "reflection-group",
                  "supervision-group", "role-play", "project-work", "workshop", "student-presentation",
                  "gruppearbeid", "casearbeid", "ferdighetstrening"]
PASSIVE = ["lecture", "self-study", "digital-lecture", "forelesning", "selvstudium"]
TOPIC_SPELLINGS = {  # agreement topic id -> a Norwegian spelling the rules accept
    "responsibility": "ansvar", "roles": "roller", "capacity": "kapasitet",
    "competence": "kompetanse", "cooperation-arenas": "samarbeidsarenaer", "research": "forskning",
}
REQUIRED_TOPICS = ["responsibility", "roles", "capacity", "competence", "cooperation-arenas"]

# Ways a file is made non-compliant; each is one function below.
FAULTS = [
    "practice-weeks", "learning-outcomes", "admission-professions", "practice-agreements",
    "agreement-content", "credits-sum", "credits-total", "outcome-references", "practice-field",
    "practice-kind", "student-active", "admission-other", "transition", "schema",
]
NONCOMPLIANT_SHARE = 1 / 3


def regulation() -> dict:
    """Outcome ids grouped by area, and profession spellings, from the rules file."""
    with open(RULES, encoding="utf-8") as handle:
        rules = yaml.safe_load(handle)
    areas: dict[int, list[str]] = {}
    texts: dict[str, str] = {}
    for outcome in rules["outcomes"]:
        areas.setdefault(int(outcome["area"]), []).append(outcome["id"])
        texts[outcome["id"]] = outcome["text"].strip().rstrip(".")
    # Only the titles § 19 admits: the vocabulary also lists titles it refuses (admits: false).
    professions = [p for p in rules["vocabularies"]["professions"]["entries"] if p.get("admits", True)]
    return {
        "areas": dict(sorted(areas.items())),
        "texts": texts,
        "professions_nb": [p["nb"] for p in professions],
        "professions_nn": [p.get("nn", p["nb"]) for p in professions],
    }


# --- building one programme as plain data ----------------------------------


def _split_credits(rng: random.Random, n: int, total: int = 60) -> list[int]:
    credits = [5] * n
    for _ in range((total - 5 * n) // 5):
        credits[rng.randrange(n)] += 5
    return credits


def _ref(rng: random.Random, oid: str) -> str:
    """An outcome reference in one of the spellings programme files use."""
    m = re.fullmatch(r"(\d+)([a-z])", oid)
    section, letter = m.group(1), m.group(2)
    return rng.choice([oid, oid, oid, f"§ {section} {letter}", f"{section}{letter.upper()}", f"§{oid}"])


def _outcome_text(rng: random.Random, reg: dict, ids: list[str]) -> str:
    text = "Kandidaten " + reg["texts"][ids[0]]
    if len(ids) > 1:
        text += ", og " + reg["texts"][ids[1]].split(" ", 1)[1]
    return text + rng.choice(["", "", " med vekt på kommunale tjenester", " i lys av erfaringskunnskap"]) + "."


def _extra_text(rng: random.Random, area: int) -> str:
    return f"Kandidaten {rng.choice(VERBS)} {rng.choice(TOPICS[area])}{rng.choice(CONTEXTS)}."


def _course(rng, reg, code, name, credits, semester, ids, extra) -> dict:
    ids = list(ids)
    outcomes = []
    while ids:
        take = 2 if len(ids) > 1 and rng.random() < 0.25 else 1
        chunk, ids = ids[:take], ids[take:]
        outcomes.append({"text": _outcome_text(rng, reg, chunk), "covers": [_ref(rng, i) for i in chunk]})
    areas = sorted({_area_of(reg, c) for o in outcomes for c in o["covers"]})
    for _ in range(extra):
        area = rng.choice(areas)
        pos = rng.randrange(len(outcomes) + 1)
        outcomes.insert(pos, {"text": _extra_text(rng, area), "covers": [_ref(rng, rng.choice(reg["areas"][area]))]})
    forms = rng.sample(STUDENT_ACTIVE, rng.randint(1, 4)) + rng.sample(PASSIVE[:3], rng.randint(1, 2))
    course = {"code": code, "name": name, "credits": credits, "semester": semester,
              "learning_forms": sorted(set(forms), key=forms.index), "outcomes": outcomes}
    if rng.random() < 0.4:
        course["notes"] = rng.choice([
            "Emnet har obligatorisk oppmøte på samlingene.",
            "Erfaringskonsulent deltar i undervisningen.",
            "Eksamen er en individuell hjemmeeksamen over en uke.",
            "Undervisningen er samlingsbasert med digitale arbeidskrav mellom samlingene.",
        ])
    return course


def _area_of(reg: dict, ref: str) -> int:
    oid = re.sub(r"[\s§]", "", ref).lower()
    for area, ids in reg["areas"].items():
        if oid in ids:
            return area
    raise ValueError(ref)


def _frame(rng: random.Random) -> dict:
    """Institution, pace, length, start and course-code prefix: the first draws of every programme."""
    institution, nn = rng.choice(INSTITUTIONS)
    full_time = rng.random() < 0.35
    semesters = 2 if full_time else rng.choice([3, 4, 4])
    year = rng.choice([2024, 2024, 2025, 2025, 2026])
    term = rng.choice(["autumn", "autumn", "spring"])
    if nn:
        term = {"autumn": "haust", "spring": "vår"}[term]
    prefix = rng.choice(["PHR", "TPR", "MHV", "PSYRUS", "VPH", "TVPR"])
    return {"institution": institution, "nn": nn, "full_time": full_time, "semesters": semesters,
            "start": f"{year}-{term}", "prefix": prefix}


def programme(rng: random.Random, reg: dict, index: int) -> dict:
    frame = _frame(rng)
    semesters, prefix = frame["semesters"], frame["prefix"]
    n_courses = rng.randint(4, 8)
    credits = _split_credits(rng, n_courses)
    all_ids = [oid for ids in reg["areas"].values() for oid in ids]
    # Contiguous chunks of the ordered outcomes, so areas 1-3 come before 4-5.
    cuts = sorted(rng.sample(range(1, len(all_ids)), n_courses - 1))
    chunks = [all_ids[a:b] for a, b in zip([0] + cuts, cuts + [len(all_ids)])]
    has_choice = rng.random() < 0.4
    choice_at = n_courses - 1 if has_choice else -1
    base = 49 + (len(chunks[choice_at]) if has_choice else 0)
    target = max(base, rng.randint(60, 150))
    extras = [0] * n_courses
    for _ in range(target - base):
        extras[rng.randrange(n_courses)] += 1
    courses = []
    for k, (chunk, cr, extra) in enumerate(zip(chunks, credits, extras)):
        area = _area_of(reg, chunk[0])
        semester = 1 + (k * semesters) // n_courses
        if rng.random() < 0.1 and semester < semesters:
            semester = [semester, semester + 1]
        code = f"{prefix}{(semester if isinstance(semester, int) else semester[0])}{k + 1:02d}{rng.randint(0, 9)}"
        name = rng.choice(COURSE_NAMES[area])
        if k == choice_at:
            extra_a = extra // 2
            options = [
                _course(rng, reg, code, name, cr, semester, chunk, extra_a),
                _course(rng, reg, code + "M", name + " (masterløp)", cr, semester, chunk, extra - extra_a),
            ]
            courses.append({"choice": name, "notes": "Studenten velger ett av emnene.", "options": options})
        else:
            courses.append(_course(rng, reg, code, name, cr, semester, chunk, extra))
    # An entry covering two ids leaves fewer entries than planned: top up to `target`
    # (60-150 entries), each extra in an area its course already covers.
    entries = list(_all_courses({"courses": courses}))
    for _ in range(target - sum(len(c["outcomes"]) for c in entries)):
        course = rng.choice(entries)
        area = _area_of(reg, rng.choice(course["outcomes"])["covers"][0])
        course["outcomes"].insert(rng.randrange(len(course["outcomes"]) + 1),
                                  {"text": _extra_text(rng, area), "covers": [_ref(rng, rng.choice(reg["areas"][area]))]})
    practice_course = courses[min(n_courses - 1, n_courses * 2 // 3)]
    practice_code = practice_course["options"][0]["code"] if "choice" in practice_course else practice_course["code"]
    practice_semester = practice_course["options"][0]["semester"] if "choice" in practice_course else practice_course["semester"]
    practice_semester = practice_semester if isinstance(practice_semester, int) else practice_semester[-1]
    practice, agreements = _practice(rng, reg, practice_code, practice_semester)
    return _document(rng, reg, frame, courses, practice, agreements, f"nr. {index}")


def _document(rng: random.Random, reg: dict, frame: dict, courses: list, practice: list, agreements: list,
              label: str) -> dict:
    """The whole file around its courses and practice: admission, programme header, notes."""
    full_time, semesters = frame["full_time"], frame["semesters"]
    professions = list(reg["professions_nn" if frame["nn"] else "professions_nb"])
    rng.shuffle(professions)
    admission = {"degree_years": 3, "professions": professions}
    if rng.random() < 0.7:
        admission["other_education"] = {
            "individual_assessment": True,
            "min_years": 3,
            "fields": rng.sample(["psykologi", "pedagogikk", "helse- og sosialfag", "medisin", "teologi"], rng.randint(1, 3)),
            "work_experience_years": rng.choice([1, 1, 2]),
        }
    if rng.random() < 0.6:
        admission["additional_requirements"] = ["politiattest"]
    data = {
        "format": "rusplan/v1",
        "programme": {
            "institution": frame["institution"],
            "code": f"{frame['prefix']}{rng.choice(['60', '600', '6000', 'V60'])}",
            "name": rng.choice(PROGRAMME_NAMES),
            "credits": 60,
            "pace": "full-time" if full_time else "part-time",
            "semesters": semesters,
            "start": frame["start"],
            "framework": "retningslinje-2022",
        },
        "admission": admission,
        "courses": courses,
        "practice": practice,
        "agreements": agreements,
    }
    if rng.random() < 0.5:
        data["programme"]["notes"] = (
            f"{'Heltidsstudium' if full_time else 'Samlingsbasert deltidsstudium'} over {semesters} semestre "
            f"med {sum(_weeks(p) for p in practice):g} ukers praksis. Generert testprogram {label}."
        )
    return data


def _weeks(period: dict) -> float:
    return period["weeks"] if "weeks" in period else period["hours"] / HOURS_PER_WEEK


def _practice(rng, reg, course_code, semester) -> tuple[list, list]:
    total = rng.choice([4, 5, 6, 6, 6, 8, 10])
    n = rng.randint(1, 3)
    weeks = [1] * n
    for _ in range(total - n):
        weeks[rng.randrange(n)] += 1
    in_hours = rng.random() < 0.3
    kinds = ["placement"] + [rng.choice(["placement", "skills-training", "supervision-group", "workplace-project"]) for _ in range(n - 1)]
    practice_ids = reg["areas"][3] + reg["areas"][4]
    periods, providers = [], []
    for k, (kind, w) in enumerate(zip(kinds, weeks)):
        period: dict = {"name": {"placement": "Praksis i tjenestene", "skills-training": "Ferdighetstrening og simulering",
                                 "supervision-group": "Veiledningsgrupper", "workplace-project": "Utviklingsprosjekt på egen arbeidsplass"}[kind],
                        "course": course_code, "kind": kind}
        if in_hours:
            period["hours"] = w * HOURS_PER_WEEK
        else:
            period["weeks"] = w
        period["semester"] = semester
        period["fields"] = rng.choice([["mental-health", "substance-use"], ["mental-health"], ["substance-use"], ["psykisk helse", "rus"]])
        if kind == "placement":
            provider = rng.choice([f"{rng.choice(MUNICIPALITIES)} kommune", rng.choice(HEALTH_TRUSTS)])
            period["provider"] = provider
            if provider not in providers:
                providers.append(provider)
        period["covers"] = [_ref(rng, oid) for oid in rng.sample(practice_ids, rng.randint(2, 4))]
        periods.append(period)
    agreements = []
    for provider in providers:
        topics = list(REQUIRED_TOPICS) + (["research"] if rng.random() < 0.4 else [])
        if rng.random() < 0.3:
            topics = [TOPIC_SPELLINGS[t] for t in topics]
        agreements.append({"provider": provider, "regulates": topics})
    if rng.random() < 0.3:
        agreements.append({"provider": rng.choice(HEALTH_TRUSTS), "regulates": list(REQUIRED_TOPICS),
                           "notes": "Rammeavtale om praksisplasser og felles fagutvikling."})
    return periods, agreements


# --- faults -----------------------------------------------------------------


def _all_courses(data: dict):
    for course in data["courses"]:
        yield from course.get("options", [course])


def apply_fault(rng: random.Random, reg: dict, data: dict, fault: str) -> None:
    practice, courses = data["practice"], list(_all_courses(data))
    if fault == "practice-weeks":
        for period in practice[1:]:
            period.pop("weeks", None), period.pop("hours", None)
            period["weeks"] = 1
        practice[0].pop("hours", None)
        practice[0]["weeks"] = max(1, 3 - (len(practice) - 1))
        del practice[3:]
    elif fault == "learning-outcomes":
        gone = {_ref_id(r) for r in rng.sample([r for c in courses for o in c["outcomes"] for r in o["covers"]], rng.randint(1, 3))}
        for course in courses:
            for outcome in course["outcomes"]:
                outcome["covers"] = [r for r in outcome["covers"] if _ref_id(r) not in gone]
            course["outcomes"] = [o for o in course["outcomes"] if o["covers"]]
    elif fault == "admission-professions":
        data["admission"]["professions"].pop(rng.randrange(6))
    elif fault == "practice-agreements":
        if data["agreements"]:
            data["agreements"].pop(0)
    elif fault == "agreement-content":
        if not data["agreements"]:  # no placement, so no agreement yet: add a framework agreement to break
            data["agreements"].append({"provider": rng.choice(HEALTH_TRUSTS), "regulates": list(REQUIRED_TOPICS)})
        agreement = data["agreements"][0]
        optional = {"research", TOPIC_SPELLINGS["research"]}
        required = [t for t in agreement["regulates"] if t not in optional]
        for gone in rng.sample(required, rng.randint(1, 2)):  # research is optional: dropping it breaks nothing
            agreement["regulates"].remove(gone)
    elif fault == "credits-sum":
        course = rng.choice(courses)
        course["credits"] += rng.choice([-2.5, 5])
    elif fault == "credits-total":
        data["programme"]["credits"] = rng.choice([30, 45, 90])
    elif fault == "outcome-references":
        outcome = rng.choice(rng.choice(courses)["outcomes"])
        outcome["covers"].append(rng.choice(["4h", "19a", "§ 3 b", "20c"]))
    elif fault == "practice-field":
        rng.choice(practice)["fields"] = rng.choice([["somatic-care"], ["somatikk"], ["mental-health", "eldreomsorg"]])
    elif fault == "practice-kind":
        rng.choice(practice)["kind"] = rng.choice(["observation", "hospitering", "e-læring"])
    elif fault == "student-active":
        for course in courses:
            course["learning_forms"] = rng.sample(PASSIVE, rng.randint(1, 2))
    elif fault == "admission-other":
        other = data["admission"].setdefault("other_education", {"individual_assessment": True, "min_years": 3})
        if rng.random() < 0.5:
            other["individual_assessment"] = False
        else:
            other["min_years"] = 2
    elif fault == "transition":
        data["programme"]["framework"] = "rammeplan-2005"
        data["programme"]["start"] = f"{rng.choice([2024, 2025])}-autumn"
    elif fault == "schema":
        course = rng.choice(courses)
        kind = rng.randrange(3)
        if kind == 0:
            del course["semester"]
        elif kind == 1:
            course["credits"] = "ti"
        else:
            course["praksis"] = "se practice"
    else:  # pragma: no cover - FAULTS and this function go together
        raise ValueError(fault)


def _ref_id(ref: str) -> str:
    return re.sub(r"[\s§]", "", ref).lower()


# --- writing YAML by hand: stable bytes, quoting as people write it ---------

_PLAIN_BAD_START = set("-?:,[]{}#&*!|>'\"%@`")
_LOOKS_TYPED = re.compile(r"^([-+]?[0-9.]+([eE][-+]?[0-9]+)?|true|false|yes|no|on|off|null|~|y|n)$", re.I)


def _scalar(value, flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    text = str(value)
    plain = (
        text
        and text[0] not in _PLAIN_BAD_START
        and text == text.strip()
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and not _LOOKS_TYPED.match(text)
        and not re.match(r"^\d{4}-\d\d-\d\d", text)
        and not (flow and any(c in text for c in ",[]{}"))
    )
    return text if plain else json.dumps(text, ensure_ascii=False)


def _flow(items, quote: bool = False) -> str:
    return "[" + ", ".join(json.dumps(i, ensure_ascii=False) if quote else _scalar(i, flow=True) for i in items) + "]"


def _emit_map(lines: list, data: dict, indent: int, first_prefix: str = "") -> None:
    pad = " " * indent
    for k, (key, value) in enumerate(data.items()):
        lead = first_prefix if k == 0 and first_prefix else pad
        if isinstance(value, dict):
            lines.append(f"{lead}{key}:")
            _emit_map(lines, value, indent + 2)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{lead}{key}:")
            for item in value:
                _emit_map(lines, item, indent + 4, " " * (indent + 2) + "- ")
        elif isinstance(value, list):
            lines.append(f"{lead}{key}: {_flow(value, quote=(key == 'covers'))}")
        elif key == "notes" and len(str(value)) > 70:
            lines.append(f"{lead}{key}: >-")
            for chunk in _wrap(str(value), 88):
                lines.append(f"{pad}  {chunk}")
        else:
            lines.append(f"{lead}{key}: {_scalar(value)}")


def _wrap(text: str, width: int) -> list:
    out, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return out + [line]


def render(data: dict, header: str) -> str:
    lines = [f"# {header}"]
    for key, value in data.items():
        if key in ("admission", "courses", "practice", "agreements"):
            lines.append("")
        if isinstance(value, dict):
            lines.append(f"{key}:")
            _emit_map(lines, value, 2)
        elif isinstance(value, list) and not value:
            lines.append(f"{key}: []")
        elif isinstance(value, list):
            lines.append(f"{key}:")
            for k, item in enumerate(value):
                if key == "courses" and k:
                    lines.append("")
                _emit_map(lines, item, 4, "  - ")
        else:
            lines.append(f"{key}: {_scalar(value)}")
    return "\n".join(lines) + "\n"


# --- the set ----------------------------------------------------------------


def one(seed: int, index: int, reg: dict) -> tuple[str, list[str]]:
    """The text of file `index` and the faults put into it ([] = compliant)."""
    rng = random.Random(f"rusplan-bench/{seed}/{index}")
    data = programme(rng, reg, index)
    faults: list[str] = []
    if rng.random() < NONCOMPLIANT_SHARE:
        faults = rng.sample(FAULTS, 1 if rng.random() < 0.8 else 2)
        for fault in faults:
            apply_fault(rng, reg, data, fault)
    header = f"rusplan benchmark file {index} (seed {seed}); " + (f"non-compliant: {', '.join(faults)}" if faults else "compliant")
    return render(data, header), faults


# --- shapes: the same programme with 0 ... k of its courses offered as a choice ----

# (courses per study path, binary choices): each family is one programme whose
# first k evenly spread courses also come in a "(masterløp)" variant, so within a
# family the files differ only in their choices (issue 16: 0, 4, 8 and 20 choices,
# 20- and 60-course programmes).
SHAPE_COURSES = (20, 60)
SHAPE_CHOICES = (0, 4, 8, 20)
SHAPE_NAME = "shape-{courses:02d}-courses-{choices:02d}-choices.yaml"


def _choice_slots(n_courses: int, n_choices: int) -> set[int]:
    return {(2 * j + 1) * n_courses // (2 * n_choices) for j in range(n_choices)}


def shaped(seed: int, n_courses: int, n_choices: int, reg: dict) -> dict:
    """A compliant programme of `n_courses` courses per path, `n_choices` of them a choice of two.

    The family's draws come from one generator seeded by (seed, n_courses) and each
    variant's from its own (seed, n_courses, slot), so the files of a family share
    every byte outside the choices.  Credits are 60 / n_courses per course; the 49
    outcomes are split in order over the courses (a course past the 49th repeats
    its neighbour's outcome), so areas 1-3 come before 4-5.  The practice periods
    name no course.
    """
    rng = random.Random(f"rusplan-bench/{seed}/shape/{n_courses}")
    frame = _frame(rng)
    all_ids = [oid for ids in reg["areas"].values() for oid in ids]
    slots = _choice_slots(n_courses, n_choices)
    courses = []
    for k in range(n_courses):
        a, b = k * len(all_ids) // n_courses, (k + 1) * len(all_ids) // n_courses
        chunk = all_ids[a:max(b, a + 1)]
        semester = 1 + (k * frame["semesters"]) // n_courses
        code = f"{frame['prefix']}{semester}{k + 1:02d}{rng.randint(0, 9)}"
        name = rng.choice(COURSE_NAMES[_area_of(reg, chunk[0])])
        extra, credits = rng.randint(0, 2), 60 / n_courses
        course = _course(rng, reg, code, name, credits, semester, chunk, extra)
        if k in slots:
            variant_rng = random.Random(f"rusplan-bench/{seed}/shape/{n_courses}/variant/{k}")
            variant = _course(variant_rng, reg, code + "M", name + " (masterløp)", credits, semester, chunk, extra)
            course = {"choice": name, "notes": "Studenten velger ett av emnene.", "options": [course, variant]}
        courses.append(course)
    # Practice belongs to the programme, not to a course, so that every path of every
    # shape has the same practice (a period linked to an option counts only on its paths).
    practice, agreements = _practice(rng, reg, None, 1 + frame["semesters"] * 2 // 3)
    for period in practice:
        del period["course"]
    return _document(rng, reg, frame, courses, practice, agreements, f"med {n_courses} emner")


def generate_shapes(out: str | Path, seed: int = 1) -> list[dict]:
    """Write one file per (courses, choices) shape into `out`; return name, courses, choices, paths per file."""
    out = Path(out)
    check_outside_repo(out)
    out.mkdir(parents=True, exist_ok=True)
    reg = regulation()
    made = []
    for n_courses in SHAPE_COURSES:
        for n_choices in SHAPE_CHOICES:
            name = SHAPE_NAME.format(courses=n_courses, choices=n_choices)
            header = (f"rusplan benchmark shape (seed {seed}): {n_courses} courses, {n_choices} binary choices, "
                      f"{2 ** n_choices:,} study paths; compliant")
            with open(out / name, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(render(shaped(seed, n_courses, n_choices, reg), header))
            made.append({"name": name, "courses": n_courses, "choices": n_choices, "paths": 2 ** n_choices})
    return made


def check_outside_repo(out: Path) -> None:
    out = out.resolve()
    if out.is_relative_to(REPO) and not out.is_relative_to(REPO / "bench-data"):
        sys.exit(f"generate.py: refusing to write into the repository ({out}); use a folder under /tmp or bench-data/")


def generate(out: str | Path, count: int, seed: int = 1) -> list[tuple[str, list[str]]]:
    """Write `count` files into `out` (old programme-*.yaml there are removed); return (name, faults) per file."""
    out = Path(out)
    check_outside_repo(out)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("programme-*.yaml"):
        old.unlink()
    reg = regulation()
    made = []
    for index in range(count):
        text, faults = one(seed, index, reg)
        name = NAME.format(index)
        with open(out / name, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        made.append((name, faults))
    return made


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="number of files (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})")
    parser.add_argument("--shapes", action="store_true",
                        help="write the choice shapes (20 and 60 courses x 0, 4, 8, 20 binary choices) instead")
    args = parser.parse_args(argv)
    if args.shapes:
        for shape in generate_shapes(args.out, args.seed):
            print(f"{args.out}/{shape['name']}: {shape['courses']} courses, {shape['choices']} choices, "
                  f"{shape['paths']:,} study paths")
        return 0
    made = generate(args.out, args.count, args.seed)
    faults = Counter(f for _, fs in made for f in fs)
    bad = sum(1 for _, fs in made if fs)
    size = sum(os.path.getsize(os.path.join(args.out, name)) for name, _ in made)
    print(f"wrote {len(made)} files ({size / 1e6:.1f} MB) to {args.out}: {len(made) - bad} compliant, {bad} non-compliant")
    for fault, n in sorted(faults.items()):
        print(f"  {fault:<22} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
