"""A plan as a short text of upper-case letters and digits (issue 18: the code on the paper):
a QR code prints it, a hand scanner types it back, and decode_plan gives the same plan.

    TP1 <base32 of: deflate(plan JSON, preset dictionary) + CRC-32>

The JSON is the plan file's own (plan_writer.plan_to_dict, minified), so the code holds the
whole plan and is read back by the plan-file reader: older plan versions are upgraded and every
field is checked as when a file is opened. Patient-identifying fields (schema: identifying=True)
are left out unless asked for. The CRC-32 covers the prefix and every compressed byte, so any
changed character (even one deflate would ignore) or a cut code is refused, never read as
another plan. docs/plan-code.md describes the format byte by
byte; FORMAT 1 and its dictionary are frozen: a change of either is a new version.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import zlib
from typing import Any

from planner.domain import schema
from planner.domain.plan import Plan, PlanError
from planner.files.planfile import MAX_FILE_BYTES, parse_plan_text
from planner.files.plan_writer import plan_to_dict
from planner.text.catalogue import say
from planner.text.errors import worded

MAGIC = "TP"  # Titration Planner
VERSION = 1  # the code format's version: one digit after MAGIC (1-9)
PREFIX = f"{MAGIC}{VERSION}"
ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")  # RFC 4648 base32, no padding
CRC_BYTES = 4

# Deflate's preset dictionary of version 1 (RFC 1951 with a dictionary, as zlib's zdict): the
# keys and usual values of a plan file, so a plan's JSON compresses to a third of plain deflate.
# Frozen: it is part of the format, and every printed code of version 1 needs it byte for byte
# (tests/files/test_plan_code.py pins its SHA-256). A plan with other values still encodes, less
# compactly. The most frequent text is last (nearest the data, cheapest to refer to).
DICTIONARY_V1 = "".join((
    '"overrides":[{"code":"","reason":"","value":""}],',
    '"step_edits":[{"step":,"total_mg":,"doses":{},"days":,"hold_days":}],',
    '"off_label":{"max_daily_mg":,"reason":""},"indication":"off_label",',
    '"liquid":{"use":"taper_end","all","below_mg":,"syringe_ml":10},',
    '"plan_id":"","review_date":"20","maintenance":"review",',
    '"indication":"epilepsy","diabetic_neuropathy","fibromyalgia","spinal_cord_injury",',
    '"drug":"pregabalin","strengths_mg":[25,50,75,100,150,200,225,300,400,600,800],',
    '"kind":"start","change","stop","current":{"morning":,"midday":,"evening":,"bedtime":},',
    '"kidney":{"crcl_ml_min":,"serum_creatinine_umol_l":,"sex":"male","haemodialysis":true,',
    '"taper":{"step_percent":,"order":["midday","morning","evening","bedtime"]},',
    '{"format_version":3,"kind":"start_and_stop","drug":"gabapentin","indication":"postherpetic_neuralgia",',
    '"start_date":"2026-","start_dose_mg":300,"increment_mg":300,"step_days":3,"target_dose_mg":1800,',
    '"doses_per_day":3,"slot_fill":"grow",',
    '"slot_times":{"morning":"08:00","midday":"13:00","evening":"18:00","bedtime":"22:00"},',
    '"larger_dose_order":["bedtime","evening","midday","morning"],"maintenance":"days","maintenance_days":,',
    '"taper":{"step_mg":,"step_days":7},"kidney":{"age_years":,"sex":"female","weight_kg":,',
    '"serum_creatinine_mg_dl":,"haemodialysis":false},',
    '"patient":{"name":"","identifier":"","date_of_birth":"19"},',
    '"prescriber":{"name":"Dr ","organisation":"","phone":""},"pharmacy":{"name":"","phone":""},',
    '"handout_language":"en"}',
)).encode("ascii")

_SPACE = re.compile(r"\s+")


class PlanCodeError(ValueError):
    """A text that is not a plan code this version can open, in a clinician's words
    (resources/text/*/plan_code.po). plan_error: the plan reader's error when the code is whole
    but the plan in it cannot be used (its fields named), else None."""

    def __init__(self, message: str, plan_error: PlanError | None = None) -> None:
        super().__init__(message)
        self.plan_error = plan_error


def plan_json(plan: Plan, *, with_patient: bool = False) -> str:
    """The plan file's JSON, minified, as a code holds it: without the fields that identify the
    patient unless with_patient."""
    data = plan_to_dict(plan)
    if not with_patient:
        data = without_identifying(data)
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def without_identifying(data: dict[str, Any]) -> dict[str, Any]:
    """A plan file's dict without the schema's identifying fields; a group left empty goes."""
    out = dict(data)
    for path in schema.identifying_paths():
        group, _, key = path.rpartition(".")
        if not group:
            out.pop(key, None)
        elif isinstance(out.get(group), dict):
            members = {k: v for k, v in out[group].items() if k != key}
            if members:
                out[group] = members
            else:
                del out[group]
    return out


def _crc(packed: bytes) -> bytes:
    """CRC-32 (ISO-HDLC, as zlib and PNG) of the prefix and the compressed bytes, big-endian."""
    return zlib.crc32(PREFIX.encode("ascii") + packed).to_bytes(CRC_BYTES, "big")


def encode_plan(plan: Plan, *, with_patient: bool = False) -> str:
    """The plan's code: "TP1" and base32 upper-case letters and digits (QR alphanumeric mode)."""
    body = plan_json(plan, with_patient=with_patient).encode("utf-8")
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zlib.Z_DEFAULT_STRATEGY, zdict=DICTIONARY_V1)
    packed = packer.compress(body) + packer.flush()
    payload = packed + _crc(packed)
    return PREFIX + base64.b32encode(payload).decode("ascii").rstrip("=")


def normalised(text: str) -> str:
    """The code as typed, pasted or scanned: upper case, spaces and line breaks removed."""
    return _SPACE.sub("", text).upper()


def decode_plan(text: str) -> Plan:
    """The plan a code holds. PlanCodeError, worded for a clinician, if the text is not a plan
    code, was made by a newer version, is damaged, or holds a plan that cannot be used."""
    body = _body(text)
    try:
        return parse_plan_text(body)
    except PlanError as exc:
        error = worded(exc)
        raise PlanCodeError(say("files.code.unusable", why=str(error)), error) from None


def _body(text: str) -> str:
    """The JSON a code holds, once its prefix, base32 and checksum are right."""
    code = normalised(text if isinstance(text, str) else "")
    if not code:
        raise PlanCodeError(say("files.code.empty"))
    if not code.startswith(MAGIC) or len(code) < len(PREFIX):
        raise PlanCodeError(say("files.code.not-a-code"))
    version = code[len(MAGIC)]
    if version in "0123456789" and int(version) > VERSION:
        raise PlanCodeError(say("files.code.newer", version=version, known=VERSION))
    if version != str(VERSION):
        raise PlanCodeError(say("files.code.not-a-code"))
    data = code[len(PREFIX):]
    if not set(data) <= ALPHABET:
        raise PlanCodeError(say("files.code.not-a-code"))
    payload = _base32(data)
    if len(payload) <= CRC_BYTES:
        raise PlanCodeError(say("files.code.damaged"))
    packed, crc = payload[:-CRC_BYTES], payload[-CRC_BYTES:]
    if _crc(packed) != crc:
        raise PlanCodeError(say("files.code.damaged"))
    unpacker = zlib.decompressobj(-15, zdict=DICTIONARY_V1)
    try:
        body = unpacker.decompress(packed, MAX_FILE_BYTES + 1)
    except zlib.error:
        raise PlanCodeError(say("files.code.damaged")) from None
    if not unpacker.eof or unpacker.unused_data or unpacker.unconsumed_tail:
        raise PlanCodeError(say("files.code.damaged"))
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:  # a right checksum of text that is not UTF-8: not written by encode_plan
        raise PlanCodeError(say("files.code.damaged")) from None


def _base32(data: str) -> bytes:
    """The bytes of unpadded base32; a length no encoder writes, or unused bits that are not
    zero, is damage (so one text has one meaning)."""
    padded = data + "=" * (-len(data) % 8)
    try:
        payload = base64.b32decode(padded)
    except (binascii.Error, ValueError):
        raise PlanCodeError(say("files.code.damaged")) from None
    if base64.b32encode(payload).decode("ascii").rstrip("=") != data:
        raise PlanCodeError(say("files.code.damaged"))
    return payload


__all__ = ["PlanCodeError", "encode_plan", "decode_plan", "normalised", "plan_json", "without_identifying",
           "PREFIX", "VERSION", "DICTIONARY_V1"]
