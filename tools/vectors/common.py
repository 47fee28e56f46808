"""Shared pieces of the vector generator: the fixed `today`, verdicts, random helpers."""

from __future__ import annotations

import datetime
import types
from pathlib import Path

from stdnum.be import nn as be_nn
from stdnum.dk import cpr as dk_cpr
from stdnum.exceptions import ValidationError
from stdnum.kr import rrn as kr_rrn
from stdnum.no import fodselsnummer as no_fnr
from stdnum.se import personnummer as se_pnr
from stdnum.za import idnr as za_id

TODAY = datetime.date(2026, 11, 22)
ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "fixtures" / "vectors"
DIGITS = "0123456789"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
ALNUM = DIGITS + UPPER


class _FixedDate(datetime.date):
    """`datetime.date` whose today() is TODAY, so stdnum's future-date rules are reproducible."""

    @classmethod
    def today(cls):
        return cls(TODAY.year, TODAY.month, TODAY.day)


_clock = types.SimpleNamespace(date=_FixedDate, datetime=datetime.datetime)
for _m in (dk_cpr, no_fnr, kr_rrn, be_nn, se_pnr, za_id):
    _m.datetime = _clock


# ---------------------------------------------------------------- verdicts

class V:
    """A judge's verdict on one input."""

    def __init__(self, fmt_ok=True, check_ok=True, dob=None, sex=None, why=None, warn=False):
        self.fmt_ok = fmt_ok
        self.check_ok = check_ok  # None: not computable (the format is already broken)
        self.dob = dob
        self.sex = sex
        self.why = why
        self.warn = warn

    @property
    def valid(self):
        return self.fmt_ok and self.check_ok is not False

    def errors(self):
        out = []
        if not self.fmt_ok:
            out.append("format")
        if self.check_ok is False:
            out.append("checksum")
        return out


def bad(why):
    return V(fmt_ok=False, check_ok=None, why=why)


def finish(v: V) -> V:
    """Rule shared by every format (issue 13): a birth date after today is malformed."""
    if v.fmt_ok and v.dob is not None and v.dob > TODAY:
        v.fmt_ok = False
        v.why = "birth date after today"
    return v


def latest_reading(yy, month, day):
    """A YYMMDD date without century: the latest real date not after TODAY (independent of
    stdnum, whose century heuristics differ per module: 1900 first for MY/ID, 1920–2019 for IT)."""
    base = TODAY.year - TODAY.year % 100
    for c in (base, base - 100, base - 200):
        try:
            d = datetime.date(c + yy, month, day)
        except ValueError:
            continue
        if d <= TODAY:
            return d
    return None


def stdnum_verdict(fn, s):
    try:
        fn(s)
        return True
    except ValidationError:
        return False
    except Exception:  # noqa: BLE001 - stdnum raises IndexError/ValueError on some malformed input
        return False


class Fmt:
    def __init__(self, key, judge, gen, alphabet, judge_source, sources, notes=(),
                 examples=(), stdnum_fn=None, disagree=None, display=None, dated=None):
        self.key = key
        self.judge = judge
        self.gen = gen
        self.alphabet = alphabet
        self.judge_source = judge_source
        self.sources = list(sources)
        self.notes = list(notes)
        self.examples = list(examples)
        self.stdnum_fn = stdnum_fn
        self.disagree = disagree or (lambda s: None)
        self.display = display or (lambda s: s)
        self.dated = dated  # gen(rng, dob) for formats that encode a birth date


FORMATS: list[Fmt] = []


def fmt(**kw):
    FORMATS.append(Fmt(**kw))


def rdigits(rng, n):
    return "".join(rng.choice(DIGITS) for _ in range(n))


def rdate(rng, lo=1920, hi=None):
    hi = hi or TODAY.year - 1
    start = datetime.date(lo, 1, 1).toordinal()
    end = datetime.date(hi, 12, 31).toordinal()
    return datetime.date.fromordinal(rng.randint(start, end))


