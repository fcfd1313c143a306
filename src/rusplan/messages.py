"""The user-facing sentences of the tool itself, in Bokmål and English.

Sentences about the regulation (rule titles, quotes, rule messages) live in
the rules file; this table holds only the tool's own words: input errors,
generic check-function messages and report chrome.  Templates use
``str.format`` fields; :func:`text` fills them.
"""

from __future__ import annotations

LANGS = ("nb", "nn", "en")

# Where a sentence is missing in a language, the nearest one is used.
FALLBACK = {"nn": "nb", "nb": "en"}

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
    # --- YAML syntax errors (yamlerrors.py names the mistake; the parser's English stays out of nb/nn)
    "yaml-colon-in-value": {
        "nb": "kolon med mellomrom etter (': ') inne i verdien til '{key}' gjør at YAML leser resten som en ny nøkkel; sett verdien i anførselstegn: {rewrite}",
        "nn": "kolon med mellomrom etter (': ') inne i verdien til '{key}' gjer at YAML les resten som ein ny nøkkel; set verdien i hermeteikn: {rewrite}",
        "en": "a colon followed by a space (': ') inside the value of '{key}' makes YAML read the rest as a new key; put the value in quotes: {rewrite}",
    },
    "yaml-tab": {
        "nb": "linjen er rykket inn med tabulator; YAML godtar bare mellomrom som innrykk: bytt tabulatoren med mellomrom",
        "nn": "linja er rykt inn med tabulator; YAML godtek berre mellomrom som innrykk: byt tabulatoren med mellomrom",
        "en": "the line is indented with a tab; YAML allows only spaces as indentation: replace the tab with spaces",
    },
    "yaml-odd-space": {
        "nb": "et spesielt mellomrom ({code}, ofte limt inn fra Word eller en nettside) står der YAML venter et vanlig mellomrom; bytt det med et vanlig mellomrom",
        "nn": "eit spesielt mellomrom ({code}, ofte lima inn frå Word eller ei nettside) står der YAML ventar eit vanleg mellomrom; byt det med eit vanleg mellomrom",
        "en": "a special space ({code}, often pasted from Word or a web page) stands where YAML expects an ordinary space; replace it with an ordinary space",
    },
    "yaml-indent": {
        "nb": "innrykket stemmer ikke: linjen begynner i kolonne {found}, men linjen den hører sammen med (linje {above}) begynner i kolonne {expected}; rykk inn til kolonne {expected}",
        "nn": "innrykket stemmer ikkje: linja byrjar i kolonne {found}, men linja ho høyrer saman med (linje {above}) byrjar i kolonne {expected}; rykk inn til kolonne {expected}",
        "en": "the indentation is off: the line starts in column {found}, but the line it belongs with (line {above}) starts in column {expected}; indent it to column {expected}",
    },
    "yaml-list-indent": {
        "nb": "listeelementet begynner i kolonne {found}, men listen som begynner på linje {list_line} har strekene sine i kolonne {expected}; rykk inn til kolonne {expected}",
        "nn": "listeelementet byrjar i kolonne {found}, men lista som byrjar på linje {list_line} har strekane sine i kolonne {expected}; rykk inn til kolonne {expected}",
        "en": "the list item starts in column {found}, but the list that starts at line {list_line} has its dashes in column {expected}; indent it to column {expected}",
    },
    "yaml-dash-in-mapping": {
        "nb": "et listeelement ('- ') står blant nøklene i en tabell; flytt det inn under nøkkelen det hører til, eller fjern '- '",
        "nn": "eit listeelement ('- ') står mellom nøklane i ein tabell; flytt det inn under nøkkelen det høyrer til, eller fjern '- '",
        "en": "a list item ('- ') stands among the keys of a mapping; move it under the key it belongs to, or remove the '- '",
    },
    "yaml-unclosed-quote": {
        "nb": "anførselstegnet {quote} som begynner her, blir ikke lukket på samme linje; avslutt verdien med {quote}",
        "nn": "hermeteiknet {quote} som byrjar her, blir ikkje lukka på same linja; avslutt verdien med {quote}",
        "en": "the quote {quote} that starts here is not closed on the same line; end the value with {quote}",
    },
    "yaml-after-quote": {
        "nb": "det står tekst etter det avsluttende anførselstegnet; sett hele verdien i anførselstegn: {rewrite}",
        "nn": "det står tekst etter det avsluttande hermeteiknet; set heile verdien i hermeteikn: {rewrite}",
        "en": "there is text after the closing quote; put the whole value in quotes: {rewrite}",
    },
    "yaml-unclosed-bracket": {
        "nb": "'{bracket}' som begynner her, blir ikke lukket; avslutt med '{closing}' på samme linje",
        "nn": "'{bracket}' som byrjar her, blir ikkje lukka; avslutt med '{closing}' på same linja",
        "en": "the '{bracket}' that starts here is not closed; end it with '{closing}' on the same line",
    },
    "yaml-unclosed-bracket-hash": {
        "nb": "'{bracket}' som begynner her, blir ikke lukket fordi ' #' innleder en kommentar og resten av linjen blir borte; sett teksten med # i anførselstegn",
        "nn": "'{bracket}' som byrjar her, blir ikkje lukka fordi ' #' innleier ein kommentar og resten av linja blir borte; set teksten med # i hermeteikn",
        "en": "the '{bracket}' that starts here is not closed because ' #' starts a comment and the rest of the line is lost; put the text with # in quotes",
    },
    "yaml-typographic-quote": {
        "nb": "verdien står i typografiske anførselstegn ({quote}), som YAML ikke regner som anførselstegn; bruk rette anførselstegn: {rewrite}",
        "nn": "verdien står i typografiske hermeteikn ({quote}), som YAML ikkje reknar som hermeteikn; bruk rette hermeteikn: {rewrite}",
        "en": "the value is in typographic quotes ({quote}), which YAML does not treat as quotes; use straight quotes: {rewrite}",
    },
    "yaml-undefined-alias": {
        "nb": "'*{alias}' viser til et anker ('&{alias}') som ikke finnes tidligere i filen",
        "nn": "'*{alias}' viser til eit anker ('&{alias}') som ikkje finst tidlegare i fila",
        "en": "'*{alias}' refers to an anchor ('&{alias}') that does not occur earlier in the file",
    },
    "yaml-unexpected-end": {
        "nb": "filen slutter midt i en verdi; se etter et anførselstegn eller en parentes som ikke er lukket",
        "nn": "fila sluttar midt i ein verdi; sjå etter eit hermeteikn eller ein parentes som ikkje er lukka",
        "en": "the file ends in the middle of a value; look for a quote or bracket that is not closed",
    },
    "yaml-control": {
        "nb": "kontrolltegnet {code} er ikke tillatt i en YAML-fil; fjern det",
        "nn": "kontrollteiknet {code} er ikkje tillate i ei YAML-fil; fjern det",
        "en": "the control character {code} is not allowed in a YAML file; remove it",
    },
    "yaml-syntax": {
        "nb": "filen er ikke gyldig YAML her; se etter innrykk, kolon og anførselstegn på denne linjen og linjen over",
        "nn": "fila er ikkje gyldig YAML her; sjå etter innrykk, kolon og hermeteikn på denne linja og linja over",
        "en": "invalid YAML here ({problem}); look at the indentation, colons and quotes on this line and the one above",
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
        "nb": "'{value}' uten anførselstegn er ja/nei (en YAML 1.1-boolsk verdi) for mange YAML-verktøy, men her ventes tekst; skriv \"{value}\" i anførselstegn",
        "nn": "'{value}' utan hermeteikn er ja/nei (ein YAML 1.1-boolsk verdi) for mange YAML-verktøy, men her er det venta tekst; skriv \"{value}\" i hermeteikn",
        "en": "unquoted '{value}' is yes/no (a YAML 1.1 boolean) to many YAML tools, but text is expected here; write \"{value}\" in quotes",
    },
    "schema-yes-no": {
        "nb": "{where}: {found} er ikke true eller false, som formatet skriver ja og nei med; skriv {rewrite}",
        "nn": "{where}: {found} er ikkje true eller false, som formatet skriv ja og nei med; skriv {rewrite}",
        "en": "{where}: {found} is not true or false, which is how the format writes yes and no; write {rewrite}",
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
        "nb": "ikke en rusplan-programfil: 'format' er {found}, ventet {expected}",
        "en": "not a rusplan programme file: 'format' is {found}, expected {expected}",
    },
    # --- schema ----------------------------------------------------------
    "schema-unknown-key": {
        "nb": "{where}: '{key}' er ikke en nøkkel i formatet{suggestion}",
        "nn": "{where}: '{key}' er ikkje ein nøkkel i formatet{suggestion}",
        "en": "{where}: '{key}' is not a key of the format{suggestion}",
    },
    "schema-allowed-keys": {
        "nb": "; nøklene her er {keys}",
        "nn": "; nøklane her er {keys}",
        "en": "; the keys here are {keys}",
    },
    # where in the file, in words (validate.place)
    "where-top": {"nb": "øverste nivå", "nn": "øvste nivå", "en": "top level"},
    "where-item": {"nb": "{key} nr. {n}", "nn": "{key} nr. {n}", "en": "{key} item {n}"},
    "where-course": {"nb": "emne {code}", "nn": "emne {code}", "en": "course {code}"},
    "where-course-named": {"nb": "emne {code} ({name})", "nn": "emne {code} ({name})", "en": "course {code} ({name})"},
    "where-course-name": {"nb": "emnet «{name}»", "nn": "emnet «{name}»", "en": "course “{name}”"},
    "where-choice": {"nb": "valget «{name}»", "nn": "valet «{name}»", "en": "the choice “{name}”"},
    "where-course-n": {"nb": "emne nr. {n}", "nn": "emne nr. {n}", "en": "course {n}"},
    "where-practice": {"nb": "praksis «{name}»", "nn": "praksis «{name}»", "en": "practice “{name}”"},
    "where-practice-n": {"nb": "praksisperiode nr. {n}", "nn": "praksisperiode nr. {n}", "en": "practice period {n}"},
    "where-agreement": {"nb": "avtalen med {provider}", "nn": "avtalen med {provider}", "en": "the agreement with {provider}"},
    "where-agreement-n": {"nb": "avtale nr. {n}", "nn": "avtale nr. {n}", "en": "agreement {n}"},
    "schema-suggestion": {"nb": "; mente du '{best}'?", "en": "; did you mean '{best}'?"},
    "schema-required": {"nb": "{where}: mangler '{key}'", "en": "{where}: '{key}' is missing"},
    "schema-type": {"nb": "{where}: ventet {expected}, fant {found}", "en": "{where}: expected {expected}, found {found}"},
    "schema-quoted-number": {
        "nb": "{where}: ventet et tall, fant teksten {found}; fjern anførselstegnene: {figure}",
        "nn": "{where}: venta eit tal, fann teksten {found}; fjern hermeteikna: {figure}",
        "en": "{where}: expected a number, found the text {found}; remove the quotes: {figure}",
    },
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
    "unknown-term": {
        "nb": "{where}: '{term}' er ikke et semester rusplan kan lese; skriv året og høst eller vår, f.eks. {example}",
        "nn": "{where}: '{term}' er ikkje eit semester rusplan kan lese; skriv året og haust eller vår, t.d. {example}",
        "en": "{where}: '{term}' is not a term rusplan can read; write the year and autumn or spring, e.g. {example}",
    },
    "term-suggestion": {
        "nb": "{where}: '{term}' er ikke skrevet slik formatet vil ha et semester; mente du '{suggestion}'? Skriv start: {suggestion}",
        "nn": "{where}: '{term}' er ikkje skrive slik formatet vil ha eit semester; meinte du '{suggestion}'? Skriv start: {suggestion}",
        "en": "{where}: '{term}' is not written the way the format wants a term; did you mean '{suggestion}'? Write start: {suggestion}",
    },
    "term-out-of-range": {
        "nb": "{where}: '{term}' er utenfor kalenderen rusplan kan regne med; alle semestrene må ligge i årene 1–9999",
        "en": "{where}: '{term}' is outside the calendar rusplan can compute with; every term must fall in the years 1–9999",
    },
    "nearest": {"nb": "; nærmeste er {best}", "en": "; the nearest is {best}"},
    # --- figures converted for a rule (engine.py) --------------------------------
    "conversion": {
        "nb": "{hours} t ÷ {per_week} t/uke = {weeks} uker",
        "nn": "{hours} t ÷ {per_week} t/veke = {weeks} veker",
        "en": "{hours} h ÷ {per_week} h/week = {weeks} weeks",
    },
    "conversion-note": {
        "nb": " (omregnet fra timer: {items})",
        "nn": " (omrekna frå timar: {items})",
        "en": " (converted from hours: {items})",
    },
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
    "cli-output-exists": {"nb": "{path} finnes; bruk --force for å overskrive", "en": "{path} exists; use --force to overwrite it"},
    "cli-cannot-write": {"nb": "kan ikke skrive {path}: {reason}", "en": "cannot write {path}: {reason}"},
    "cli-bad-date": {"nb": "--as-of må være en dato som 2026-01-31, ikke '{value}'", "en": "--as-of must be a date like 2026-01-31, not '{value}'"},
    "cli-unknown-rules": {"nb": "ukjent regel: {rules} (se 'rusplan rules')", "en": "unknown rule(s): {rules} (see 'rusplan rules')"},
    "cli-no-files": {"nb": "fant ingen programfiler i {paths}", "en": "no programme files found in {paths}"},
    "cli-output-is-input": {
        "nb": "{path} er en av filene som kontrolleres; rusplan skriver aldri til dem",
        "en": "{path} is one of the files being checked; rusplan never writes to them",
    },
    "info-glued-comment": {
        "nb": "linje {line}, kolonne {column}: ' #' starter en kommentar, så '{key}' er bare «{kept}»; sett hele verdien i anførselstegn hvis # hører til teksten",
        "nn": "linje {line}, kolonne {column}: ' #' startar ein kommentar, så '{key}' er berre «{kept}»; set heile verdien i hermeteikn dersom # høyrer til teksten",
        "en": "line {line}, column {column}: ' #' starts a comment, so '{key}' is only “{kept}”; put the whole value in quotes if the # belongs to the text",
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
        "nb": "Filen kunne ikke leses, er ikke gyldig YAML eller følger ikke programfilformatet {format}, så ingen regel ble vurdert.",
        "en": "The file could not be read, is not valid YAML or does not follow the programme file format {format}, so no rule was judged.",
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
        "nb": "HTML krever Jinja2, som rusplan er avhengig av, men den mangler her; installer den (pip install jinja2)",
        "en": "HTML needs Jinja2, which rusplan depends on but is missing here; install it (pip install jinja2)",
    },
    "init-written": {
        "nb": "skrev {path}: et uferdig utgangspunkt. Fyll det ut og kjør 'rusplan check {path}'",
        "en": "wrote {path}: an unfinished starting point. Fill it in and run 'rusplan check {path}'",
    },
    # --- rusplan init: the starter file's comments and sample values (starter.py) ---
    "init-header": {
        "nb": "Programfil for rusplan (format {format}): et UFERDIG utgangspunkt.\n\nFilen er med vilje ufullstendig. Den følger filformatet, men `rusplan check`\nmelder feil til programmet er ferdig beskrevet: emnene dekker bare noen få\nav de {outcome_count} læringsutbyttene, studiepoengene går ikke opp, og det er ingen\npraksis eller samarbeidsavtaler ennå. Hver feil viser fil:linje:kolonne og\nparagrafen i forskriften.\n\nNyttige kommandoer:\n  rusplan outcomes          læringsutbyttene og id-ene som brukes i `covers`\n  rusplan rules             reglene filen kontrolleres mot\n  rusplan explain REGEL     hva en regel krever, forskriftens tekst og eksempler\n  rusplan matrix FIL        hvilke emner som dekker hvilke læringsutbytter\n  rusplan schema            JSON Schema for editorer med YAML-støtte\nTekst kan skrives på bokmål, nynorsk eller engelsk; en `notes:` kan stå overalt.",
        "nn": "Programfil for rusplan (format {format}): eit UFERDIG utgangspunkt.\n\nFila er med vilje ufullstendig. Ho følgjer filformatet, men `rusplan check`\nmelder feil til programmet er ferdig skildra: emna dekkjer berre nokre få\nav dei {outcome_count} læringsutbyta, studiepoenga går ikkje opp, og det er ingen\npraksis eller samarbeidsavtalar enno. Kvar feil viser fil:linje:kolonne og\nparagrafen i forskrifta.\n\nNyttige kommandoar:\n  rusplan outcomes          læringsutbyta og id-ane som blir brukte i `covers`\n  rusplan rules             reglane fila blir kontrollert mot\n  rusplan explain REGEL     kva ein regel krev, teksten i forskrifta og døme\n  rusplan matrix FIL        kva emne som dekkjer kva læringsutbyte\n  rusplan schema            JSON Schema for editorar med YAML-støtte\nTekst kan skrivast på bokmål, nynorsk eller engelsk; ein `notes:` kan stå overalt.",
        "en": "rusplan programme file (format {format}): an UNFINISHED starting point.\n\nThis file is deliberately incomplete. It follows the file format, but\n`rusplan check` reports failures until the programme is fully described: the\ncourses cover only a few of the {outcome_count} learning outcomes, the credits do not add\nup, and there is no practice and no cooperation agreement yet. Each failure\nshows file:line:column and the paragraph of the regulation.\n\nUseful commands:\n  rusplan outcomes          the learning outcomes and the ids to use in `covers`\n  rusplan rules             the rules this file is checked against\n  rusplan explain RULE      what a rule requires, the regulation's text, examples\n  rusplan matrix FILE       which courses cover which learning outcomes\n  rusplan schema            JSON Schema for editors with YAML support\nText may be in Bokmål, Nynorsk or English; a `notes:` may go anywhere.",
    },
    "init-checked-by": {
        "nb": "Kontrolleres av: {rules}",
        "nn": "Blir kontrollert av: {rules}",
        "en": "Checked by: {rules}",
    },
    "init-format": {
        "nb": "filformatet; la det stå",
        "nn": "filformatet; la det stå",
        "en": "the file format; leave it as it is",
    },
    "init-institution": {
        "nb": "institusjonens navn",
        "nn": "namnet på institusjonen",
        "en": "the institution's name",
    },
    "init-institution-value": {
        "nb": "Høgskolen i Eksempel",
        "nn": "Høgskulen i Døme",
        "en": "Example University College",
    },
    "init-code": {
        "nb": "programkoden, uten mellomrom",
        "nn": "programkoden, utan mellomrom",
        "en": "the programme code, without spaces",
    },
    "init-name": {
        "nb": "programmets navn",
        "nn": "namnet på programmet",
        "en": "the programme's name",
    },
    "init-name-value": {
        "nb": "Tverrfaglig videreutdanning i psykisk helsearbeid og rusarbeid",
        "nn": "Tverrfagleg vidareutdanning i psykisk helsearbeid og rusarbeid",
        "en": "Interdisciplinary further education in mental-health and substance-use work",
    },
    "init-credits": {
        "nb": "studiepoeng for hele programmet",
        "nn": "studiepoeng for heile programmet",
        "en": "credits of the whole programme",
    },
    "init-pace": {
        "nb": "part-time eller full-time (deltid/heltid/heiltid godtas)",
        "nn": "part-time eller full-time (deltid/heiltid/heltid blir godteke)",
        "en": "part-time or full-time",
    },
    "init-semesters": {
        "nb": "antall semestre; emner og praksis ligger i 1 til dette",
        "nn": "talet på semester; emne og praksis ligg i 1 til dette",
        "en": "number of semesters; courses and practice lie in 1 to this",
    },
    "init-start": {
        "nb": "første semester: ÅÅÅÅ-høst eller ÅÅÅÅ-vår",
        "nn": "første semester: ÅÅÅÅ-haust eller ÅÅÅÅ-vår",
        "en": "the first term: YYYY-autumn or YYYY-spring",
    },
    "init-framework": {
        "nb": "{frameworks}",
        "nn": "{frameworks}",
        "en": "{frameworks}",
    },
    "init-degree-years": {
        "nb": "år med bachelorutdanning som kreves",
        "nn": "år med bachelorutdanning som blir kravd",
        "en": "years of bachelor's degree required",
    },
    "init-professions": {
        "nb": "profesjonene som gir opptak",
        "nn": "profesjonane som gir opptak",
        "en": "the professions admitted",
    },
    "init-other": {
        "nb": "Valgfritt: søkere med annen utdanning (fjern # for å ta det med)",
        "nn": "Valfritt: søkjarar med anna utdanning (fjern # for å ta det med)",
        "en": "Optional: applicants with other education (remove the # to use it)",
    },
    "init-individual": {
        "nb": "søkerne vurderes individuelt",
        "nn": "søkjarane blir vurderte individuelt",
        "en": "applicants are assessed individually",
    },
    "init-min-years": {
        "nb": "minst så mange års utdanning",
        "nn": "minst så mange års utdanning",
        "en": "at least this many years of education",
    },
    "init-courses": {
        "nb": "Emnene. Et valg mellom emner skrives som `- choice: NAVN` med `options:`",
        "nn": "Emna. Eit val mellom emne blir skrive som `- choice: NAMN` med `options:`",
        "en": "The courses. A choice between courses is written `- choice: NAME` with",
    },
    "init-courses-2": {
        "nb": "(en liste av emner); studenten tar ett av dem.",
        "nn": "(ei liste av emne); studenten tek eitt av dei.",
        "en": "`options:` (a list of courses); the student takes one of them.",
    },
    "init-course-code": {
        "nb": "emnekoden, unik i filen",
        "nn": "emnekoden, unik i fila",
        "en": "the course code, unique in the file",
    },
    "init-course-credits": {
        "nb": "emnets studiepoeng",
        "nn": "studiepoenga til emnet",
        "en": "the course's credits",
    },
    "init-course-semester": {
        "nb": "semesteret, eller en liste for flere: [1, 2]",
        "nn": "semesteret, eller ei liste for fleire: [1, 2]",
        "en": "the semester, or a list for several: [1, 2]",
    },
    "init-learning-forms": {
        "nb": "undervisnings- og læringsformer, f.eks. {examples}",
        "nn": "undervisnings- og læringsformer, t.d. {examples}",
        "en": "teaching and learning forms, e.g. {examples}",
    },
    "init-outcomes": {
        "nb": "emnets læringsutbytter, slik emneplanen formulerer dem",
        "nn": "læringsutbyta til emnet, slik emneplanen formulerer dei",
        "en": "the course's learning outcomes, as its course plan words them",
    },
    "init-outcome-text": {
        "nb": "Skriv emnets læringsutbytte her.",
        "nn": "Skriv læringsutbytet til emnet her.",
        "en": "Write the course's learning outcome here.",
    },
    "init-covers": {
        "nb": "forskriftens læringsutbytter det dekker (`rusplan outcomes`)",
        "nn": "læringsutbyta i forskrifta som det dekkjer (`rusplan outcomes`)",
        "en": "the regulation's outcomes it covers (`rusplan outcomes`)",
    },
    "init-todo-courses": {
        "nb": "UFERDIG: legg til emnene som dekker resten av læringsutbyttene.",
        "nn": "UFERDIG: legg til emna som dekkjer resten av læringsutbyta.",
        "en": "UNFINISHED: add the courses that cover the remaining outcomes.",
    },
    "init-practice": {
        "nb": "Praksis. UFERDIG: ingen praksis er lagt inn ennå. Et eksempel:",
        "nn": "Praksis. UFERDIG: ingen praksis er lagd inn enno. Eit døme:",
        "en": "Practice. UNFINISHED: no practice yet. An example:",
    },
    "init-practice-name": {
        "nb": "Praksis i kommunal tjeneste",
        "nn": "Praksis i kommunal teneste",
        "en": "Placement in a municipal service",
    },
    "init-practice-course": {
        "nb": "valgfritt: emnet praksisen hører til",
        "nn": "valfritt: emnet praksisen høyrer til",
        "en": "optional: the course the practice belongs to",
    },
    "init-kind": {
        "nb": "{kinds}",
        "nn": "{kinds}",
        "en": "{kinds}",
    },
    "init-weeks": {
        "nb": "eller hours: timer",
        "nn": "eller hours: timar",
        "en": "or hours: hours",
    },
    "init-fields": {
        "nb": "{fields}",
        "nn": "{fields}",
        "en": "{fields}",
    },
    "init-provider": {
        "nb": "kreves for praksisplass; trenger en samarbeidsavtale",
        "nn": "krevst for praksisplass; treng ein samarbeidsavtale",
        "en": "required for a placement; needs a cooperation agreement",
    },
    "init-provider-value": {
        "nb": "Eksempel kommune",
        "nn": "Døme kommune",
        "en": "Example municipality",
    },
    "init-practice-covers": {
        "nb": "forskriftens læringsutbytter praksisen er knyttet til",
        "nn": "læringsutbyta i forskrifta som praksisen er knytt til",
        "en": "the regulation's outcomes the practice is tied to",
    },
    "init-agreements": {
        "nb": "Samarbeidsavtaler med praksistilbyderne. UFERDIG. Et eksempel:",
        "nn": "Samarbeidsavtalar med praksistilbydarane. UFERDIG. Eit døme:",
        "en": "Cooperation agreements with the practice providers. UNFINISHED. An example:",
    },
    "init-regulates": {
        "nb": "det avtalen regulerer",
        "nn": "det avtalen regulerer",
        "en": "what the agreement regulates",
    },
    # --- rusplan explain (explain.py) ---------------------------------------------
    "explain-what": {"nb": "Hva den kontrollerer", "nn": "Kva han kontrollerer", "en": "What it checks"},
    "explain-why": {"nb": "Hvorfor ({section}, {regulation})", "nn": "Kvifor ({section}, {regulation})", "en": "Why ({section}, {regulation})"},
    "explain-how": {
        "nb": "Hvordan: given {given} → {checks}; {severity}",
        "nn": "Korleis: given {given} → {checks}; {severity}",
        "en": "How: given {given} → {checks}; {severity}",
    },
    "explain-per-path": {"nb": "; per studieløp", "nn": "; per studieløp", "en": "; per study path"},
    "explain-severity-error": {"nb": "feil", "nn": "feil", "en": "error"},
    "explain-severity-warning": {"nb": "advarsel", "nn": "åtvaring", "en": "warning"},
    "explain-pass": {"nb": "Eksempel som består", "nn": "Døme som greier kontrollen", "en": "Passing example"},
    "explain-fail": {"nb": "Eksempel som feiler", "nn": "Døme som feilar", "en": "Failing example"},
    "explain-spellings": {
        "nb": "Godtatte skrivemåter (id: andre skrivemåter som godtas)",
        "nn": "Godtekne skrivemåtar (id: andre skrivemåtar som blir godtekne)",
        "en": "Accepted spellings (id: other spellings accepted)",
    },
    "explain-spellings-note": {
        "nb": "Store og små bokstaver, mellomrom, - og _ spiller ingen rolle.",
        "nn": "Store og små bokstavar, mellomrom, - og _ spelar inga rolle.",
        "en": "Upper and lower case, spaces, - and _ make no difference.",
    },
    "explain-see-outcomes": {
        "nb": "{name}: se `rusplan outcomes` for id-ene",
        "nn": "{name}: sjå `rusplan outcomes` for id-ane",
        "en": "{name}: see `rusplan outcomes` for the ids",
    },
    "explain-terms": {"nb": "ÅÅÅÅ-{autumn} eller ÅÅÅÅ-{spring}", "nn": "ÅÅÅÅ-{autumn} eller ÅÅÅÅ-{spring}", "en": "YYYY-{autumn} or YYYY-{spring}"},
    "explain-section": {
        "nb": "Reglene for {section} ({count}):",
        "nn": "Reglane for {section} ({count}):",
        "en": "The rules of {section} ({count}):",
        "one": {"nb": "Regelen for {section}:", "nn": "Regelen for {section}:", "en": "The rule of {section}:"},
    },
    "explain-section-hint": {
        "nb": "Mer om én regel: rusplan explain REGEL",
        "nn": "Meir om éin regel: rusplan explain REGEL",
        "en": "More about one rule: rusplan explain RULE",
    },
    "explain-no-section": {
        "nb": "ingen regel bygger på {section}; reglene bygger på {sections}",
        "nn": "ingen regel byggjer på {section}; reglane byggjer på {sections}",
        "en": "no rule rests on {section}; the rules rest on {sections}",
    },
    "explain-unknown-rule": {
        "nb": "ukjent regel '{rule}'{suggestion} (se 'rusplan rules')",
        "nn": "ukjend regel '{rule}'{suggestion} (sjå 'rusplan rules')",
        "en": "unknown rule '{rule}'{suggestion} (see 'rusplan rules')",
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
    "pace-part-time": {"nb": "deltid", "nn": "deltid", "en": "part-time"},
    "pace-full-time": {"nb": "heltid", "nn": "heiltid", "en": "full-time"},
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
        "nb": "{copy} er en kopi av {first} gjennom et YAML-alias (*); et emne eller en praksisperiode kan ikke telle to ganger, så skriv det ut hvis det er et annet",
        "nn": "{copy} er ein kopi av {first} gjennom eit YAML-alias (*); eit emne eller ein praksisperiode kan ikkje telje to gonger, så skriv det ut om det er eit anna",
        "en": "{copy} repeats {first} through a YAML alias (*); a course or practice period cannot count twice, so write it out if it is another one",
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
    # --- issue 15: the workbook (workbook.py, workbook_writer.py) --------------
    "wb-sheet-guide": {"nb": "Veiledning", "nn": "Rettleiing", "en": "Guide"},
    "wb-sheet-programme": {"nb": "Program", "nn": "Program", "en": "Programme"},
    "wb-sheet-admission": {"nb": "Opptak", "nn": "Opptak", "en": "Admission"},
    "wb-sheet-courses": {"nb": "Emner", "nn": "Emne", "en": "Courses"},
    "wb-sheet-outcomes": {"nb": "Læringsutbytte", "nn": "Læringsutbyte", "en": "Outcomes"},
    "wb-sheet-practice": {"nb": "Praksis", "nn": "Praksis", "en": "Practice"},
    "wb-sheet-agreements": {"nb": "Avtaler", "nn": "Avtalar", "en": "Agreements"},
    "wb-sheet-waivers": {"nb": "Unntak", "nn": "Unntak", "en": "Waivers"},
    "wb-sheet-lists": {"nb": "Lister", "nn": "Lister", "en": "Lists"},
    "wb-field-format": {"nb": "Filformat", "nn": "Filformat", "en": "Format"},
    "wb-field-institution": {"nb": "Institusjon", "nn": "Institusjon", "en": "Institution"},
    "wb-field-programme-code": {"nb": "Programkode", "nn": "Programkode", "en": "Programme code"},
    "wb-field-programme-name": {"nb": "Programnavn", "nn": "Programnamn", "en": "Programme name"},
    "wb-field-credits": {"nb": "Studiepoeng", "nn": "Studiepoeng", "en": "Credits"},
    "wb-field-pace": {"nb": "Studieform (deltid/heltid)", "nn": "Studieform (deltid/heiltid)", "en": "Pace (part-time/full-time)"},
    "wb-field-semesters": {"nb": "Antall semestre", "nn": "Talet på semester", "en": "Semesters"},
    "wb-field-start": {"nb": "Oppstart (ÅÅÅÅ-høst/vår)", "nn": "Oppstart (ÅÅÅÅ-haust/vår)", "en": "Start (YYYY-autumn/spring)"},
    "wb-field-framework": {"nb": "Rammeverk", "nn": "Rammeverk", "en": "Framework"},
    "wb-field-programme-notes": {"nb": "Merknader om programmet", "nn": "Merknader om programmet", "en": "Programme notes"},
    "wb-field-file-notes": {"nb": "Merknader om planen", "nn": "Merknader om planen", "en": "Plan notes"},
    "wb-field-degree-years": {"nb": "Krav om utdanning (år)", "nn": "Krav om utdanning (år)", "en": "Degree (years)"},
    "wb-field-professions": {"nb": "Profesjoner som gir opptak", "nn": "Profesjonar som gir opptak", "en": "Professions admitted"},
    "wb-field-individual-assessment": {"nb": "Annen utdanning: individuell vurdering (ja/nei)", "nn": "Anna utdanning: individuell vurdering (ja/nei)", "en": "Other education: individual assessment (yes/no)"},
    "wb-field-min-years": {"nb": "Annen utdanning: minst år", "nn": "Anna utdanning: minst år", "en": "Other education: minimum years"},
    "wb-field-other-fields": {"nb": "Annen utdanning: fagfelt", "nn": "Anna utdanning: fagfelt", "en": "Other education: fields"},
    "wb-field-work-experience": {"nb": "Annen utdanning: yrkeserfaring (år)", "nn": "Anna utdanning: yrkeserfaring (år)", "en": "Other education: work experience (years)"},
    "wb-field-other-notes": {"nb": "Annen utdanning: kriterier og merknader", "nn": "Anna utdanning: kriterium og merknader", "en": "Other education: criteria and notes"},
    "wb-field-additional": {"nb": "Andre opptakskrav", "nn": "Andre opptakskrav", "en": "Additional requirements"},
    "wb-field-admission-notes": {"nb": "Merknader om opptak", "nn": "Merknader om opptak", "en": "Admission notes"},
    "wb-field-code": {"nb": "Emnekode", "nn": "Emnekode", "en": "Course code"},
    "wb-field-name": {"nb": "Emnenavn", "nn": "Emnenamn", "en": "Course name"},
    "wb-field-semester": {"nb": "Semester", "nn": "Semester", "en": "Semester"},
    "wb-field-choice": {"nb": "Alternativ i valget", "nn": "Alternativ i valet", "en": "Option of the choice"},
    "wb-field-learning-forms": {"nb": "Læringsformer", "nn": "Læringsformer", "en": "Learning forms"},
    "wb-field-notes": {"nb": "Merknader", "nn": "Merknader", "en": "Notes"},
    "wb-field-choice-notes": {"nb": "Merknader om valget", "nn": "Merknader om valet", "en": "Notes on the choice"},
    "wb-field-practice-name": {"nb": "Praksisperiode", "nn": "Praksisperiode", "en": "Practice period"},
    "wb-field-course": {"nb": "Emne", "nn": "Emne", "en": "Course"},
    "wb-field-kind": {"nb": "Praksisform", "nn": "Praksisform", "en": "Kind"},
    "wb-field-weeks": {"nb": "Uker", "nn": "Veker", "en": "Weeks"},
    "wb-field-hours": {"nb": "Timer", "nn": "Timar", "en": "Hours"},
    "wb-field-hours-per-week": {"nb": "Timer per uke", "nn": "Timar per veke", "en": "Hours per week"},
    "wb-field-fields": {"nb": "Praksisfelt", "nn": "Praksisfelt", "en": "Fields"},
    "wb-field-provider": {"nb": "Praksistilbyder", "nn": "Praksistilbydar", "en": "Provider"},
    "wb-field-covers": {"nb": "Dekker læringsutbytte", "nn": "Dekkjer læringsutbyte", "en": "Covers outcomes"},
    "wb-field-regulates": {"nb": "Avtalen regulerer", "nn": "Avtalen regulerer", "en": "Regulates"},
    "wb-field-rule": {"nb": "Regel", "nn": "Regel", "en": "Rule"},
    "wb-field-reason": {"nb": "Begrunnelse", "nn": "Grunngiving", "en": "Reason"},
    "wb-field-expires": {"nb": "Gjelder til (ÅÅÅÅ-MM-DD)", "nn": "Gjeld til (ÅÅÅÅ-MM-DD)", "en": "Expires (YYYY-MM-DD)"},
    "wb-field-outcome-id": {"nb": "Id", "nn": "Id", "en": "Id"},
    "wb-field-area": {"nb": "Område", "nn": "Område", "en": "Area"},
    "wb-field-outcome-text": {"nb": "Læringsutbytte i forskriften", "nn": "Læringsutbyte i forskrifta", "en": "Outcome in the regulation"},
    "wb-help-choose": {"nb": "Godtatt: {values}.", "nn": "Godteke: {values}.", "en": "Accepted: {values}."},
    "wb-help-semester": {"nb": "Ett semester (2), eller flere med komma (1, 2).", "nn": "Eitt semester (2), eller fleire med komma (1, 2).", "en": "One semester (2), or several with commas (1, 2)."},
    "wb-help-choice": {"nb": "Skriv samme navn på valget i hvert emne studenten velger mellom; la stå tomt for obligatoriske emner.", "nn": "Skriv same namn på valet i kvart emne studenten vel mellom; la stå tomt for obligatoriske emne.", "en": "Write the same choice name on each course the student chooses between; leave empty for compulsory courses."},
    "wb-help-learning-forms": {"nb": "Flere med komma.", "nn": "Fleire med komma.", "en": "Several with commas."},
    "wb-help-covers": {"nb": "Id-ene fra arket Læringsutbytte, med komma (11c, 14d).", "nn": "Id-ane frå arket Læringsutbyte, med komma (11c, 14d).", "en": "Ids from the Outcomes sheet, with commas (11c, 14d)."},
    "wb-help-professions": {"nb": "Én profesjon per celle, bortover.", "nn": "Éin profesjon per celle, bortover.", "en": "One profession per cell, to the right."},
    "wb-help-matrix-code": {"nb": "Emnekoden fra arket Emner, én kolonne per emne.", "nn": "Emnekoden frå arket Emne, éin kolonne per emne.", "en": "The course code from the Courses sheet, one column per course."},
    "wb-help-matrix-cell": {
        "nb": "Emnets eget læringsutbytte som dekker utbyttet på raden (eller x). Samme tekst på flere rader dekker alle; en tom linje skiller to tekster.",
        "nn": "Emnet sitt eige læringsutbyte som dekkjer utbytet på rada (eller x). Same tekst på fleire rader dekkjer alle; ei tom linje skil to tekstar.",
        "en": "The course's own outcome that covers the row's outcome (or x). The same text in several rows covers each; a blank line separates two texts.",
    },
    "wb-yes": {"nb": "ja", "nn": "ja", "en": "yes"},
    "wb-no": {"nb": "nei", "nn": "nei", "en": "no"},
    "wb-dropdown-warning": {"nb": "Ikke en av stavemåtene i lista; rusplan sier fra om den ikke kjenner den.", "nn": "Ikkje ein av stavemåtane i lista; rusplan seier frå om han ikkje kjenner han.", "en": "Not one of the listed spellings; rusplan will say if it does not recognise it."},
    "wb-guide": {
        "nb": "rusplan: arbeidsbok for studieplanen\nFyll ut arkene Program, Opptak, Emner, Læringsutbytte, Praksis og Avtaler, og kontroller med: rusplan check plan.xlsx\nProgram og Opptak: én verdi per rad i kolonne B; lister (profesjoner, fagfelt) har én verdi per celle bortover.\nEmner: én rad per emne. Emner studenten velger mellom får samme navn i kolonnen «Alternativ i valget».\nLæringsutbytte: de {count} læringsutbyttene i forskriften står som rader. Skriv emnekoden øverst i en kolonne, og i cellen emnets eget læringsutbytte (eller x) der emnet dekker utbyttet. Rader uten dekning er røde.\nPraksis og Avtaler: én rad per praksisperiode og per samarbeidsavtale; lister med komma.\nFormler leses ikke: lim inn verdier. Arket Lister holder nedtrekkslistene.\nFunn vises som ark og celle, for eksempel Emner!C4.",
        "nn": "rusplan: arbeidsbok for studieplanen\nFyll ut arka Program, Opptak, Emne, Læringsutbyte, Praksis og Avtalar, og kontroller med: rusplan check plan.xlsx\nProgram og Opptak: éin verdi per rad i kolonne B; lister (profesjonar, fagfelt) har éin verdi per celle bortover.\nEmne: éi rad per emne. Emne studenten vel mellom får same namn i kolonnen «Alternativ i valet».\nLæringsutbyte: dei {count} læringsutbyta i forskrifta står som rader. Skriv emnekoden øvst i ein kolonne, og i cella emnet sitt eige læringsutbyte (eller x) der emnet dekkjer utbytet. Rader utan dekning er raude.\nPraksis og Avtalar: éi rad per praksisperiode og per samarbeidsavtale; lister med komma.\nFormlar blir ikkje lesne: lim inn verdiar. Arket Lister held nedtrekkslistene.\nFunn blir viste som ark og celle, til dømes Emne!C4.",
        "en": "rusplan: the study plan workbook\nFill in the sheets Programme, Admission, Courses, Outcomes, Practice and Agreements, and check with: rusplan check plan.xlsx\nProgramme and Admission: one value per row in column B; lists (professions, fields) have one value per cell to the right.\nCourses: one row per course. Courses the student chooses between get the same name in the column 'Option of the choice'.\nOutcomes: the regulation's {count} learning outcomes are the rows. Write the course code at the top of a column, and in the cell the course's own outcome (or x) where the course covers it. Rows nothing covers are red.\nPractice and Agreements: one row per practice period and per cooperation agreement; lists with commas.\nFormulas are not read: paste values. The Lists sheet holds the drop-down lists.\nFindings are shown as sheet and cell, for example Courses!C4.",
    },
    "wb-not-a-workbook": {"nb": "ikke en lesbar Excel-arbeidsbok (.xlsx); lagre den på nytt som Excel-arbeidsbok", "nn": "ikkje ei lesbar Excel-arbeidsbok (.xlsx); lagra henne på nytt som Excel-arbeidsbok", "en": "not a readable Excel workbook (.xlsx); save it again as an Excel workbook"},
    "wb-too-many-parts": {"nb": "arbeidsboka har {count} deler, over grensen på {limit}", "nn": "arbeidsboka har {count} delar, over grensa på {limit}", "en": "the workbook has {count} parts, over the limit of {limit}"},
    "wb-zip-bomb": {"nb": "arbeidsboka pakkes ut til mer enn {limit} byte (delen {part}); en studieplan trenger langt mindre", "nn": "arbeidsboka blir pakka ut til meir enn {limit} byte (delen {part}); ein studieplan treng langt mindre", "en": "the workbook unpacks to more than {limit} bytes (part {part}); a study plan needs far less"},
    "wb-dtd": {"nb": "delen {part} i arbeidsboka har en DTD (<!DOCTYPE>); Excel skriver aldri det, og rusplan leser det ikke", "nn": "delen {part} i arbeidsboka har ein DTD (<!DOCTYPE>); Excel skriv aldri det, og rusplan les det ikkje", "en": "part {part} of the workbook has a DTD (<!DOCTYPE>); Excel never writes one, and rusplan does not read it"},
    "wb-too-big": {"nb": "cellen har innhold utenfor de {rows} radene og {columns} kolonnene rusplan leser per ark", "nn": "cella har innhald utanfor dei {rows} radene og {columns} kolonnane rusplan les per ark", "en": "the cell holds a value beyond the {rows} rows and {columns} columns rusplan reads per sheet"},
    "wb-too-many-cells": {"nb": "arbeidsboka har mer enn {limit} utfylte celler; en studieplan trenger langt færre", "nn": "arbeidsboka har meir enn {limit} utfylte celler; ein studieplan treng langt færre", "en": "the workbook has more than {limit} filled cells; a study plan needs far fewer"},
    "wb-formula": {"nb": "cellen har en formel ({formula}); rusplan regner aldri ut formler: kopier cellen og lim inn som verdi", "nn": "cella har ein formel ({formula}); rusplan reknar aldri ut formlar: kopier cella og lim inn som verdi", "en": "the cell holds a formula ({formula}); rusplan never evaluates formulas: copy the cell and paste it as a value"},
    "wb-cell-error": {"nb": "cellen har feilverdien {value}; skriv inn verdien", "nn": "cella har feilverdien {value}; skriv inn verdien", "en": "the cell holds the error value {value}; type the value in"},
    "wb-missing-sheet": {"nb": "arbeidsboka mangler arket {sheet} (fant: {found}); lag en ny med 'rusplan init --format xlsx'", "nn": "arbeidsboka manglar arket {sheet} (fann: {found}); lag ei ny med 'rusplan init --format xlsx'", "en": "the workbook has no sheet {sheet} (found: {found}); make a new one with 'rusplan init --format xlsx'"},
    "wb-value-without-label": {"nb": "verdi uten ledetekst i kolonne A", "nn": "verdi utan leietekst i kolonne A", "en": "a value with no label in column A"},
    "wb-unknown-row": {"nb": "ukjent rad '{label}'; radene er: {labels}", "nn": "ukjend rad '{label}'; radene er: {labels}", "en": "unknown row '{label}'; the rows are: {labels}"},
    "wb-repeated-row": {"nb": "raden '{label}' står to ganger (første gang på rad {first})", "nn": "rada '{label}' står to gonger (første gong på rad {first})", "en": "the row '{label}' appears twice (first in row {first})"},
    "wb-extra-value": {"nb": "'{label}' har én verdi, i kolonne B; denne cellen blir ikke lest", "nn": "'{label}' har éin verdi, i kolonne B; denne cella blir ikkje lesen", "en": "'{label}' holds one value, in column B; this cell is not read"},
    "wb-unknown-column": {"nb": "ukjent kolonne '{label}'; kolonnene er: {labels}", "nn": "ukjend kolonne '{label}'; kolonnane er: {labels}", "en": "unknown column '{label}'; the columns are: {labels}"},
    "wb-repeated-column": {"nb": "kolonnen '{label}' står to ganger", "nn": "kolonnen '{label}' står to gonger", "en": "the column '{label}' appears twice"},
    "wb-value-without-header": {"nb": "verdi i en kolonne uten overskrift", "nn": "verdi i ein kolonne utan overskrift", "en": "a value in a column with no heading"},
    "wb-matrix-unknown-course": {"nb": "'{code}' er ikke en emnekode i arket Emner ({codes})", "nn": "'{code}' er ikkje ein emnekode i arket Emne ({codes})", "en": "'{code}' is not a course code on the Courses sheet ({codes})"},
    "wb-matrix-no-id": {"nb": "arket mangler kolonnen Id med læringsutbyttenes id", "nn": "arket manglar kolonnen Id med id-ane til læringsutbyta", "en": "the sheet has no Id column with the outcomes' ids"},
    "wb-matrix-no-id-in-row": {"nb": "raden har dekning, men ingen id for læringsutbyttet", "nn": "rada har dekning, men ingen id for læringsutbytet", "en": "the row has coverage but no outcome id"},
    "wb-cannot-hold": {"nb": "arbeidsboka har ikke plass til '{value}' uten tap", "nn": "arbeidsboka har ikkje plass til '{value}' utan tap", "en": "the workbook cannot hold '{value}' without loss"},
    "wb-outcome-twice": {"nb": "emnet {course} har to like læringsutbytter som dekker {ref}", "nn": "emnet {course} har to like læringsutbyte som dekkjer {ref}", "en": "course {course} has the same outcome twice for {ref}"},
    "wb-outcome-extra": {"nb": "et læringsutbytte i emnet {course} har mer enn tekst og dekning (merknader?); matrisen har bare plass til teksten", "nn": "eit læringsutbyte i emnet {course} har meir enn tekst og dekning (merknader?); matrisa har berre plass til teksten", "en": "an outcome of course {course} holds more than text and covers (notes?); the matrix holds the text only"},
    "wb-outcome-text": {"nb": "læringsutbyttet '{text}' i emnet {course} kan ikke stå i en celle uten tap (tomt, mellomrom i kantene eller tom linje)", "nn": "læringsutbytet '{text}' i emnet {course} kan ikkje stå i ei celle utan tap (tomt, mellomrom i kantane eller tom linje)", "en": "outcome '{text}' of course {course} cannot stand in a cell without loss (empty, edge spaces or a blank line)"},
    "wb-outcome-covers-nothing": {"nb": "læringsutbyttet '{text}' i emnet {course} dekker ingen læringsutbytter i forskriften, så det har ingen rad i matrisen", "nn": "læringsutbytet '{text}' i emnet {course} dekkjer ingen læringsutbyte i forskrifta, så det har inga rad i matrisa", "en": "outcome '{text}' of course {course} covers none of the regulation's outcomes, so it has no row in the matrix"},
    "wb-outcome-same-text": {"nb": "emnet {course} har to læringsutbytter med samme tekst ('{text}'); i matrisen blir de ett", "nn": "emnet {course} har to læringsutbyte med same tekst ('{text}'); i matrisa blir dei eitt", "en": "course {course} has two outcomes with the same text ('{text}'); in the matrix they become one"},
    "convert-written": {"nb": "skrev {path}", "nn": "skreiv {path}", "en": "wrote {path}"},
    "convert-same-kind": {"nb": "begge filene er {kind}; convert går mellom YAML (.yaml, .yml) og arbeidsbok (.xlsx)", "nn": "begge filene er {kind}; convert går mellom YAML (.yaml, .yml) og arbeidsbok (.xlsx)", "en": "both files are {kind}; convert goes between YAML (.yaml, .yml) and workbook (.xlsx)"},
    "report-file": {"nb": "fil: {path}", "nn": "fil: {path}", "en": "file: {path}"},
    "col-requirement": {"nb": "Krav", "nn": "Krav", "en": "Requirement"},
    "report-requirement": {"nb": "Krav: {title}", "nn": "Krav: {title}", "en": "Requirement: {title}"},
    "report-admission": {"nb": "Opptak", "nn": "Opptak", "en": "Admission"},
    "report-courses": {"nb": "Emner og studiepoeng", "nn": "Emne og studiepoeng", "en": "Courses and credits"},
    "report-practice": {"nb": "Praksis og samarbeidsavtaler", "nn": "Praksis og samarbeidsavtalar", "en": "Practice and cooperation agreements"},
    "report-evidence": {"nb": "Læringsutbyttene i forskriften og hva som dekker dem", "nn": "Læringsutbyta i forskrifta og kva som dekkjer dei", "en": "The regulation's learning outcomes and what covers them"},
    "report-per-course": {"nb": "Hvert emne og læringsutbyttene det gir", "nn": "Kvart emne og læringsutbyta det gir", "en": "Each course and the outcomes it gives"},
    "col-code": {"nb": "Kode", "nn": "Kode", "en": "Code"},
    "col-name": {"nb": "Navn", "nn": "Namn", "en": "Name"},
    "col-credits": {"nb": "Studiepoeng", "nn": "Studiepoeng", "en": "Credits"},
    "col-semester": {"nb": "Semester", "nn": "Semester", "en": "Semester"},
    "col-learning-forms": {"nb": "Læringsformer", "nn": "Læringsformer", "en": "Learning forms"},
    "col-period": {"nb": "Praksisperiode", "nn": "Praksisperiode", "en": "Practice period"},
    "col-kind": {"nb": "Praksisform", "nn": "Praksisform", "en": "Kind"},
    "col-weeks": {"nb": "Uker", "nn": "Veker", "en": "Weeks"},
    "col-provider": {"nb": "Praksistilbyder", "nn": "Praksistilbydar", "en": "Provider"},
    "col-agreement": {"nb": "Samarbeidsavtalen regulerer", "nn": "Samarbeidsavtalen regulerer", "en": "The agreement regulates"},
    "col-covers": {"nb": "Dekker", "nn": "Dekkjer", "en": "Covers"},
    "no-agreement": {"nb": "ingen samarbeidsavtale med denne tilbyderen", "nn": "ingen samarbeidsavtale med denne tilbydaren", "en": "no cooperation agreement with this provider"},
    "no-provider": {"nb": "ingen tilbyder oppgitt", "nn": "ingen tilbydar oppgitt", "en": "no provider given"},
    "report-agreements": {"nb": "Samarbeidsavtaler", "nn": "Samarbeidsavtalar", "en": "Cooperation agreements"},
    "option-of": {"nb": "alternativ i «{choice}»", "nn": "alternativ i «{choice}»", "en": "option of '{choice}'"},
    "credits-on-path": {"nb": "Sum på studieløp {path}", "nn": "Sum på studieløp {path}", "en": "Total on study path {path}"},
    "credits-sum": {"nb": "Sum", "nn": "Sum", "en": "Total"},
    "admission-professions": {"nb": "Profesjoner som gir opptak", "nn": "Profesjonar som gir opptak", "en": "Professions admitted"},
    "admission-degree": {"nb": "Krav til utdanning", "nn": "Krav til utdanning", "en": "Education required"},
    "admission-degree-years": {"nb": "minst {years}-årig utdanning", "nn": "minst {years}-årig utdanning", "en": "at least {years} years of education"},
    "admission-other": {"nb": "Annen utdanning", "nn": "Anna utdanning", "en": "Other education"},
    "admission-individual": {"nb": "individuell vurdering", "nn": "individuell vurdering", "en": "individual assessment"},
    "admission-no-individual": {"nb": "ingen individuell vurdering", "nn": "inga individuell vurdering", "en": "no individual assessment"},
    "admission-min-years": {"nb": "minst {years} års utdanning", "nn": "minst {years} års utdanning", "en": "at least {years} years of education"},
    "admission-fields": {"nb": "fagfelt: {fields}", "nn": "fagfelt: {fields}", "en": "fields: {fields}"},
    "admission-work": {"nb": "minst {years} års relevant yrkeserfaring", "nn": "minst {years} års relevant yrkeserfaring", "en": "at least {years} years of relevant work experience"},
    "admission-none-other": {"nb": "ikke oppgitt", "nn": "ikkje oppgitt", "en": "not given"},
    "admission-additional": {"nb": "Tilleggskrav", "nn": "Tilleggskrav", "en": "Additional requirements"},
    "evidence-none": {"nb": "ingen emner eller praksisperioder dekker dette læringsutbyttet", "nn": "ingen emne eller praksisperiodar dekkjer dette læringsutbytet", "en": "no course or practice period covers this outcome"},
    "evidence-practice": {"nb": "praksis", "nn": "praksis", "en": "practice"},
    "course-no-outcomes": {"nb": "emnet dekker ingen læringsutbytter i forskriften", "nn": "emnet dekkjer ingen læringsutbyte i forskrifta", "en": "the course covers none of the regulation's outcomes"},
    "matrix-sum-path": {"nb": "Σ {path}", "nn": "Σ {path}", "en": "Σ {path}"},
    "matrix-sum-title": {"nb": "emner på studieløpet som dekker læringsutbyttet", "nn": "emne på studieløpet som dekkjer læringsutbytet", "en": "courses on the study path that cover the outcome"},
    "months": {
        "nb": "januar februar mars april mai juni juli august september oktober november desember",
        "nn": "januar februar mars april mai juni juli august september oktober november desember",
        "en": "January February March April May June July August September October November December",
    },
    "matrix-xlsx-sheet": {"nb": "Dekning", "nn": "Dekning", "en": "Coverage"},
    "matrix-xlsx-needs-output": {"nb": "en arbeidsbok skrives til en fil: gi den med --output (eller som FILE)", "nn": "ei arbeidsbok blir skriven til ei fil: gi henne med --output (eller som FILE)", "en": "a workbook is written to a file: name it with --output (or as FILE)"},
    # --- issue 13a: document kinds (rusplan.kinds) --------------------------------
    "rules-unknown-kind": {
        "nb": "regelfilen gjelder dokumenttypen '{kind}', som rusplan ikke kjenner{suggestion}; kjente typer: {known}",
        "nn": "regelfila gjeld dokumenttypen '{kind}', som rusplan ikkje kjenner{suggestion}; kjende typar: {known}",
        "en": "the rules file is for the document kind '{kind}', which rusplan does not know{suggestion}; known kinds: {known}",
    },
    "cli-unknown-kind": {
        "nb": "ukjent dokumenttype '{kind}'; kjente typer: {known}",
        "nn": "ukjend dokumenttype '{kind}'; kjende typar: {known}",
        "en": "unknown document kind '{kind}'; known kinds: {known}",
    },
    "no-rules-for-kind": {
        "nb": "ingen av regelfilene gjelder format '{format}' (dokumenttypen '{kind}'); gi en regelfil for den med --rules",
        "nn": "ingen av regelfilene gjeld format '{format}' (dokumenttypen '{kind}'); gi ei regelfil for han med --rules",
        "en": "none of the rules files is for format '{format}' (document kind '{kind}'); give one with --rules",
    },
    # --- issue 13b: declared check functions ----------------------------------------
    "schema-no-keys": {
        "nb": "; her hører ingen nøkler hjemme",
        "nn": "; her høyrer ingen nøklar heime",
        "en": "; nothing belongs here",
    },
    # --- issue 16: study paths too many to build (core/paths.py) -------------------
    "path-example": {
        "nb": "{path}, ett eksempel av {count} studieløp",
        "nn": "{path}, eitt døme av {count} studieløp",
        "en": "{path}, one example of {count} study paths",
    },
    "path-count": {"nb": "{count} studieløp", "nn": "{count} studieløp", "en": "{count} study paths"},
    "paths-not-reached": {
        "nb": "ikke vurdert på alle studieløp: regelen holder på de første {checked} av {count}, men studieløp {path} og de etter det ble ikke kontrollert",
        "nn": "ikkje vurdert på alle studieløp: regelen held på dei første {checked} av {count}, men studieløp {path} og dei etter det vart ikkje kontrollerte",
        "en": "not judged on every study path: the rule holds on the first {checked} of {count}, but study path {path} and those after it were not checked",
    },
    # --- issue 14: the LIS education plan (kinds/lis) --------------------------
    "status-text-advice": {"nb": "råd fra spesialitetskomiteen, ikke forskrift", "nn": "råd frå spesialitetskomiteen, ikkje forskrift", "en": "advice from the specialty committee, not regulation"},
    "ruleset-status-advice": {
        "nb": "Regelsettet gjengir {title} ({status_text}: «{status_quote}»). Bindende er {binding_title} ({binding_reference}); brudd på det kilden gjengir derfra er feil, kildens egne anbefalinger er advarsler.",
        "nn": "Regelsettet gjengir {title} ({status_text}: «{status_quote}»). Bindande er {binding_title} ({binding_reference}); brot på det kjelda gjengir derifrå er feil, tilrådingane til kjelda sjølv er åtvaringar.",
        "en": "The ruleset transcribes {title} ({status_text}: «{status_quote}»). Binding is {binding_title} ({binding_reference}); breaches of what the source restates from it are errors, the source's own recommendations warnings.",
    },
    "lis-overlap": {
        "nb": "rotasjonsperiode {period} overlapper periode {others} i {month}, til sammen {percent} % av full tid; månedene ville telle to ganger",
        "nn": "rotasjonsperiode {period} overlappar periode {others} i {month}, til saman {percent} % av full tid; månadene ville telje to gonger",
        "en": "rotation period {period} overlaps period {others} in {month}, {percent} % of full time together; its months would count twice",
    },
    "lis-part-time": {"nb": "{months} mnd × {percent} % = {counted} mnd", "nn": "{months} mnd × {percent} % = {counted} mnd", "en": "{months} months × {percent} % = {counted} months"},
    "lis-part-time-note": {"nb": " (deltid: {items})", "nn": " (deltid: {items})", "en": " (part time: {items})"},
    "lis-init-header": {
        "nb": "rusplan: individuell utdanningsplan for LIS (rusplan-lis/v1), regler: {title}.\nEt uferdig utgangspunkt: fyll ut planen og kjør 'rusplan check' på filen; funnene viser hva som gjenstår.\nAldri legens navn eller HPR-nummer i filen: bruk en pseudonym id.",
        "nn": "rusplan: individuell utdanningsplan for LIS (rusplan-lis/v1), reglar: {title}.\nEit uferdig utgangspunkt: fyll ut planen og køyr 'rusplan check' på fila; funna viser kva som står att.\nAldri namnet eller HPR-nummeret til legen i fila: bruk ein pseudonym id.",
        "en": "rusplan: individual education plan of a LIS (rusplan-lis/v1), rules: {title}.\nAn unfinished start: fill in the plan and run 'rusplan check' on the file; the findings show what is left.\nNever the doctor's name or HPR number in the file: use a pseudonymous id.",
    },
    "lis-init-candidate": {"nb": "pseudonym id: bokstav først, minst ett siffer", "nn": "pseudonym id: bokstav først, minst eitt siffer", "en": "pseudonymous id: a letter first, at least one digit"},
    "lis-init-employer": {"nb": "Helseforetaket HF", "nn": "Helseføretaket HF", "en": "The health trust"},
    "lis-init-lis1": {"nb": "måneder LIS1", "nn": "månader LIS1", "en": "months of LIS1"},
    "lis-init-rotations": {
        "nb": "Én periode per læringsarena: start (ÅÅÅÅ-MM), måneder, stillingsprosent (percent), læringsmål og klinisk veiledning.",
        "nn": "Éin periode per læringsarena: start (ÅÅÅÅ-MM), månader, stillingsprosent (percent), læringsmål og klinisk rettleiing.",
        "en": "One period per learning arena: start (YYYY-MM), months, percent of full time, objectives and clinical supervision.",
    },
    "lis-init-arenas": {"nb": "Arenaer: {arenas}", "nn": "Arenaer: {arenas}", "en": "Arenas: {arenas}"},
    "lis-init-objectives": {"nb": "det første kilden oppgir for arenaen; planlegg alle", "nn": "det første kjelda oppgir for arenaen; planlegg alle", "en": "the first the source lists for the arena; plan them all"},
    "lis-init-teaching": {"nb": "hours_per_year, sessions_per_week, session_minutes, programme_published, study_hours_per_week", "nn": "hours_per_year, sessions_per_week, session_minutes, programme_published, study_hours_per_week", "en": "hours_per_year, sessions_per_week, session_minutes, programme_published, study_hours_per_week"},
    "lis-init-courses": {"nb": "kurs tatt eller planlagt: - {{course: {course}}}", "nn": "kurs tekne eller planlagde: - {{course: {course}}}", "en": "courses taken or planned: - {{course: {course}}}"},
    "lis-matrix-title": {
        "nb": "Planmatrise for {institution} {code}: læringsmål mot rotasjonsperioder",
        "nn": "Planmatrise for {institution} {code}: læringsmål mot rotasjonsperiodar",
        "en": "Planning matrix of {institution} {code}: learning objectives against rotation periods",
    },
    "lis-matrix-group": {"nb": "{label}", "nn": "{label}", "en": "{label}"},
    "lis-matrix-objectives": {"nb": "De {count} læringsmålene", "nn": "Dei {count} læringsmåla", "en": "The {count} learning objectives"},
    "lis-matrix-objective": {"nb": "Læringsmål", "nn": "Læringsmål", "en": "Learning objective"},
    "lis-matrix-planned": {"nb": "planlagt", "nn": "planlagt", "en": "planned"},
    "lis-matrix-unplanned": {"nb": "ikke planlagt i noen periode", "nn": "ikkje planlagt i nokon periode", "en": "planned in no period"},
    "lis-matrix-unplanned-list": {
        "nb": "{count} læringsmål er ikke planlagt i noen rotasjonsperiode: {ids}",
        "nn": "{count} læringsmål er ikkje planlagde i nokon rotasjonsperiode: {ids}",
        "en": "{count} learning objectives are planned in no rotation period: {ids}",
        "one": {"nb": "{count} læringsmål er ikke planlagt i noen rotasjonsperiode: {ids}", "nn": "{count} læringsmål er ikkje planlagt i nokon rotasjonsperiode: {ids}", "en": "{count} learning objective is planned in no rotation period: {ids}"},
    },
    "lis-matrix-all-planned": {
        "nb": "alle {count} læringsmålene er planlagt i minst én rotasjonsperiode",
        "nn": "alle dei {count} læringsmåla er planlagde i minst éin rotasjonsperiode",
        "en": "all {count} learning objectives are planned in at least one rotation period",
    },
    "lis-matrix-key": {
        "nb": "● planlagt · ✗ ikke planlagt i noen periode. Kolonnene R1, R2 … er rotasjonsperiodene i tidsrekkefølge, med tellende måneder.",
        "nn": "● planlagt · ✗ ikkje planlagt i nokon periode. Kolonnane R1, R2 … er rotasjonsperiodane i tidsrekkjefølgje, med teljande månader.",
        "en": "● planned · ✗ planned in no period. Columns R1, R2 … are the rotation periods in order of time, with counted months.",
    },
    "lis-meta-employer": {"nb": "Arbeidsgiver", "nn": "Arbeidsgivar", "en": "Employer"},
    "lis-meta-candidate": {"nb": "LIS (pseudonym)", "nn": "LIS (pseudonym)", "en": "LIS (pseudonym)"},
    "lis-meta-specialty": {"nb": "Spesialitet", "nn": "Spesialitet", "en": "Specialty"},
    "lis-meta-lis1": {"nb": "LIS1", "nn": "LIS1", "en": "LIS1"},
    "lis-meta-position": {"nb": "LIS2/LIS3 fra", "nn": "LIS2/LIS3 frå", "en": "LIS2/LIS3 from"},
    "lis-meta-rotation": {"nb": "Rotasjon", "nn": "Rotasjon", "en": "Rotation"},
    "lis-meta-rotation-value": {"nb": "{count} perioder, {months} tellende mnd", "nn": "{count} periodar, {months} teljande mnd", "en": "{count} periods, {months} counted months"},
    "lis-months": {"nb": "{months} mnd", "nn": "{months} mnd", "en": "{months} months"},
    "lis-computed-counted": {
        "nb": "{where}: tellende måneder regner rusplan ut selv (months × percent / 100); fjern nøkkelen, og skriv percent hvis perioden er på deltid",
        "nn": "{where}: teljande månader reknar rusplan ut sjølv (months × percent / 100); fjern nøkkelen, og skriv percent om perioden er på deltid",
        "en": "{where}: rusplan computes the counted months itself (months × percent / 100); remove the key, and write percent for a part-time period",
    },
    "lis-computed-end": {
        "nb": "{where}: planens slutt regner rusplan ut selv (slutten av siste rotasjonsperiode); fjern nøkkelen",
        "nn": "{where}: slutten av planen reknar rusplan ut sjølv (slutten av siste rotasjonsperiode); fjern nøkkelen",
        "en": "{where}: rusplan computes the end of the plan itself (the end of the last rotation period); remove the key",
    },
    # A LIS plan is held to the regulation the advice restates and to its recommendations, not to "the regulation".
    "verdict-pass-lis-plan": {"nb": "oppfyller kravene", "nn": "oppfyller krava", "en": "compliant"},
    "verdict-fail-lis-plan": {"nb": "oppfyller ikke kravene", "nn": "oppfyller ikkje krava", "en": "not compliant"},
    "cli-no-matrix": {"nb": "dokumenttypen '{kind}' har ingen matrise", "nn": "dokumenttypen '{kind}' har inga matrise", "en": "the document kind '{kind}' has no matrix"},
    "cli-no-starter": {"nb": "dokumenttypen '{kind}' har ingen startfil", "nn": "dokumenttypen '{kind}' har inga startfil", "en": "the document kind '{kind}' has no starter file"},
    "lis-matrix-when": {"nb": "{start}, {months} mnd", "nn": "{start}, {months} mnd", "en": "{start}, {months} months"},
    "lis-matrix-csv-objective": {"nb": "læringsmål", "nn": "læringsmål", "en": "objective"},
    "lis-matrix-csv-periods": {"nb": "antall perioder", "nn": "tal på periodar", "en": "periods"},
    "lis-init-evaluations": {"nb": "halvårlige evalueringer: - {{date: ÅÅÅÅ-MM}}", "nn": "halvårlege evalueringar: - {{date: ÅÅÅÅ-MM}}", "en": "half-yearly evaluations: - {{date: YYYY-MM}}"},
}


def text(key: str, lang: str, /, **params) -> str:
    """The sentence `key` in `lang` with `params` filled in.

    An entry may carry a singular form under "one", used when the parameter
    named by "plural" (default `count`) is 1: "1 uke", not "1 uker".
    """
    entry = MESSAGES[key]
    if "one" in entry and params.get(entry.get("plural", "count")) in (1, "1"):
        entry = entry["one"]
    params = {k: number(v, lang) if isinstance(v, float) or type(v).__name__ in ("Decimal", "Fraction") else v for k, v in params.items()}
    return (entry.get(lang) or entry.get(FALLBACK.get(lang, "en")) or entry["en"]).format(**params)


def number(value, lang: str) -> str:
    """A figure as the language writes it: ``3,73`` in nb and nn, ``3.73`` in en.

    Accepts int, float, Decimal and Fraction.  Whole numbers get no decimals
    and others at most two, unless two would hide that the figure is not a
    whole number (3.999 is "3,999", never "4", which a limit of 4 would
    contradict).  No thousands separator: figures stay greppable.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)) and type(value).__name__ not in ("Decimal", "Fraction"):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if type(value).__name__ == "Decimal":
        if not value.is_finite():
            return str(value)
        exact = value
    elif type(value).__name__ == "Fraction":
        exact = value
    else:
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        exact = value
    if exact == int(exact):
        text = str(int(exact))
    else:
        for places in range(2, 7):
            text = _fixed(exact, places)
            if places >= 6 or "." in text:  # two decimals would read as a whole number: take more
                break
    return text.replace(".", ",") if lang in ("nb", "nn") else text


def _fixed(value, places: int) -> str:
    """`value` with at most `places` decimals, trailing zeros dropped (round half to even)."""
    if type(value).__name__ == "Fraction":
        value = round(value, places)  # exact rounding, no float on the way
        text = f"{float(value):.{places}f}" if value.denominator <= 10**places else str(value)
    else:
        text = f"{value:.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


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


# --- Nynorsk -------------------------------------------------------------------
# The nn sentences of the entries above, kept together so that the nb/en
# table stays as it was written (and merges cleanly).  An entry that carries
# its own "nn" keeps it.  A value with "one" gives the singular form too.
_NYNORSK: dict = {
    "not-found": "fila finst ikkje",
    "unreadable": "kan ikkje lese fila: {reason}",
    "not-a-file": "ikkje ei vanleg fil",
    "unreadable-folder": "kan ikkje lese mappa: {reason}",
    "link-broken": "symbolsk lenkje som er broten eller går i ring; hoppa over",
    "link-outside": "symbolsk lenkje som peikar ut av mappa; ikkje følgd",
    "special-file": "ikkje ei vanleg fil (FIFO, eining eller socket); hoppa over",
    "too-large": "fila er {size} byte, over grensa på {limit}; auk grensa med --max-bytes dersom fila er ekte",
    "binary": "binærdata: NUL-byte ved posisjon {offset}; programfiler er UTF-8-tekst",
    "utf16": "fila ser ut til å vere UTF-16 (NUL-byte ved posisjon {offset}); lagre ho som UTF-8",
    "encoding": "ikkje UTF-8: ugyldig byte ved posisjon {offset}; lagre fila som UTF-8",
    "too-deep": "nøstinga er djupare enn {limit} nivå",
    "too-many-nodes": "dokumentet blir utvida til meir enn {limit} nodar (anker og alias, &a / *a, mangfaldiggjer innhaldet)",
    "too-many-nodes-written": "dokumentet har meir enn {limit} nodar; ei programfil treng langt færre",
    "empty": "fila er tom",
    "multiple-documents": "eit nytt YAML-dokument ('---') følgjer etter det første; ei programfil har nøyaktig eitt",
    "duplicate-key": "nøkkelen '{key}' står to gonger (første gong på linje {first_line})",
    "date-not-text": "'{value}' blir lese som ein dato, men her er det venta tekst; skriv \"{value}\" i hermeteikn",
    "ambiguous-number": "'{value}' blir lese som eit tal på ein overraskande måte (oktal, seksagesimal, heksadesimal eller med '_'); skriv \"{value}\" eller eit vanleg tal",
    "merge-key": "YAML-flettenøklar ('<<') er ikkje støtta; skriv nøklane ut",
    "tag": "YAML-taggar ('!') er ikkje støtta: {tag}",
    "complex-key": "ein nøkkel må vere vanleg tekst, ikkje ei liste eller ein tabell",
    "not-a-programme": "ikkje ei rusplan-programfil: 'format' er {found}, venta {expected}",
    "schema-suggestion": "; meinte du '{best}'?",
    "schema-required": "{where}: manglar '{key}'",
    "schema-type": "{where}: venta {expected}, fann {found}",
    "schema-null": "{where}: verdien er tom; venta {expected}",
    "schema-enum": "{where}: venta ein av {allowed}, fann {found}",
    "schema-pattern": "{where}: {found} har feil form; {description}",
    "schema-minimum": "{where}: må vere minst {limit}, fann {found}",
    "schema-exclusiveMinimum": "{where}: må vere over {limit}, fann {found}",
    "schema-maximum": "{where}: kan vere høgst {limit}, fann {found}",
    "schema-minItems": "{where}: må ha minst {limit} element",
    "schema-minLength": "{where}: kan ikkje vere tom tekst",
    "schema-date": "{where}: {found} er ikkje ein gyldig dato (ÅÅÅÅ-MM-DD)",
    "schema-weeks-or-hours": "{where}: oppgi anten 'weeks' eller 'hours' (ikkje begge, ikkje ingen)",
    "schema-other": "{where}: {detail}",
    "type-string": "tekst",
    "type-integer": "eit heiltal",
    "type-number": "eit tal",
    "type-boolean": "true eller false",
    "type-array": "ei liste",
    "type-object": "ein tabell med nøklar",
    "type-null": "ingenting",
    "semester-beyond": "{where}: semester {semester} er etter det siste semesteret i programmet ({semesters})",
    "unknown-course": "{where}: emnet '{code}' finst ikkje i 'courses'{suggestion}",
    "duplicate-course": "{where}: emnekoden '{code}' er brukt før (linje {first_line})",
    "term-out-of-range": "{where}: '{term}' er utanfor kalenderen rusplan kan rekne med; alle semestera må liggje i åra 1–9999",
    "nearest": "; nærmast er {best}",
    "rules-invalid": "ugyldig regelfil: {detail}",
    "status-pass": "greidd",
    "status-fail": "feil",
    "status-warn": "åtvaring",
    "status-skip": "hoppa over",
    "status-waived": "unnateke",
    "verdict-pass": "oppfyller forskrifta",
    "verdict-fail": "oppfyller ikkje forskrifta",
    "verdict-invalid": "kunne ikkje kontrollerast",
    "summary-line": "{path}: {verdict} (feil: {errors}, åtvaringar: {warnings}, greidde: {passed})",
    "on-path": "studieløp {path}",
    "skip-framework": "gjeld ikkje program etter {framework}",
    "waived": "unnateke til {expires}: {reason}",
    "waiver-expired": "unntaket for '{rule}' gjekk ut {expires}",
    "waiver-no-reason": "unntaket for '{rule}' manglar grunngiving",
    "waiver-unknown-rule": "unntaket gjeld ein ukjend regel '{rule}'",
    "waiver-title": "Unntak",
    "table-institution": "Institusjon",
    "table-programme": "Program",
    "table-errors": "Feil",
    "table-warnings": "Åtvaringar",
    "table-verdict": "Resultat",
    "table-file": "Fil",
    "cli-output-exists": "{path} finst; bruk --force for å skrive over",
    "cli-cannot-write": "kan ikkje skrive {path}: {reason}",
    "cli-bad-date": "--as-of må vere ein dato som 2026-01-31, ikkje '{value}'",
    "cli-unknown-rules": "ukjend regel: {rules} (sjå 'rusplan rules')",
    "cli-no-files": "fann ingen programfiler i {paths}",
    "cli-output-is-input": "{path} er ei av filene som blir kontrollerte; rusplan skriv aldri til dei",
    "info-additional": "tilleggskrav ved opptak: {items}",
    "batch-total": "{files} filer: {passed} greidde, {failed} ikkje greidde, {invalid} kunne ikkje kontrollerast",
    "waived-reason": "unnateke: {reason}",
    "input-error-title": "Fila kunne ikkje kontrollerast",
    "input-error-description": "Fila kunne ikkje lesast, er ikkje gyldig YAML eller følgjer ikkje programfilformatet {format}, så ingen regel vart vurdert.",
    "waiver-description": "Eit unntak under 'waivers' i programfila må gjelde ein kjend regel, ha ei grunngiving og ein utløpsdato som ikkje er passert.",
    "col-rule": "Regel",
    "col-location": "Stad",
    "col-message": "Melding",
    "category-kunnskap": "Kunnskap",
    "category-ferdigheter": "Ferdigheiter",
    "category-generell-kompetanse": "Generell kompetanse",
    "matrix-title": "Dekningsmatrise for {institution} {code}: læringsutbyte mot emne og praksis",
    "matrix-area": "Kompetanseområde {id}: {label}",
    "matrix-outcome": "Læringsutbyte",
    "matrix-status-covered": "dekt",
    "matrix-status-partial": "ikkje dekt på alle studieløp",
    "matrix-status-uncovered": "ikkje dekt av noko emne",
    "matrix-uncovered-list": {
        "nn": "{count} læringsutbyte er ikkje dekte av noko emne: {ids}",
        "one": "{count} læringsutbyte er ikkje dekt av noko emne: {ids}",
    },
    "matrix-partial-row": "{id} er ikkje dekt på studieløp {paths}",
    "matrix-all-covered": "alle dei {count} læringsutbyta er dekte av minst eitt emne på kvart studieløp",
    "matrix-semester-short": "sem. {semesters}",
    "matrix-option-of": "alternativ i valet «{choice}»",
    "matrix-practice-note": "praksis: {kind}, {duration}",
    "matrix-star": "* = alternativ i eit val; studenten tek eitt av dei",
    "matrix-key": "● dekt · ✗ ikkje dekt av noko emne · ~ ikkje dekt på alle studieløp. Praksis (P1, P2 …) blir vist, men berre emne tel som dekning.",
    "matrix-column-total": "Tal på dekte",
    "matrix-csv-area": "område",
    "matrix-csv-category": "kategori",
    "matrix-csv-outcome": "læringsutbyte",
    "matrix-csv-text": "tekst",
    "matrix-csv-courses": "tal på emne",
    "matrix-csv-status": "status",
    "needs-jinja": "HTML krev Jinja2, som rusplan er avhengig av, men han manglar her; installer han (pip install jinja2)",
    "init-written": "skreiv {path}: eit uferdig utgangspunkt. Fyll det ut og køyr 'rusplan check {path}'",
    "report-title": "Samsvarsrapport",
    "report-intro": "Kontrollert mot {regulation} per {as_of}, med rusplan {version}.",
    "report-counts": "feil: {errors}, åtvaringar: {warnings}, greidde: {passed}",
    "report-files": "Filer",
    "report-metadata": "Om programmet",
    "report-rules": "Reglar",
    "report-matrix": "Dekning av læringsutbyta",
    "report-timeline": "Emne og praksis per semester",
    "report-errors": "Kvifor fila ikkje kunne kontrollerast",
    "report-info": "Merknader",
    "col-status": "Status",
    "meta-institution": "Institusjon",
    "meta-code": "Programkode",
    "meta-name": "Namn",
    "meta-credits": "Studiepoeng",
    "meta-pace": "Studieform",
    "meta-semesters": "Semester",
    "meta-start": "Oppstart",
    "meta-framework": "Rammeverk",
    "meta-professions": "Opptak frå",
    "meta-courses": "Emne",
    "meta-practice": "Praksis",
    "meta-study-paths": "Studieløp",
    "meta-practice-total": {"nn": "{count} periodar, {duration}", "one": "{count} periode, {duration}"},
    "timeline-semester": "Semester {n}",
    "weeks": {"nn": "{weeks} veker", "one": "{weeks} veke"},
}


def _merge_nynorsk() -> None:
    for key, nn in _NYNORSK.items():
        entry = MESSAGES[key]
        if isinstance(nn, str):
            entry.setdefault("nn", nn)
            continue
        entry.setdefault("nn", nn["nn"])
        if "one" in nn and "one" in entry:
            entry["one"].setdefault("nn", nn["one"])


_merge_nynorsk()
