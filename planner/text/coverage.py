"""Is a language's catalogue complete and current? Checked by the tests, by tools/check_catalogue.py
and by the build (setup.py), which refuses to build a wheel with a gap: a missing translation
fails the build instead of printing English on a Spanish page.

Works on the folders themselves (resources/text/<language>/*.po and resources/profiles/*.json),
so the build can run it from a source tree before anything is installed.

What a translation must have, message by message (ids from the English source, resources/text/en):
  - every English id, in a file of the same name, and no id English does not have;
  - a msgstr that is not empty, with plural forms where English has them;
  - the same {placeholders} as the English;
  - its English source beside it, as the extracted comment  #. en: "..."  (and #. en[1]: for a
    plural), equal to the English as it is now: when the English changes, the translation is
    stale until a translator looks at it again.
The drug profiles' patient texts (resources/profiles/*.json, written in English beside their
label citations) are translated in profile_texts.po, keyed by the English text itself.

compile_language makes one GNU .mo of a language's folder: setup.py writes it into the wheel
(text/<language>/messages.mo) and planner.text.catalogue compiles the same in memory in a checkout.
"""

from __future__ import annotations

import ast
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from string import Formatter

SOURCE = "en"
PROFILE_TEXTS = "profile_texts.po"
# Keys of a profile's "texts" (and of its notes) that are not read by the patient.
NOT_PATIENT_TEXT = ("source", "id", "place", "when")
# The header fields of <language>/common.po that describe the language (planner.text.catalogue).
METADATA = ("X-Language-Name", "X-Babel-Locale", "X-Translation-Reviewed")
# The compiled catalogue of a language, in the wheel: resources/text/<language>/messages.mo.
MO_NAME = "messages.mo"
# The message context (msgctxt) under which the .mo holds the drug profiles' texts, keyed by their
# English, apart from the messages keyed by id.
PROFILE_CONTEXT = "profile-text"


@dataclass
class Report:
    language: str
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _placeholders(text: str) -> set[str]:
    try:
        return {n.split(".")[0].split("[")[0] for _, n, _, _ in Formatter().parse(text) if n}
    except ValueError:
        return {"<unbalanced braces>"}


def _read(path: Path):
    from babel.messages.pofile import read_po

    with path.open("rb") as fh:
        return read_po(fh, abort_invalid=True)


def _strings(value) -> tuple[str, ...]:
    return tuple(value) if isinstance(value, (tuple, list)) else (value,)


def _english_comments(comments: list[str]) -> dict[int, str] | str:
    """The  en: "..."  and  en[1]: "..."  comments, unquoted; or a problem in words."""
    out: dict[int, str] = {}
    for c in comments:
        c = c.strip()
        if not c.startswith("en"):
            continue
        head, _, quoted = c.partition(":")
        index = 0 if head == "en" else int(head[3:-1]) if head.startswith("en[") and head.endswith("]") else None
        if index is None:
            continue
        try:
            out[index] = ast.literal_eval(quoted.strip())
        except (ValueError, SyntaxError):
            return f"its English source comment is not a quoted string: {c!r}"
    return out


def profile_texts(profiles: Path) -> list[str]:
    """Every text a patient reads from the drug profiles: the drug's name, each indication's
    name (the clinician's, for a window in that language) and purpose, and the strings under
    "texts" (except the keys in NOT_PATIENT_TEXT)."""
    out: list[str] = []

    def walk(o) -> None:
        if isinstance(o, dict):
            for k, v in o.items():
                if k not in NOT_PATIENT_TEXT:
                    walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)
        elif isinstance(o, str) and o not in out:
            out.append(o)

    for path in sorted(profiles.glob("*.json")):
        d = json.loads(path.read_text(encoding="utf-8"))
        walk(d["name"])
        for ind in d.get("indications", []):
            walk(ind["name"])  # the clinician's name of the indication, shown in the window and problems
            if ind.get("purpose"):
                walk(ind["purpose"])
        for band in (d.get("kidney") or {}).get("bands", []):
            walk(band["name"])  # the clinician's name of a kidney band, inside problem sentences
        walk(d.get("texts", {}))
    return out


def check(text_root: Path, language: str, profiles: Path | None = None) -> Report:
    """Everything missing, extra, empty, mismatched or stale in a language's catalogue."""
    report = Report(language)
    src_dir, dst_dir = text_root / SOURCE, text_root / language
    if not dst_dir.is_dir():
        report.problems.append(f"text/{language}: no such catalogue")
        return report
    english = {p.name: _read(p) for p in sorted(src_dir.glob("*.po"))}
    for name in sorted(p.name for p in dst_dir.glob("*.po")):
        if name not in english and name != PROFILE_TEXTS:
            report.problems.append(f"text/{language}/{name}: English has no such file")
    for name, en_cat in english.items():
        path = dst_dir / name
        if not path.exists():
            report.problems.append(f"text/{language}/{name}: missing ({sum(1 for m in en_cat if m.id)} messages)")
            continue
        try:
            cat = _read(path)
        except Exception as exc:  # babel's PoFileError and friends: the file is broken
            report.problems.append(f"text/{language}/{name}: cannot be read: {exc}")
            continue
        _compare(report, f"text/{language}/{name}", en_cat, cat)
    if profiles is not None and language != SOURCE:
        _check_profile_texts(report, dst_dir / PROFILE_TEXTS, profile_texts(profiles))
    if language != SOURCE:
        _check_metadata(report, dst_dir / "common.po")
    return report


def _compare(report: Report, where: str, en_cat, cat) -> None:
    en = {m.id: m for m in en_cat if m.id}
    tr = {m.id: m for m in cat if m.id}
    for key in en.keys() - tr.keys():
        report.problems.append(f"{where}: {_key(key)} is not translated")
    for key in tr.keys() - en.keys():
        report.problems.append(f"{where}: {_key(key)} is not an English message (left over?)")
    for key in en.keys() & tr.keys():
        e, t = en[key], tr[key]
        e_forms, t_forms = _strings(e.string), _strings(t.string)
        if len(e_forms) > 1 and len(t_forms) < 2:
            report.problems.append(f"{where}: {_key(key)} needs plural forms")
            continue
        if any(not s for s in t_forms):
            report.problems.append(f"{where}: {_key(key)} is empty")
            continue
        if t.fuzzy:
            # the compiled catalogue leaves a fuzzy message out, as gettext does
            report.problems.append(f"{where}: {_key(key)} is marked fuzzy (not finished)")
            continue
        every = set().union(*(_placeholders(s) for s in e_forms))
        for i, s in enumerate(t_forms):
            got = _placeholders(s)
            # Form by form where the language has English's forms (one, other): English's "one" form
            # may leave out a value ("Questions? Call {first}.": the second is the first), and so may
            # the translation's. With other forms, each holds every value. A plural form may leave out
            # {n} ("un día") but never adds or loses another value.
            want = _placeholders(e_forms[i]) if len(t_forms) == len(e_forms) else every
            if (got - want - {"n"}) or (want - {"n"}) - got:
                report.problems.append(f"{where}: {_key(key)} has placeholders {sorted(got)}, English {sorted(want)}")
                break
        comments = _english_comments(t.auto_comments)
        if isinstance(comments, str):
            report.problems.append(f"{where}: {_key(key)}: {comments}")
        elif not comments:
            report.problems.append(f"{where}: {_key(key)} does not keep its English source (#. en: \"...\")")
        elif tuple(comments.get(i) for i in range(len(e_forms))) != e_forms:
            report.problems.append(f"{where}: {_key(key)} is stale: the English is now {e_forms[0]!r}")


def _check_profile_texts(report: Report, path: Path, texts: list[str]) -> None:
    where = f"text/{report.language}/{PROFILE_TEXTS}"
    if not path.exists():
        report.problems.append(f"{where}: missing ({len(texts)} texts of the drug profiles)")
        return
    got = {m.id: m.string for m in _read(path) if m.id}
    for t in texts:
        if not got.get(t):
            report.problems.append(f"{where}: not translated: {t[:70]!r}")
        elif _placeholders(t) != _placeholders(got[t]):
            report.problems.append(f"{where}: placeholders differ for {t[:50]!r}")
    for t in got.keys() - set(texts):
        report.problems.append(f"{where}: no profile has this text now (left over?): {t[:70]!r}")


def header(text: str) -> dict[str, str]:
    """The header fields of a .po file's text (Babel keeps only the standard ones)."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if line.startswith('msgid ""') and i + 1 < len(lines) and lines[i + 1].startswith('msgstr ""'):
            body = ""
            for more in lines[i + 2:]:
                if not more.startswith('"'):
                    break
                body += ast.literal_eval(more)
            return header_fields(body)
    return {}


def header_fields(body: str) -> dict[str, str]:
    """The fields of a catalogue header's text ("Name: value" lines), names as written."""
    out: dict[str, str] = {}
    for entry in body.splitlines():
        name, sep, value = entry.partition(":")
        if sep:
            out[name.strip()] = value.strip()
    return out


def compile_language(folder, language: str) -> bytes:
    """A language's catalogue as one GNU .mo file: the messages of every .po file of its folder
    (a pathlib.Path or importlib.resources Traversable), keyed by id; the drug profiles' texts
    (profile_texts.po) under the context PROFILE_CONTEXT, keyed by their English; and as its
    header the whole header of common.po, X- fields included (Babel's own writer keeps only the
    standard fields), so the .mo alone gives the language's metadata.
    Raises ValueError naming the files of an id given twice."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    class Compiled(Catalog):
        @property
        def mime_headers(self) -> list[tuple[str, str]]:
            return list(fields.items())

    files = sorted((p for p in folder.iterdir() if p.name.endswith(".po")), key=lambda p: p.name)
    id_files = [p for p in files if p.name != PROFILE_TEXTS]
    if not id_files:
        raise ValueError(f"text/{language}: no .po file")
    locale = language.replace("-", "_")
    out = Compiled(locale=locale, charset="utf-8", fuzzy=False)
    where: dict[str, str] = {}
    plural_forms = None
    for po in id_files:
        with po.open("rb") as fh:
            cat = read_po(fh, locale=locale, domain=po.name[:-3])
        plural_forms = plural_forms or cat.plural_forms
        for m in cat:
            if not m.id:
                continue
            key = m.id[0] if isinstance(m.id, tuple) else m.id
            if m.context:
                raise ValueError(f"text/{language}/{po.name}: message {key!r} has a msgctxt; messages are keyed by id alone")
            if key in where:
                raise ValueError(f"text/{language}/{po.name}: message {key!r} is also in {where[key]}")
            where[key] = po.name
            out[m.id] = m
    for po in files:
        if po.name == PROFILE_TEXTS:
            with po.open("rb") as fh:
                for m in read_po(fh, locale=locale):
                    if m.id and m.string:
                        out.add(m.id, m.string, context=PROFILE_CONTEXT)
    first = next((p for p in id_files if p.name == "common.po"), id_files[0])
    fields = header(first.read_text(encoding="utf-8"))
    # the .mo is written in UTF-8, and gettext reads the plural rule from the header
    fields["Content-Type"] = "text/plain; charset=UTF-8"
    fields.setdefault("Plural-Forms", plural_forms)
    buf = io.BytesIO()
    write_mo(buf, out)
    return buf.getvalue()


def _check_metadata(report: Report, path: Path) -> None:
    if not path.exists():
        return
    headers = header(path.read_text(encoding="utf-8"))
    for name in METADATA:
        if not headers.get(name):
            report.problems.append(f"text/{report.language}/common.po: the header has no {name}")


def _key(key) -> str:
    return repr(key[0] if isinstance(key, tuple) else key)


def languages(text_root: Path) -> list[str]:
    return sorted(p.name for p in text_root.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
