"""The user-facing sentences of the tool itself, in Bokmål and English.

Sentences about the regulation (rule titles, quotes, rule messages) live in
the rules file; this table holds only the tool's own words: input errors,
generic check-function messages and report chrome.  Templates use
``str.format`` fields; :func:`text` fills them.
"""

from __future__ import annotations

LANGS = ("nb", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # --- loading ---------------------------------------------------------
    "not-found": {"nb": "filen finnes ikke", "en": "file not found"},
    "unreadable": {"nb": "kan ikke lese filen: {reason}", "en": "cannot read file: {reason}"},
    "not-a-file": {"nb": "ikke en vanlig fil", "en": "not a regular file"},
    "unreadable-folder": {"nb": "kan ikke lese mappen: {reason}", "en": "cannot read folder: {reason}"},
    "link-broken": {
        "nb": "symbolsk lenke som er brutt eller går i ring; hoppet over",
        "en": "broken or looping symbolic link; skipped",
    },
    "link-outside": {
        "nb": "symbolsk lenke som peker ut av mappen; ikke fulgt",
        "en": "symbolic link points outside the folder; not followed",
    },
    "special-file": {
        "nb": "ikke en vanlig fil (FIFO, enhet eller socket); hoppet over",
        "en": "not a regular file (FIFO, device or socket); skipped",
    },
    "too-large": {
        "nb": "filen er {size} byte, over grensen på {limit}; øk grensen med --max-bytes hvis filen er ekte",
        "en": "file is {size} bytes, over the limit of {limit}; raise it with --max-bytes if the file is genuine",
    },
    "binary": {
        "nb": "binærdata: NUL-byte ved posisjon {offset}; programfiler er UTF-8-tekst",
        "en": "binary data: NUL byte at offset {offset}; programme files are UTF-8 text",
    },
    "utf16": {
        "nb": "filen ser ut til å være UTF-16 (NUL-byte ved posisjon {offset}); lagre den som UTF-8",
        "en": "the file looks like UTF-16 (NUL byte at offset {offset}); save it as UTF-8",
    },
    "encoding": {
        "nb": "ikke UTF-8: ugyldig byte ved posisjon {offset}; lagre filen som UTF-8",
        "en": "not UTF-8: invalid byte at offset {offset}; save the file as UTF-8",
    },
    "too-deep": {"nb": "nøstingen er dypere enn {limit} nivåer", "en": "nesting is deeper than {limit} levels"},
    "too-many-nodes": {
        "nb": "dokumentet utvides til mer enn {limit} noder (ankere og alias, &a / *a, mangedobler innholdet)",
        "en": "the document expands to more than {limit} nodes (anchors and aliases, &a / *a, multiply the data)",
    },
    "too-many-nodes-written": {
        "nb": "dokumentet har mer enn {limit} noder; en programfil trenger langt færre",
        "en": "the document has more than {limit} nodes; a programme file needs far fewer",
    },
    "empty": {"nb": "filen er tom", "en": "the file is empty"},
    "multiple-documents": {
        "nb": "et nytt YAML-dokument ('---') følger etter det første; en programfil har nøyaktig ett",
        "en": "a second YAML document ('---') follows the first; a programme file holds exactly one",
    },
    "duplicate-key": {
        "nb": "nøkkelen '{key}' står to ganger (første gang på linje {first_line})",
        "en": "duplicate key '{key}' (first at line {first_line})",
    },
    "yaml11-bool": {
        "nb": "'{value}' uten anførselstegn er en YAML 1.1-boolsk verdi; skriv \"{value}\" hvis du mener teksten, eller true/false",
        "en": "unquoted '{value}' is a YAML 1.1 boolean; write \"{value}\" if you mean the text, or true/false",
    },
    "ambiguous-number": {
        "nb": "'{value}' leses som et tall på en overraskende måte (oktal, seksagesimal, heksadesimal eller med '_'); skriv \"{value}\" eller et vanlig tall",
        "en": "'{value}' is read as a number in a surprising way (octal, sexagesimal, hex or with '_'); write \"{value}\" or a plain number",
    },
    "date-not-text": {
        "nb": "'{value}' leses som en dato, men her ventes tekst; skriv \"{value}\" i anførselstegn",
        "en": "'{value}' is read as a date where text is expected; write \"{value}\" in quotes",
    },
    "merge-key": {"nb": "YAML-flettenøkler ('<<') støttes ikke; skriv nøklene ut", "en": "YAML merge keys ('<<') are not supported; write the keys out"},
    "tag": {"nb": "YAML-tagger ('!') støttes ikke: {tag}", "en": "YAML tags ('!') are not supported: {tag}"},
    "complex-key": {
        "nb": "en nøkkel må være vanlig tekst, ikke en liste eller tabell",
        "en": "a key must be plain text, not a list or mapping",
    },
    "not-a-programme": {
        "nb": "ikke en rusplan-programfil: 'format' er {found}, ventet 'rusplan/v1'",
        "en": "not a rusplan programme file: 'format' is {found}, expected 'rusplan/v1'",
    },
    # --- schema ----------------------------------------------------------
    "schema-unknown-key": {"nb": "{where}: ukjent nøkkel '{key}'{suggestion}", "en": "{where}: unknown key '{key}'{suggestion}"},
    "schema-suggestion": {"nb": "; mente du '{best}'?", "en": "; did you mean '{best}'?"},
    "schema-required": {"nb": "{where}: mangler '{key}'", "en": "{where}: '{key}' is missing"},
    "schema-type": {"nb": "{where}: ventet {expected}, fant {found}", "en": "{where}: expected {expected}, found {found}"},
    "schema-null": {
        "nb": "{where}: verdien er tom; ventet {expected}",
        "en": "{where}: the value is empty; expected {expected}",
    },
    "schema-enum": {"nb": "{where}: ventet en av {allowed}, fant {found}", "en": "{where}: expected one of {allowed}, found {found}"},
    "schema-pattern": {"nb": "{where}: {found} har feil form; {description}", "en": "{where}: {found} is not in the expected form; {description}"},
    "schema-minimum": {"nb": "{where}: må være minst {limit}, fant {found}", "en": "{where}: must be at least {limit}, found {found}"},
    "schema-exclusiveMinimum": {"nb": "{where}: må være over {limit}, fant {found}", "en": "{where}: must be over {limit}, found {found}"},
    "schema-maximum": {"nb": "{where}: kan være høyst {limit}, fant {found}", "en": "{where}: must be at most {limit}, found {found}"},
    "schema-minItems": {"nb": "{where}: må ha minst {limit} element", "en": "{where}: must have at least {limit} item(s)"},
    "schema-minLength": {"nb": "{where}: kan ikke være tom tekst", "en": "{where}: must not be empty text"},
    "schema-date": {
        "nb": "{where}: {found} er ikke en gyldig dato (ÅÅÅÅ-MM-DD)",
        "en": "{where}: {found} is not a valid date (YYYY-MM-DD)",
    },
    "schema-weeks-or-hours": {
        "nb": "{where}: oppgi enten 'weeks' eller 'hours' (ikke begge, ikke ingen)",
        "en": "{where}: give either 'weeks' or 'hours' (not both, not neither)",
    },
    "schema-other": {"nb": "{where}: {detail}", "en": "{where}: {detail}"},
    "type-string": {"nb": "tekst", "en": "text"},
    "type-integer": {"nb": "et heltall", "en": "a whole number"},
    "type-number": {"nb": "et tall", "en": "a number"},
    "type-boolean": {"nb": "true eller false", "en": "true or false"},
    "type-array": {"nb": "en liste", "en": "a list"},
    "type-object": {"nb": "en tabell med nøkler", "en": "a mapping of keys"},
    "type-null": {"nb": "ingenting", "en": "nothing"},
    # --- consistency (after the schema, before the rules) ------------------
    "semester-beyond": {
        "nb": "{where}: semester {semester} er etter programmets siste semester ({semesters})",
        "en": "{where}: semester {semester} is after the programme's last semester ({semesters})",
    },
    "unknown-course": {
        "nb": "{where}: emnet '{code}' finnes ikke i 'courses'{suggestion}",
        "en": "{where}: course '{code}' is not among the courses{suggestion}",
    },
    "duplicate-course": {
        "nb": "{where}: emnekoden '{code}' er brukt før (linje {first_line})",
        "en": "{where}: course code '{code}' is used twice (first at line {first_line})",
    },
    "unknown-term": {"nb": "{where}: ukjent semesterbetegnelse '{term}'", "en": "{where}: unknown term '{term}'"},
    "term-out-of-range": {
        "nb": "{where}: '{term}' er utenfor kalenderen rusplan kan regne med; alle semestrene må ligge i årene 1–9999",
        "en": "{where}: '{term}' is outside the calendar rusplan can compute with; every term must fall in the years 1–9999",
    },
    "too-many-paths": {
        "nb": "valgene gir {count} studieløp, over grensen på {limit}",
        "en": "the choices make {count} study paths, over the limit of {limit}",
    },
    "nearest": {"nb": "; nærmeste er {best}", "en": "; the nearest is {best}"},
    # --- rules files -----------------------------------------------------
    "rules-invalid": {"nb": "ugyldig regelfil: {detail}", "en": "invalid rules file: {detail}"},
    # --- report chrome -----------------------------------------------------
    "status-pass": {"nb": "bestått", "en": "pass"},
    "status-fail": {"nb": "feil", "en": "fail"},
    "status-warn": {"nb": "advarsel", "en": "warning"},
    "status-skip": {"nb": "hoppet over", "en": "skipped"},
    "status-waived": {"nb": "unntatt", "en": "waived"},
    "verdict-pass": {"nb": "oppfyller forskriften", "en": "compliant"},
    "verdict-fail": {"nb": "oppfyller ikke forskriften", "en": "not compliant"},
    "verdict-invalid": {"nb": "kunne ikke kontrolleres", "en": "could not be checked"},
    "summary-line": {
        "nb": "{path}: {verdict} (feil: {errors}, advarsler: {warnings}, bestått: {passed})",
        "en": "{path}: {verdict} (errors: {errors}, warnings: {warnings}, passed: {passed})",
    },
    "on-path": {"nb": "studieløp {path}", "en": "study path {path}"},
    "skip-framework": {
        "nb": "gjelder ikke programmer etter {framework}",
        "en": "does not apply to programmes under {framework}",
    },
    "waived": {"nb": "unntatt til {expires}: {reason}", "en": "waived until {expires}: {reason}"},
    "waiver-expired": {
        "nb": "unntaket for '{rule}' gikk ut {expires}",
        "en": "the waiver for '{rule}' expired on {expires}",
    },
    "waiver-no-reason": {"nb": "unntaket for '{rule}' mangler begrunnelse", "en": "the waiver for '{rule}' gives no reason"},
    "waiver-unknown-rule": {"nb": "unntaket gjelder en ukjent regel '{rule}'", "en": "the waiver names an unknown rule '{rule}'"},
    "waiver-title": {"nb": "Unntak", "en": "Waiver"},
    "table-institution": {"nb": "Institusjon", "en": "Institution"},
    "table-programme": {"nb": "Program", "en": "Programme"},
    "table-errors": {"nb": "Feil", "en": "Errors"},
    "table-warnings": {"nb": "Advarsler", "en": "Warnings"},
    "table-verdict": {"nb": "Resultat", "en": "Verdict"},
    "table-file": {"nb": "Fil", "en": "File"},
    "yaml": {"nb": "ugyldig YAML: {problem}", "en": "invalid YAML: {problem}"},
    "yaml-context": {
        "nb": "ugyldig YAML: {problem} ({context}, som begynner på linje {line}, kolonne {column})",
        "en": "invalid YAML: {problem} ({context} that starts at line {line}, column {column})",
    },
    "cli-output-exists": {"nb": "{path} finnes; bruk --force for å overskrive", "en": "{path} exists; use --force to overwrite it"},
    "cli-cannot-write": {"nb": "kan ikke skrive {path}: {reason}", "en": "cannot write {path}: {reason}"},
    "cli-bad-date": {"nb": "--as-of må være en dato som 2026-01-31, ikke '{value}'", "en": "--as-of must be a date like 2026-01-31, not '{value}'"},
    "cli-unknown-rules": {"nb": "ukjent regel: {rules} (se 'rusplan rules')", "en": "unknown rule(s): {rules} (see 'rusplan rules')"},
    "cli-no-files": {"nb": "fant ingen programfiler i {paths}", "en": "no programme files found in {paths}"},
    "cli-output-is-input": {
        "nb": "{path} er en av filene som kontrolleres; rusplan skriver aldri til dem",
        "en": "{path} is one of the files being checked; rusplan never writes to them",
    },
    "info-additional": {"nb": "tilleggskrav ved opptak: {items}", "en": "additional admission requirements: {items}"},
    # --- machine-readable formats (sarif, junit, markdown, github) -----------
    "batch-total": {
        "nb": "{files} filer: {passed} bestått, {failed} ikke bestått, {invalid} kunne ikke kontrolleres",
        "en": "{files} files: {passed} passed, {failed} failed, {invalid} could not be checked",
    },
    "waived-reason": {"nb": "unntatt: {reason}", "en": "waived: {reason}"},
    "input-error-title": {"nb": "Filen kunne ikke kontrolleres", "en": "The file could not be checked"},
    "input-error-description": {
        "nb": "Filen kunne ikke leses, er ikke gyldig YAML eller følger ikke programfilformatet rusplan/v1, så ingen regel ble vurdert.",
        "en": "The file could not be read, is not valid YAML or does not follow the programme file format rusplan/v1, so no rule was judged.",
    },
    "waiver-description": {
        "nb": "Et unntak under 'waivers' i programfilen må gjelde en kjent regel, ha en begrunnelse og en utløpsdato som ikke er passert.",
        "en": "A waiver under 'waivers' in the programme file must name a known rule, give a reason and have an expiry date that has not passed.",
    },
    "col-rule": {"nb": "Regel", "en": "Rule"},
    "col-location": {"nb": "Sted", "en": "Location"},
    "col-message": {"nb": "Melding", "en": "Message"},
    # --- coverage matrix, HTML report, init ----------------------------------
    "category-kunnskap": {"nb": "Kunnskap", "en": "Knowledge"},
    "category-ferdigheter": {"nb": "Ferdigheter", "en": "Skills"},
    "category-generell-kompetanse": {"nb": "Generell kompetanse", "en": "General competence"},
    "matrix-title": {
        "nb": "Dekningsmatrise for {institution} {code}: læringsutbytter mot emner og praksis",
        "en": "Coverage matrix of {institution} {code}: learning outcomes against courses and practice",
    },
    "matrix-area": {"nb": "Kompetanseområde {id}: {label}", "en": "Competence area {id}: {label}"},
    "matrix-outcome": {"nb": "Læringsutbytte", "en": "Learning outcome"},
    "matrix-status-covered": {"nb": "dekket", "en": "covered"},
    "matrix-status-partial": {"nb": "ikke dekket på alle studieløp", "en": "not covered on every study path"},
    "matrix-status-uncovered": {"nb": "ikke dekket av noe emne eller praksis", "en": "covered by no course or practice"},
    "matrix-uncovered-list": {
        "nb": "{count} læringsutbytter er ikke dekket av noe emne eller praksis: {ids}",
        "en": "{count} learning outcomes are covered by no course or practice: {ids}",
        "one": {"nb": "{count} læringsutbytte er ikke dekket av noe emne eller praksis: {ids}", "en": "{count} learning outcome is covered by no course or practice: {ids}"},
    },
    "matrix-partial-row": {"nb": "{id} er ikke dekket på studieløp {paths}", "en": "{id} is not covered on study path {paths}"},
    "matrix-all-covered": {
        "nb": "alle {count} læringsutbyttene er dekket av minst ett emne eller én praksisperiode på hvert studieløp",
        "en": "all {count} learning outcomes are covered by at least one course or practice period on every study path",
    },
    "matrix-semester-short": {"nb": "sem. {semesters}", "en": "sem. {semesters}"},
    "matrix-option-of": {"nb": "alternativ i valget «{choice}»", "en": "option of the choice “{choice}”"},
    "matrix-practice-note": {"nb": "praksis: {kind}, {duration}", "en": "practice: {kind}, {duration}"},
    "matrix-star": {"nb": "* = alternativ i et valg; studenten tar ett av dem", "en": "* = option of a choice; the student takes one of them"},
    "matrix-key": {
        "nb": "● dekket · ✗ ikke dekket av noe emne eller praksis · ~ ikke dekket på alle studieløp · P dekket bare av praksis. Praksis (P1, P2 …) teller som dekning på studieløpene den hører til.",
        "en": "● covered · ✗ covered by no course or practice · ~ not covered on every study path · P covered by practice only. Practice (P1, P2 …) counts as coverage on the study paths it belongs to.",
    },
    "matrix-column-total": {"nb": "Antall dekket", "en": "Outcomes covered"},
    "matrix-csv-area": {"nb": "område", "en": "area"},
    "matrix-csv-category": {"nb": "kategori", "en": "category"},
    "matrix-csv-outcome": {"nb": "læringsutbytte", "en": "outcome"},
    "matrix-csv-text": {"nb": "tekst", "en": "text"},
    "matrix-csv-courses": {"nb": "antall emner", "en": "courses"},
    "matrix-csv-status": {"nb": "status", "en": "status"},
    "needs-jinja": {
        "nb": "HTML krever Jinja2; installer rusplan[html] (pip install 'rusplan[html]')",
        "en": "HTML needs Jinja2; install rusplan[html] (pip install 'rusplan[html]')",
    },
    "init-written": {
        "nb": "skrev {path}: et uferdig utgangspunkt. Fyll det ut og kjør 'rusplan check {path}'",
        "en": "wrote {path}: an unfinished starting point. Fill it in and run 'rusplan check {path}'",
    },
    "report-title": {"nb": "Samsvarsrapport", "en": "Compliance report"},
    "report-intro": {
        "nb": "Kontrollert mot {regulation} per {as_of}, med rusplan {version}.",
        "en": "Checked against {regulation} as of {as_of}, with rusplan {version}.",
    },
    "report-counts": {
        "nb": "feil: {errors}, advarsler: {warnings}, bestått: {passed}",
        "en": "errors: {errors}, warnings: {warnings}, passed: {passed}",
    },
    "report-files": {"nb": "Filer", "en": "Files"},
    "report-metadata": {"nb": "Om programmet", "en": "About the programme"},
    "report-rules": {"nb": "Regler", "en": "Rules"},
    "report-matrix": {"nb": "Dekning av læringsutbyttene", "en": "Coverage of the learning outcomes"},
    "report-timeline": {"nb": "Emner og praksis per semester", "en": "Courses and practice by semester"},
    "report-errors": {"nb": "Hvorfor filen ikke kunne kontrolleres", "en": "Why the file could not be checked"},
    "report-info": {"nb": "Merknader", "en": "Notes"},
    "col-status": {"nb": "Status", "en": "Status"},
    "meta-institution": {"nb": "Institusjon", "en": "Institution"},
    "meta-code": {"nb": "Programkode", "en": "Programme code"},
    "meta-name": {"nb": "Navn", "en": "Name"},
    "meta-credits": {"nb": "Studiepoeng", "en": "Credits"},
    "meta-pace": {"nb": "Studieform", "en": "Pace"},
    "meta-semesters": {"nb": "Semestre", "en": "Semesters"},
    "meta-start": {"nb": "Oppstart", "en": "Start"},
    "meta-framework": {"nb": "Rammeverk", "en": "Framework"},
    "meta-professions": {"nb": "Opptak fra", "en": "Admission from"},
    "meta-courses": {"nb": "Emner", "en": "Courses"},
    "meta-practice": {"nb": "Praksis", "en": "Practice"},
    "meta-study-paths": {"nb": "Studieløp", "en": "Study paths"},
    "meta-practice-total": {
        "nb": "{count} perioder, {duration}",
        "en": "{count} periods, {duration}",
        "one": {"nb": "{count} periode, {duration}", "en": "{count} period, {duration}"},
    },
    "timeline-semester": {"nb": "Semester {n}", "en": "Semester {n}"},
    "weeks": {  # a duration, used inside other messages as {duration}
        "nb": "{weeks} uker",
        "en": "{weeks} weeks",
        "one": {"nb": "{weeks} uke", "en": "{weeks} week"},
        "plural": "weeks",
    },
    # --- issue 10: values not recognised, § 22-only verdicts, ruleset status ----
    "unrecognised-value": {
        "nb": "'{value}' er ikke {noun}{suggestion} Regelen kunne derfor ikke vurdere verdien (kjente verdier: {accepted})",
        "nn": "'{value}' er ikkje {noun}{suggestion} Regelen kunne difor ikkje vurdere verdien (kjende verdiar: {accepted})",
        "en": "'{value}' is not {noun}{suggestion} The rule could therefore not judge the value (known values: {accepted})",
    },
    # {suggestion} ends the first sentence of unrecognised-value: with a nearest spelling, or without
    "unrecognised-suggestion": {"nb": "; mente du '{best}'?", "nn": "; meinte du '{best}'?", "en": "; did you mean '{best}'?"},
    "unrecognised-no-suggestion": {"nb": ".", "nn": ".", "en": "."},
    "unrecognised-noun": {"nb": "en kjent verdi", "nn": "ein kjend verdi", "en": "a known value"},
    "status-unrecognised": {"nb": "ukjent", "nn": "ukjend", "en": "unknown"},
    "verdict-unrecognised": {
        "nb": "kunne ikke vurderes fullt ut: verdier rusplan ikke kjenner igjen",
        "nn": "kunne ikkje vurderast fullt ut: verdiar rusplan ikkje kjenner att",
        "en": "could not be fully judged: values rusplan does not recognise",
    },
    "verdict-transition": {
        "nb": "følger overgangsordningen i {sections}; kontrollert bare mot {sections}",
        "nn": "følgjer overgangsordninga i {sections}; kontrollert berre mot {sections}",
        "en": "follows the transition arrangement of {sections}; checked against {sections} only",
    },
    "ruleset-status": {
        "nb": "Regelsettet gjengir {title} ({status_text}). Gjeldende forskrift er {adopted_title} ({adopted_reference}), som kan avvike.",
        "nn": "Regelsettet gjengir {title} ({status_text}). Gjeldande forskrift er {adopted_title} ({adopted_reference}), som kan avvike.",
        "en": "The ruleset transcribes {title} ({status_text}). The regulation in force is {adopted_title} ({adopted_reference}), which may differ.",
    },
    "ruleset-status-in-force": {
        "nb": "Regelsettet gjengir {title} ({status_text}).",
        "nn": "Regelsettet gjengir {title} ({status_text}).",
        "en": "The ruleset transcribes {title} ({status_text}).",
    },
    "status-text-proposal": {"nb": "høringsforslag", "nn": "høyringsforslag", "en": "consultation proposal"},
    "status-text-in-force": {"nb": "gjeldende", "nn": "gjeldande", "en": "in force"},
    "status-text-repealed": {"nb": "opphevet", "nn": "oppheva", "en": "repealed"},
    "matrix-status-practice-only": {"nb": "dekket bare av praksis", "nn": "dekt berre av praksis", "en": "covered by practice only"},
    "matrix-practice-only-list": {
        "nb": "{count} læringsutbytter dekkes bare av praksis: {ids}",
        "nn": "{count} læringsutbytte blir dekte berre av praksis: {ids}",
        "en": "{count} learning outcomes are covered by practice only: {ids}",
        "one": {"nb": "{count} læringsutbytte dekkes bare av praksis: {ids}", "nn": "{count} læringsutbytte blir dekt berre av praksis: {ids}", "en": "{count} learning outcome is covered by practice only: {ids}"},
    },
    "batch-total-unrecognised": {
        "nb": ", {count} kunne ikke vurderes fullt ut (ukjente verdier)",
        "nn": ", {count} kunne ikkje vurderast fullt ut (ukjende verdiar)",
        "en": ", {count} could not be fully judged (values not recognised)",
    },
    "batch-total-transition": {
        "nb": ", {count} kontrollert bare mot overgangsreglene",
        "nn": ", {count} kontrollert berre mot overgangsreglane",
        "en": ", {count} checked against the transition rules only",
    },
    "unknown-framework": {
        "nb": "{where}: ukjent rammeverk '{value}'{suggestion}",
        "nn": "{where}: ukjent rammeverk '{value}'{suggestion}",
        "en": "{where}: unknown framework '{value}'{suggestion}",
    },
    # --- robustness: hostile input, signals, pipes, disks (issue 12) ----------
    "number-too-long": {
        "nb": "'{value}' er et tall på {length} tegn; rusplan leser tall på høyst {limit} tegn",
        "nn": "'{value}' er eit tal på {length} teikn; rusplan les tal på høgst {limit} teikn",
        "en": "'{value}' is a number of {length} characters; rusplan reads numbers of at most {limit}",
    },
    "number-too-large": {
        "nb": "'{value}' er et for stort tall til å regne med",
        "nn": "'{value}' er eit for stort tal til å rekne med",
        "en": "'{value}' is too large a number to compute with",
    },
    "alias-repeat": {
        "nb": "{where} er en kopi av {first} gjennom et YAML-alias (*); et emne eller en praksisperiode kan ikke telle to ganger, så skriv det ut hvis det er et annet",
        "nn": "{where} er ein kopi av {first} gjennom eit YAML-alias (*); eit emne eller ein praksisperiode kan ikkje telje to gonger, så skriv det ut om det er eit anna",
        "en": "{where} repeats {first} through a YAML alias (*); a course or practice period cannot count twice, so write it out if it is another one",
    },
    "worker-died": {
        "nb": "filen ble ikke kontrollert: arbeidsprosessen som kontrollerte den, stoppet ({how}; for lite minne?)",
        "nn": "fila vart ikkje kontrollert: arbeidsprosessen som kontrollerte henne, stoppa ({how}; for lite minne?)",
        "en": "the file was not checked: the worker process checking it died ({how}; out of memory?)",
    },
    "worker-signal": {"nb": "signal {number}, {name}", "nn": "signal {number}, {name}", "en": "signal {number}, {name}"},
    "worker-exit": {"nb": "avslutningskode {code}", "nn": "avslutningskode {code}", "en": "exit code {code}"},
    "interrupted": {"nb": "avbrutt", "nn": "avbrote", "en": "interrupted"},
    "cli-jobs-capped": {
        "nb": "--jobs {asked} er flere enn prosessorene ({cpus}); bruker {cpus}",
        "nn": "--jobs {asked} er fleire enn prosessorane ({cpus}); brukar {cpus}",
        "en": "--jobs {asked} is more than the CPUs ({cpus}); using {cpus}",
    },
    "cli-output-is-rules": {
        "nb": "{path} er en regelfil som denne kjøringen leser; rusplan skriver aldri til den",
        "nn": "{path} er ei regelfil som denne køyringa les; rusplan skriv aldri til henne",
        "en": "{path} is a rules file this run reads; rusplan never writes to it",
    },
    "format-near-miss": {
        "nb": "format '{found}' er ukjent; mente du '{expected}'?",
        "nn": "format '{found}' er ukjent; meinte du '{expected}'?",
        "en": "format '{found}' is unknown; did you mean '{expected}'?",
    },
    "format-key-near-miss": {
        "nb": "ukjent nøkkel '{key}'; mente du 'format'? Filen ser ut som en rusplan-programfil ('{expected}')",
        "nn": "ukjend nøkkel '{key}'; meinte du 'format'? Fila ser ut som ei rusplan-programfil ('{expected}')",
        "en": "unknown key '{key}'; did you mean 'format'? The file looks like a rusplan programme file ('{expected}')",
    },
    "skipped-files": {
        "nb": "{count} filer hoppet over: {reason}",
        "nn": "{count} filer hoppa over: {reason}",
        "en": "{count} files skipped: {reason}",
        "one": {"nb": "{count} fil hoppet over: {reason}", "nn": "{count} fil hoppa over: {reason}", "en": "{count} file skipped: {reason}"},
    },
    "stdout": {"nb": "standard utdata", "nn": "standard utdata", "en": "standard output"},
    "too-many-path-values": {
        "nb": "valgene gir {count} studieløp som til sammen har {values} verdier å kontrollere, over grensen på {limit}; færre valg eller færre emner holder deg under den",
        "nn": "vala gir {count} studieløp som til saman har {values} verdiar å kontrollere, over grensa på {limit}; færre val eller færre emne held deg under henne",
        "en": "the choices make {count} study paths holding {values} values to check between them, over the limit of {limit}; fewer choices or fewer courses keep under it",
    },
}


def text(key: str, lang: str, /, **params) -> str:
    """The sentence `key` in `lang` with `params` filled in.

    An entry may carry a singular form under "one", used when the parameter
    named by "plural" (default `count`) is 1: "1 uke", not "1 uker".
    """
    entry = MESSAGES[key]
    if "one" in entry and params.get(entry.get("plural", "count")) == 1:
        entry = entry["one"]
    return entry.get(lang, entry["en"]).format(**params)


def has(key: str) -> bool:
    return key in MESSAGES


def localise(key: str, lang: str, params: dict, fallback: str) -> str:
    """`key` in `lang` if the table has it and `params` fill it, else `fallback`."""
    if key not in MESSAGES:
        return fallback
    try:
        return text(key, lang, **params)
    except (KeyError, IndexError):
        return fallback


def category_label(category: str, lang: str) -> str:
    """An outcome category of the rules file ("generell-kompetanse") as words."""
    key = f"category-{category}"
    return text(key, lang) if has(key) else category.replace("-", " ")
