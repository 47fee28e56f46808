"""The ID-number formats and their judges for generate.py: python-stdnum's functions plus the
published rules it does not apply, or Python written from the issuer's rule where stdnum has
no module. Each judge returns a `V` verdict; nothing here reads our Rust."""

from __future__ import annotations

import datetime

from stdnum import luhn
from stdnum.ar import cuit as ar_cuit
from stdnum.ar import dni as ar_dni
from stdnum.be import bis as be_bis
from stdnum.be import nn as be_nn
from stdnum.br import cpf as br_cpf
from stdnum.ca import sin as ca_sin
from stdnum.cl import rut as cl_rut
from stdnum.cn import ric as cn_ric
from stdnum.dk import cpr as dk_cpr
from stdnum.ee import ik as ee_ik
from stdnum.es import dni as es_dni
from stdnum.es import nie as es_nie
from stdnum.exceptions import InvalidChecksum, ValidationError
from stdnum.fi import hetu as fi_hetu
from stdnum.fr import nir as fr_nir
from stdnum.id import nik as id_nik
from stdnum.in_ import aadhaar as in_aadhaar
from stdnum.in_ import pan as in_pan
from stdnum.it import codicefiscale as it_cf
from stdnum.kr import rrn as kr_rrn
from stdnum.mx import curp as mx_curp
from stdnum.my import nric as my_nric
from stdnum.nl import bsn as nl_bsn
from stdnum.no import fodselsnummer as no_fnr
from stdnum.pl import pesel as pl_pesel
from stdnum.se import personnummer as se_pnr
from stdnum.th import pin as th_pin
from stdnum.tr import tckimlik as tr_tckn
from stdnum.us import ssn as us_ssn
from stdnum.za import idnr as za_id

from common import FORMATS, Fmt  # noqa: F401 - re-exported: generate.py reads them from here
from common import ALNUM, DIGITS, TODAY, UPPER, V, bad, finish, fmt, latest_reading, rdate, rdigits

# CN ------------------------------------------------------------------------
# GB/T 2260 province-level codes; 81/82/83 only as the whole code 810000/820000/830000 of
# the HK/Macau/Taiwan residents' residence permits (State Council, 2018).
CN_PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45,
                46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83}
CN_DIVISIONS = ["110105", "110108", "310101", "310115", "440305", "440106", "330106", "320102",
                "510104", "500103", "420102", "650102", "540102", "810000", "820000", "830000"]


def cn_judge(s):
    s = s.replace("-", "")
    if len(s) != 18:
        return bad("length")
    if not s[:17].isdigit() or s[17] not in DIGITS + "X":
        return bad("character")
    province = int(s[:2])
    if province not in CN_PROVINCES or (province in (81, 82, 83) and s[2:6] != "0000"):
        return bad("division code")
    check_ok = s[17] == cn_ric.calc_check_digit(s)
    try:
        dob = cn_ric.get_birth_date(s)
    except ValidationError:
        return V(False, check_ok, why="birth date")
    if dob.year < 1850:
        return V(False, check_ok, why="birth year before 1850")
    v = finish(V(True, check_ok, dob=dob, sex="M" if int(s[16]) % 2 else "F"))
    if not v.fmt_ok:
        v.check_ok = check_ok
    return v


def cn_gen(rng, dob=None):
    dob = dob or rdate(rng)
    body = rng.choice(CN_DIVISIONS) + dob.strftime("%Y%m%d") + rdigits(rng, 3)
    return body + cn_ric.calc_check_digit(body + "0")


def cn_disagree(s):
    try:
        cn_ric.get_birth_place(s)
    except Exception:  # noqa: BLE001
        return ("python-stdnum also requires the 6-digit county code to be in its GB/T 2260 "
                "history (cn/loc.dat); we check the province (the county list changes yearly "
                "and a holder keeps a retired code)")
    if cn_judge(s).why == "birth year before 1850":
        return "python-stdnum accepts any year; we reject births before 1850 (no living holder)"
    if cn_judge(s).why == "birth date after today":
        return "python-stdnum accepts a birth date after today"
    return None


fmt(key="CN-RIC", judge=cn_judge, gen=cn_gen, dated=cn_gen, alphabet=DIGITS + "X",
    judge_source="python-stdnum cn.ric (check character, birth date) + GB/T 2260 province list",
    sources=["GB 11643-1999 (structure, ISO 7064 MOD 11-2)", "GB/T 2260 (division codes)",
             "python-stdnum cn.ric"],
    examples=[("11010519491231002X", "GB 11643-1999 annex example"),
              ("440308199901101512", "python-stdnum cn.ric doctest")],
    stdnum_fn=cn_ric.validate, disagree=cn_disagree)


# HK ------------------------------------------------------------------------
def hk_value(c):
    return 36 if c == " " else (ord(c) - ord("A") + 10 if c.isalpha() else int(c))


def hk_check(body):
    """Immigration Department's scheme: a single prefix letter is preceded by a space (36);
    weights 9..2; check = (11 - sum mod 11) mod 11, 10 written A."""
    padded = body if len(body) == 8 else " " + body
    total = sum(hk_value(c) * w for c, w in zip(padded, range(9, 1, -1)))
    r = (11 - total % 11) % 11
    return "A" if r == 10 else str(r)


def hk_judge(s):
    s = s.replace("(", "").replace(")", "").replace("-", "")
    if len(s) not in (8, 9):
        return bad("length")
    n = len(s) - 7
    if not (s[:n].isalpha() and s[:n].isupper() and s[n:-1].isdigit() and s[-1] in DIGITS + "A"):
        return bad("character")
    return V(True, s[-1] == hk_check(s[:-1]))


def hk_gen(rng):
    prefix = rng.choice(UPPER) if rng.random() < 0.8 else rng.choice(UPPER) + rng.choice(UPPER)
    body = prefix + rdigits(rng, 6)
    return body + hk_check(body)


fmt(key="HK-HKID", judge=hk_judge, gen=hk_gen, alphabet=ALNUM,
    judge_source="independent Python implementation of the HKID check-digit scheme",
    sources=["Immigration Department, Registration of Persons Ordinance (Cap. 177)",
             "HKID check-digit scheme as published on the card's specimen (A123456(3))"],
    notes=["python-stdnum has no HKID module: judged by the scheme written out in this file."],
    examples=[("A1234563", "ImmD specimen A123456(3)"), ("A123456(3)", "printed form")])


# TW ------------------------------------------------------------------------
# Ministry of the Interior letter codes (household registration area), as printed in the MOI
# table: A 10 … H 17, J 18 … N 22, P 23 … V 29, X 30, Y 31, W 32, Z 33, I 34, O 35.
TW_CODES = {"A": 10, "B": 11, "C": 12, "D": 13, "E": 14, "F": 15, "G": 16, "H": 17, "I": 34,
            "J": 18, "K": 19, "L": 20, "M": 21, "N": 22, "O": 35, "P": 23, "Q": 24, "R": 25,
            "S": 26, "T": 27, "U": 28, "V": 29, "W": 32, "X": 30, "Y": 31, "Z": 33}


def tw_check(letter, digits8):
    code = TW_CODES[letter]
    total = code // 10 + (code % 10) * 9 + sum(int(d) * w for d, w in zip(digits8, range(8, 0, -1)))
    return str((10 - total % 10) % 10)


def tw_judge(s):
    s = s.replace("-", "")
    if len(s) != 10:
        return bad("length")
    if s[0] in UPPER and s[1] in "ABCD" and s[2:].isdigit():
        return V(True, True)
    if not (s[0] in UPPER and s[1:].isdigit()):
        return bad("character")
    if s[1] not in "1289":
        return bad("sex digit")
    return V(True, s[9] == tw_check(s[0], s[1:9]), sex="M" if s[1] in "18" else "F")


def tw_gen(rng):
    letter = rng.choice(UPPER)
    body = rng.choice("1289") + rdigits(rng, 7)
    return letter + body + tw_check(letter, body)


fmt(key="TW-ID", judge=tw_judge, gen=tw_gen, alphabet=ALNUM,
    judge_source="independent Python implementation of the MOI check rule",
    sources=["Ministry of the Interior, household registration: national ID number rule",
             "National Immigration Agency: 2021 uniform ID numbers (8/9 as 2nd character)",
             "pre-2021 ARC numbers: letter + A–D + 8 digits (shape only)"],
    notes=["python-stdnum has no module for the personal ID (tw.ubn is the business number)."],
    examples=[("A123456789", "MOI textbook example")])


# MO ------------------------------------------------------------------------
def mo_judge(s):
    s = s.replace("(", "").replace(")", "").replace("/", "")
    if len(s) != 8:
        return bad("length")
    if not s.isdigit():
        return bad("character")
    return V(True, True)


fmt(key="MO-BIR", judge=mo_judge, gen=lambda rng: rng.choice("157") + rdigits(rng, 7),
    alphabet=DIGITS + "A", judge_source="independent: DSI publishes no check rule, shape only",
    sources=["Identification Services Bureau (DSI): 1234567(8) layout"],
    examples=[("1234567(8)", "layout illustration")])


# SG ------------------------------------------------------------------------
SG_TABLES = {"S": (0, "JZIHGFEDCBA"), "T": (4, "JZIHGFEDCBA"), "F": (0, "XWUTRQPNMLK"),
             "G": (4, "XWUTRQPNMLK"), "M": (3, "XWUTRQPNJLK")}


def sg_check(prefix, digits7):
    offset, table = SG_TABLES[prefix]
    total = sum(int(d) * w for d, w in zip(digits7, (2, 7, 6, 5, 4, 3, 2))) + offset
    return table[total % 11]


def sg_judge(s):
    s = s.replace("-", "")
    if len(s) != 9:
        return bad("length")
    if not (s[0] in UPPER and s[1:8].isdigit() and s[8] in UPPER):
        return bad("character")
    if s[0] not in SG_TABLES:
        return bad("prefix")
    return V(True, s[8] == sg_check(s[0], s[1:8]))


def sg_gen(rng):
    p = rng.choice("STFGM")
    d = rdigits(rng, 7)
    return p + d + sg_check(p, d)


fmt(key="SG-NRIC", judge=sg_judge, gen=sg_gen, alphabet=ALNUM,
    judge_source="independent Python implementation of the NRIC/FIN check letter",
    sources=["ICA NRIC / MOM FIN check-letter rule (weights 2 7 6 5 4 3 2; T/G +4, M +3)"],
    notes=["python-stdnum has no NRIC module (sg.uen is the business number)."],
    examples=[("S1234567D", "widely published NRIC example")])


# MY ------------------------------------------------------------------------
def my_judge(s):
    s = s.replace("-", "")
    if len(s) != 12:
        return bad("length")
    if not s.isdigit():
        return bad("character")
    try:
        my_nric.get_birth_date(s)
    except ValidationError:
        return bad("birth date")
    try:
        my_nric.get_birth_place(s)
    except ValidationError:
        return bad("place of birth")
    dob = latest_reading(int(s[:2]), int(s[2:4]), int(s[4:6]))
    return finish(V(True, True, dob=dob, sex="M" if int(s[11]) % 2 else "F"))


MY_PLACES = [1, 5, 10, 14, 21, 34, 54, 59, 60, 71, 74, 82, 85, 93, 98]


def my_gen(rng, dob=None):
    dob = dob or rdate(rng)
    return dob.strftime("%y%m%d") + "%02d" % rng.choice(MY_PLACES) + rdigits(rng, 4)


fmt(key="MY-NRIC", judge=my_judge, gen=my_gen, dated=my_gen, alphabet=DIGITS,
    judge_source="python-stdnum my.nric (date, JPN place-of-birth list); century: latest not after today",
    sources=["National Registration Department (JPN): place-of-birth codes", "python-stdnum my.nric + my/bp.dat"],
    notes=["stdnum reads YY as 19YY first; the vectors give the latest reading not after today "
           "(the number states no century; the profile is compared on YYMMDD)."],
    examples=[("770305-02-1234", "python-stdnum my.nric doctest")], stdnum_fn=my_nric.validate)


# KR ------------------------------------------------------------------------
KR_REFORM = datetime.date(2020, 10, 1)


def kr_judge(s):
    s = s.replace("-", "")
    if len(s) != 13:
        return bad("length")
    if not s.isdigit():
        return bad("character")
    try:
        dob = kr_rrn.get_birth_date(s)
    except ValidationError:
        return bad("birth date")
    sex = "M" if s[6] in "13579" else "F"
    v = finish(V(True, True, dob=dob, sex=sex))
    if not v.fmt_ok:
        return v
    if dob < KR_REFORM and s[12] != kr_rrn.calc_check_digit(s[:12]):
        return V(True, False, dob=dob, sex=sex, warn=True)
    return v


def kr_gen(rng, dob=None):
    dob = dob or rdate(rng, 1930, 2019)
    if dob.year < 1900:
        digit = rng.choice("90")
    elif dob.year < 2000:
        digit = rng.choice("1256")
    else:
        digit = rng.choice("3478")
    body = dob.strftime("%y%m%d") + digit + "%02d" % rng.randint(0, 96) + rdigits(rng, 3)
    return body + kr_rrn.calc_check_digit(body)


def kr_disagree(s):
    s = s.replace("-", "")
    if len(s) == 13 and s.isdigit() and int(s[7:9]) > 96:
        return ("python-stdnum rejects an area code (8th–9th digits) above 96; numbers issued "
                "or changed since October 2020 carry random digits there, so we do not")
    try:
        if kr_rrn.get_birth_date(s) >= KR_REFORM:
            return ("python-stdnum applies the check digit to births from October 2020; those "
                    "numbers have none (Resident Registration Act amendment, 2020)")
    except Exception:  # noqa: BLE001
        pass
    if kr_judge(s).why == "birth date after today":
        return "python-stdnum accepts a birth date after today by default (allow_future=True)"
    return None


fmt(key="KR-RRN", judge=kr_judge, gen=kr_gen, dated=kr_gen, alphabet=DIGITS,
    judge_source="python-stdnum kr.rrn (century/sex digit, check digit) + 2020 reform + today",
    sources=["Resident Registration Act (MOIS)", "python-stdnum kr.rrn"],
    notes=["A check-digit mismatch is a warning (`warn`): numbers issued or changed since "
           "October 2020 have random digits and no check digit; births from October 2020 are "
           "not checked at all."],
    examples=[("971013-9019902", "python-stdnum kr.rrn doctest")], stdnum_fn=kr_rrn.validate,
    disagree=kr_disagree)


# IN ------------------------------------------------------------------------
def aadhaar_judge(s):
    s = s.replace(" ", "").replace("-", "")
    if len(s) != 12:
        return bad("length")
    if not s.isdigit():
        return bad("character")
    if s[0] in "01":
        return bad("first digit 0/1")
    try:
        in_aadhaar.verhoeff.validate(s)
        return V(True, True)
    except InvalidChecksum:
        return V(True, False)


def aadhaar_gen(rng):
    body = rng.choice("23456789") + rdigits(rng, 10)
    return body + in_aadhaar.verhoeff.calc_check_digit(body)


def aadhaar_disagree(s):
    s = s.replace(" ", "").replace("-", "")
    if s == s[::-1]:
        return "python-stdnum rejects palindromes; no UIDAI rule found that says so"
    return None


fmt(key="IN-AADHAAR", judge=aadhaar_judge, gen=aadhaar_gen, alphabet=DIGITS,
    judge_source="python-stdnum in_.aadhaar / stdnum.verhoeff (Verhoeff 1969 tables)",
    sources=["UIDAI: 12 digits, first not 0/1, Verhoeff check digit", "python-stdnum in_.aadhaar"],
    examples=[("234123412346", "python-stdnum in_.aadhaar doctest"),
              ("2341 2341 2346", "printed grouping")],
    stdnum_fn=in_aadhaar.validate, disagree=aadhaar_disagree)

PAN_TYPES = "PCHFATBLJG"


def pan_judge(s):
    s = s.replace("-", "")
    if len(s) != 10:
        return bad("length")
    if not (s[:5].isalpha() and s[:5].isupper() and s[5:9].isdigit() and s[9] in UPPER):
        return bad("character")
    if s[3] not in PAN_TYPES:
        return bad("holder type")
    if s[5:9] == "0000":
        return bad("serial 0000")
    return V(True, True)


def pan_gen(rng):
    return ("".join(rng.choice(UPPER) for _ in range(3)) + rng.choice(PAN_TYPES) + rng.choice(UPPER)
            + "%04d" % rng.randint(1, 9999) + rng.choice(UPPER))


def pan_disagree(s):
    if len(s) == 10 and s[3] == "K":
        return ("python-stdnum accepts holder type K; the Income Tax Department's list is "
                "P C H F A T B L J G")
    return None


fmt(key="IN-PAN", judge=pan_judge, gen=pan_gen, alphabet=ALNUM,
    judge_source="python-stdnum in_.pan rules (shape, holder type, serial 0001–9999)",
    sources=["Income Tax Department (s.139A): PAN structure and holder types", "python-stdnum in_.pan"],
    examples=[("ABCPE1234F", "layout illustration"),
              ("AAPPV8261K", "python-stdnum in_.pan doctest")],
    stdnum_fn=in_pan.validate, disagree=pan_disagree)


# ID ------------------------------------------------------------------------
# Kepmendagri 100.1.1-6117/2022 (province codes of the Ministry of Home Affairs, which
# Dukcapil uses for NIKs), including the four Papua provinces created in 2022.
ID_PROVINCES = ({11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53,
                 61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82}
                | {91, 92, 93, 94, 95, 96})
ID_REGIONS = ["3171", "3273", "3578", "5171", "1271", "6471", "6501", "7371", "9171", "9201",
              "9301", "9401", "9501", "9601", "1101", "8271"]


def nik_judge(s):
    s = s.replace(".", "").replace("-", "")
    if len(s) != 16:
        return bad("length")
    if not s.isdigit():
        return bad("character")
    if int(s[:2]) not in ID_PROVINCES:
        return bad("province")
    dd = int(s[6:8])
    if not (1 <= dd <= 31 or 41 <= dd <= 71):
        return bad("birth day")
    try:
        id_nik.get_birth_date(s)
    except ValidationError:
        return bad("birth date")
    if s[12:] == "0000":
        return bad("serial 0000")
    dob = latest_reading(int(s[10:12]), int(s[8:10]), dd % 40)
    return finish(V(True, True, dob=dob, sex="F" if dd > 40 else "M"))


def nik_gen(rng, dob=None):
    dob = dob or rdate(rng)
    female = rng.random() < 0.5
    return (rng.choice(ID_REGIONS) + "%02d" % rng.randint(1, 40) + "%02d" % (dob.day + 40 * female)
            + dob.strftime("%m%y") + "%04d" % rng.randint(1, 9999))


def nik_disagree(s):
    s = s.replace(".", "").replace("-", "")
    if len(s) == 16 and s.isdigit():
        if int(s[:2]) in {65, 92, 93, 95, 96}:
            return ("python-stdnum's id/loc.dat predates North Kalimantan (65, 2012) and the 2022 "
                    "Papua provinces (92–96 in Kemendagri codes)")
        if not id_nik._check_registration_place.__module__:  # pragma: no cover
            return None
        try:
            id_nik._check_registration_place(s)
        except ValidationError:
            return ("python-stdnum also checks the regency code against its (stale) id/loc.dat; "
                    "we check the province (Kepmendagri 100.1.1-6117/2022)")
        dd = int(s[6:8])
        if not (1 <= dd <= 31 or 41 <= dd <= 71):
            return "python-stdnum reads the day mod 40 (day 81 = 1); the day field is 01–31 or 41–71"
        if s[12:] == "0000":
            return "python-stdnum accepts serial 0000; serials start at 0001"
    return None


fmt(key="ID-NIK", judge=nik_judge, gen=nik_gen, dated=nik_gen, alphabet=DIGITS,
    judge_source="python-stdnum id.nik (birth date) + Kemendagri province list",
    sources=["Law 24/2013 (Adminduk); Dukcapil NIK structure",
             "Kepmendagri 100.1.1-6117/2022 (38 provinces: 11–19, 21, 31–36, 51–53, 61–65, "
             "71–76, 81–82, 91–96)", "python-stdnum id.nik"],
    notes=["Province codes are Kemendagri's (91 Papua, 92 Papua Barat, 93 Papua Selatan, "
           "94 Papua Tengah, 95 Papua Pegunungan, 96 Papua Barat Daya), not BPS's.",
           "Century: latest reading not after today (stdnum tries 19YY first)."],
    examples=[("3171015208900001", "layout illustration: Jakarta, woman born 12-08-(19)90"),
              ("9601011208900001", "Papua Barat Daya (96, 2022)"),
              ("9701011208900001", "97: no such province"), ("9801011208900001", "98: no such province"),
              ("9901011208900001", "99: no such province")],
    stdnum_fn=id_nik.validate, disagree=nik_disagree)


# TH ------------------------------------------------------------------------
def th_judge(s):
    s = s.replace("-", "")
    if len(s) != 13:
        return bad("length")
    if not s.isdigit():
        return bad("character")
    return V(True, s[12] == th_pin.calc_check_digit(s))


def th_gen(rng):
    body = rng.choice("12345678") + rdigits(rng, 11)
    return body + th_pin.calc_check_digit(body)


def th_disagree(s):
    s = s.replace("-", "")
    if len(s) == 13 and s[0] in "09":
        return ("python-stdnum rejects a first digit 0 or 9; category 0 is issued to persons "
                "without registration status, so we check the digits only")
    return None


fmt(key="TH-PIN", judge=th_judge, gen=th_gen, alphabet=DIGITS,
    judge_source="python-stdnum th.pin check digit",
    sources=["Bureau of Registration Administration: 13-digit PIN, weights 13…2 mod 11",
             "python-stdnum th.pin"],
    examples=[("1-2345-67890-12-1", "python-stdnum th.pin doctest")], stdnum_fn=th_pin.validate,
    disagree=th_disagree)


# TR ------------------------------------------------------------------------
def tr_judge(s):
    s = s.replace("-", "")
    if len(s) != 11:
        return bad("length")
    if not s.isdigit():
        return bad("character")
    if s[0] == "0":
        return bad("first digit 0")
    return V(True, tr_tckn.calc_check_digits(s) == s[9:])


def tr_gen(rng):
    body = rng.choice("123456789") + rdigits(rng, 8)
    return body + tr_tckn.calc_check_digits(body)


fmt(key="TR-TCKN", judge=tr_judge, gen=tr_gen, alphabet=DIGITS,
    judge_source="python-stdnum tr.tckimlik", sources=["NVİ, Law 5490", "python-stdnum tr.tckimlik"],
    examples=[("17291716060", "python-stdnum tr.tckimlik doctest")], stdnum_fn=tr_tckn.validate)


# BR ------------------------------------------------------------------------
def cpf_judge(s):
    s = s.replace(".", "").replace("-", "")
    if len(s) != 11:
        return bad("length")
    if not s.isdigit():
        return bad("character")
    check = br_cpf._calc_check_digits(s) == s[9:]
    if len(set(s)) == 1:
        return V(False, check, why="repeated digit")
    return V(True, check)


def cpf_gen(rng):
    body = rdigits(rng, 9)
    return body + br_cpf._calc_check_digits(body + "00")


def cpf_disagree(s):
    s = s.replace(".", "").replace("-", "")
    if len(s) == 11 and len(set(s)) == 1:
        return ("python-stdnum accepts a CPF of one repeated digit (e.g. 111.111.111-11); the "
                "Receita Federal never issues them")
    return None


fmt(key="BR-CPF", judge=cpf_judge, gen=cpf_gen, alphabet=DIGITS,
    judge_source="python-stdnum br.cpf + repeated-digit rule",
    sources=["Receita Federal (IN RFB 2.172/2024)", "python-stdnum br.cpf"],
    examples=[("390.533.447-05", "python-stdnum br.cpf doctest"), ("111.111.111-11", "repeated digits")],
    stdnum_fn=br_cpf.validate, disagree=cpf_disagree)


# MX ------------------------------------------------------------------------
def curp_judge(s):
    s = s.replace("-", "")
    if len(s) != 18:
        return bad("length")
    import re
    if not re.match("^[A-Z]{4}[0-9]{6}[A-Z]{6}[0-9A-Z][0-9]$", s):
        return bad("character")
    if s[:4] in mx_curp._name_blacklist:
        return bad("inconvenient word")
    if s[10] not in "HMX":
        return bad("sex")
    if s[11:13] not in mx_curp._valid_states:
        return bad("state")
    check = s[17] == mx_curp.calc_check_digit(s)
    try:
        dob = mx_curp.get_birth_date(s)
    except ValidationError:
        return V(False, check, why="birth date")
    v = finish(V(True, check, dob=dob, sex={"H": "M", "M": "F"}.get(s[10])))
    v.check_ok = check
    return v


def curp_gen(rng, dob=None):
    dob = dob or rdate(rng)
    while True:
        head = "".join(rng.choice(UPPER) for _ in range(4))
        if head not in mx_curp._name_blacklist:
            break
    diff = rng.choice(DIGITS) if dob.year < 2000 else rng.choice(UPPER)
    body = (head + dob.strftime("%y%m%d") + rng.choice("HM") + rng.choice(sorted(mx_curp._valid_states))
            + "".join(rng.choice("BCDFGHJKLMNPQRSTVWXZ") for _ in range(3)) + diff)
    return body + mx_curp.calc_check_digit(body + "0")


def curp_disagree(s):
    if len(s) == 18 and s[10] == "X":
        return ("python-stdnum rejects sex X; RENAPO issues CURPs with X (non-binary) since the "
                "2021 Instructivo, so we accept it (no sex compared)")
    if curp_judge(s).why == "birth date after today":
        return "python-stdnum accepts a birth date after today"
    return None


fmt(key="MX-CURP", judge=curp_judge, gen=curp_gen, dated=curp_gen, alphabet=ALNUM,
    judge_source="python-stdnum mx.curp (shape, inconvenient words, states, check digit)",
    sources=["RENAPO, Instructivo Normativo para la Asignación de la CURP (DOF 18-10-2021), "
             "incl. Anexo 2 (inconvenient words)", "python-stdnum mx.curp"],
    examples=[("BOXW310820HNERXN09", "python-stdnum mx.curp doctest")], stdnum_fn=mx_curp.validate,
    disagree=curp_disagree)


# AR ------------------------------------------------------------------------
def ardni_judge(s):
    s = s.replace(".", "")
    if len(s) not in (7, 8):
        return bad("length")
    if not s.isdigit():
        return bad("character")
    return V(True, True)


fmt(key="AR-DNI", judge=ardni_judge, gen=lambda rng: str(rng.randint(1_000_000, 99_999_999)),
    alphabet=DIGITS + "A", judge_source="python-stdnum ar.dni",
    sources=["RENAPER: 7–8 digits", "python-stdnum ar.dni"],
    examples=[("20.123.456", "python-stdnum ar.dni doctest")], stdnum_fn=ar_dni.validate)

CUIT_PREFIXES = ("20", "23", "24", "27", "30", "33", "34", "50", "51", "55")


def cuit_value(body):
    total = sum(w * int(n) for w, n in zip((5, 4, 3, 2, 7, 6, 5, 4, 3, 2), body))
    return (11 - total % 11) % 11


def cuit_judge(s):
    s = s.replace("-", "").replace(".", "")
    if len(s) != 11:
        return bad("length")
    if not s.isdigit():
        return bad("character")
    if s[:2] not in CUIT_PREFIXES:
        return bad("prefix")
    value = cuit_value(s[:10])
    sex = {"20": "M", "27": "F"}.get(s[:2])
    return V(True, value != 10 and str(value) == s[10], sex=sex)


def cuit_gen(rng):
    while True:
        body = rng.choice(CUIT_PREFIXES) + rdigits(rng, 8)
        if cuit_value(body) != 10:
            return body + str(cuit_value(body))


def cuit_disagree(s):
    s = s.replace("-", "").replace(".", "")
    if len(s) == 11 and s.isdigit() and cuit_value(s[:10]) == 10:
        return ("python-stdnum maps a remainder giving 10 to check digit 9; AFIP never issues "
                "such a number (the prefix becomes 23/24/33 instead), so no digit is valid")
    return None


fmt(key="AR-CUIT", judge=cuit_judge, gen=cuit_gen, alphabet=DIGITS,
    judge_source="python-stdnum ar.cuit (prefixes, weights) + AFIP's remainder-10 rule",
    sources=["AFIP/ARCA RG 10/1997; ANSES CUIL", "python-stdnum ar.cuit"],
    examples=[("20-26756539-3", "python-stdnum ar.cuit doctest")], stdnum_fn=ar_cuit.validate,
    disagree=cuit_disagree)


# CL ------------------------------------------------------------------------
def rut_judge(s):
    s = s.replace(".", "").replace("-", "")
    if len(s) not in (8, 9):
        return bad("length")
    if not s[:-1].isdigit() or s[-1] not in DIGITS + "K":
        return bad("character")
    return V(True, cl_rut.calc_check_digit(s[:-1]) == s[-1])


def rut_gen(rng):
    body = str(rng.randint(1_000_000, 29_999_999))
    return body + cl_rut.calc_check_digit(body)


fmt(key="CL-RUT", judge=rut_judge, gen=rut_gen, alphabet=DIGITS + "K",
    judge_source="python-stdnum cl.rut", sources=["Registro Civil / SII", "python-stdnum cl.rut"],
    examples=[("76086428-5", "python-stdnum cl.rut doctest"), ("12.531.909-2", "formatted")],
    stdnum_fn=cl_rut.validate)


# US ------------------------------------------------------------------------
def ssn_judge(s):
    s = s.replace("-", "")
    if len(s) != 9:
        return bad("length")
    if not s.isdigit():
        return bad("character")
    if s[:3] in ("000", "666") or s[0] == "9" or s[3:5] == "00" or s[5:] == "0000":
        return bad("reserved block")
    if s in ("078051120", "219099999"):
        return bad("voided number")
    return V(True, True)


fmt(key="US-SSN", judge=ssn_judge, gen=lambda rng: "%03d%02d%04d" % (rng.choice([rng.randint(1, 665), rng.randint(667, 899)]), rng.randint(1, 99), rng.randint(1, 9999)),
    alphabet=DIGITS, judge_source="python-stdnum us.ssn rules",
    sources=["SSA POMS RM 10201; SSN randomization (2011)", "python-stdnum us.ssn"],
    examples=[("536-90-4399", "python-stdnum us.ssn doctest"), ("078-05-1120", "voided (Woolworth wallet card)"),
              ("219-09-9999", "voided (SSA pamphlet)"), ("457-55-5462", "published by its holder"),
              ("000-12-3456", "area 000"), ("666-12-3456", "area 666"), ("900-12-3456", "area 900 (ITIN)"),
              ("123-00-4567", "group 00"), ("123-45-0000", "serial 0000")],
    stdnum_fn=us_ssn.validate,
    disagree=lambda s: ("python-stdnum blacklists 457-55-5462 (published by its holder); SSA has "
                        "not voided it" if s.replace("-", "") == "457555462" else None))


# CA ------------------------------------------------------------------------
def sin_judge(s):
    s = s.replace("-", "")
    if len(s) != 9:
        return bad("length")
    if not s.isdigit():
        return bad("character")
    if s[0] in "08":
        return bad("first digit 0/8")
    return V(True, luhn.is_valid(s))


def sin_gen(rng):
    body = rng.choice("1234567 9") .strip() or "1"
    body = rng.choice("1234567") + rdigits(rng, 7)
    return body + luhn.calc_check_digit(body)


fmt(key="CA-SIN", judge=sin_judge, gen=sin_gen, alphabet=DIGITS, judge_source="python-stdnum ca.sin",
    sources=["ESDC / Service Canada: Luhn, first digit not 0/8", "python-stdnum ca.sin"],
    examples=[("123-456-782", "python-stdnum ca.sin doctest")], stdnum_fn=ca_sin.validate)


# ES ------------------------------------------------------------------------
def esdni_judge(s):
    s = s.replace("-", "").replace(".", "")
    if len(s) != 9:
        return bad("length")
    if not (s[:8].isdigit() and s[8] in UPPER):
        return bad("character")
    return V(True, es_dni.calc_check_digit(s[:8]) == s[8])


def esdni_gen(rng):
    body = rdigits(rng, 8)
    return body + es_dni.calc_check_digit(body)


fmt(key="ES-DNI", judge=esdni_judge, gen=esdni_gen, alphabet=ALNUM, judge_source="python-stdnum es.dni",
    sources=["Ministerio del Interior, RD 1553/2005", "python-stdnum es.dni"],
    examples=[("54362315-K", "python-stdnum es.dni doctest"), ("12345678Z", "common worked example (12345678 mod 23 = 14 → Z)")],
    stdnum_fn=es_dni.validate,
    disagree=lambda s: ("python-stdnum reports a digit in the letter position as a checksum "
                        "error; it is a format error" if len(s) == 9 and s[-1].isdigit() else None))


def esnie_judge(s):
    s = s.replace("-", "").replace(".", "")
    if len(s) != 9:
        return bad("length")
    if not (s[0] in UPPER and s[1:8].isdigit() and s[8] in UPPER):
        return bad("character")
    if s[0] not in "XYZ":
        return bad("prefix")
    return V(True, es_nie.calc_check_digit(s[:8]) == s[8])


def esnie_gen(rng):
    body = rng.choice("XYZ") + rdigits(rng, 7)
    return body + es_nie.calc_check_digit(body)


fmt(key="ES-NIE", judge=esnie_judge, gen=esnie_gen, alphabet=ALNUM, judge_source="python-stdnum es.nie",
    sources=["Orden INT/2058/2008", "python-stdnum es.nie"],
    examples=[("x-2482300w", "python-stdnum es.nie doctest")], stdnum_fn=es_nie.validate,
    disagree=lambda s: ("python-stdnum reports a digit in the letter position as a checksum "
                        "error; it is a format error" if len(s) == 9 and s[-1].isdigit() else None))


# IT ------------------------------------------------------------------------
def cf_judge(s):
    s = s.replace("-", "")
    if len(s) != 16:
        return bad("length")
    if not it_cf._code_re.match(s):
        return bad("character")
    check = it_cf.calc_check_digit(s[:-1]) == s[-1]
    digits = it_cf._date_digits
    if digits[s[12]] * 100 + digits[s[13]] * 10 + digits[s[14]] == 0:
        return V(False, check, why="place code 000")
    try:
        it_cf.get_birth_date(s)
    except ValidationError:
        return V(False, check, why="birth date")
    day = digits[s[9]] * 10 + digits[s[10]]
    if day > 71 or day in (0, 40):
        return V(False, check, why="birth day")
    month = "ABCDEHLMPRST".index(s[8]) + 1
    dob = latest_reading(digits[s[6]] * 10 + digits[s[7]], month, day % 40)
    return V(True, check, dob=dob, sex="F" if day > 40 else "M")


def cf_gen(rng, dob=None):
    dob = dob or rdate(rng)
    female = rng.random() < 0.5
    body = ("".join(rng.choice(UPPER) for _ in range(6)) + dob.strftime("%y")
            + "ABCDEHLMPRST"[dob.month - 1] + "%02d" % (dob.day + 40 * female)
            + rng.choice(UPPER) + "%03d" % rng.randint(1, 999))
    return body + it_cf.calc_check_digit(body)


def cf_disagree(s):
    if cf_judge(s).why == "place code 000":
        return "python-stdnum accepts Belfiore code X000; no place has number 000"
    if cf_judge(s).why == "birth day":
        return "python-stdnum reads the day mod 40 (day 72 = 32 is caught, 80 = 0…); 01–31, 41–71 only"
    return None


fmt(key="IT-CF", judge=cf_judge, gen=cf_gen, dated=cf_gen, alphabet=ALNUM,
    judge_source="python-stdnum it.codicefiscale (shape incl. omocodia, check letter, date)",
    sources=["DPR 605/1973, DM 23/12/1976 (Agenzia delle Entrate)", "python-stdnum it.codicefiscale"],
    notes=["Century: latest reading not after today (stdnum reads 1920–2019)."],
    examples=[("RCCMNL83S18D969H", "python-stdnum it.codicefiscale doctest"),
              ("RSSMRA85T10A562S", "Agenzia delle Entrate example (Mario Rossi)")],
    stdnum_fn=it_cf.validate, disagree=cf_disagree)


# PL ------------------------------------------------------------------------
def pesel_judge(s):
    s = s.replace("-", "")
    if len(s) != 11:
        return bad("length")
    if not s.isdigit():
        return bad("character")
    check = pl_pesel.calc_check_digit(s[:10]) == s[10]
    try:
        dob = pl_pesel.get_birth_date(s)
    except (ValidationError, KeyError):
        return V(False, check, why="birth date")
    v = finish(V(True, check, dob=dob, sex=pl_pesel.get_gender(s)))
    v.check_ok = check
    return v


def pesel_gen(rng, dob=None):
    dob = dob or rdate(rng, 1900)
    offset = {18: 80, 19: 0, 20: 20, 21: 40, 22: 60}[dob.year // 100]
    body = "%02d%02d%02d" % (dob.year % 100, dob.month + offset, dob.day) + rdigits(rng, 4)
    return body + pl_pesel.calc_check_digit(body)


fmt(key="PL-PESEL", judge=pesel_judge, gen=pesel_gen, dated=pesel_gen, alphabet=DIGITS,
    judge_source="python-stdnum pl.pesel + today", sources=["Population Register Act 2010", "python-stdnum pl.pesel"],
    examples=[("44051401359", "python-stdnum pl.pesel doctest")], stdnum_fn=pl_pesel.validate,
    disagree=lambda s: ("python-stdnum accepts a birth date after today"
                        if pesel_judge(s).why == "birth date after today" else None))


# SE ------------------------------------------------------------------------
def pnr_judge(s):
    try:
        c = se_pnr.compact(s)
    except Exception:  # noqa: BLE001
        return bad("shape")
    if len(c) not in (11, 13):
        return bad("length")
    digits = c[:-5] + c[-4:]
    if c[-5] not in "-+" or not digits.isdigit():
        return bad("character")
    check = luhn.is_valid(digits[-10:])
    dd = int(c[-7:-5])
    day = dd - 60 if dd > 60 else dd
    try:
        if len(c) == 13:
            dob = datetime.date(int(c[:4]), int(c[4:6]), day)
        else:
            dob = se_pnr.get_birth_date(c[:4] + "%02d" % day + c[6:])
    except (ValidationError, ValueError):
        return V(False, check, why="birth date")
    v = finish(V(True, check, dob=dob, sex=se_pnr.get_gender(c)))
    v.check_ok = check
    return v


def pnr_gen(rng, dob=None):
    dob = dob or rdate(rng)
    coord = rng.random() < 0.1
    body = "%02d%02d%02d" % (dob.year % 100, dob.month, dob.day + 60 * coord) + rdigits(rng, 3)
    check = luhn.calc_check_digit(body)
    if rng.random() < 0.3:
        return str(dob.year)[:2] + body + check
    sep = "+" if (TODAY.year - dob.year) >= 100 else "-"
    return body[:6] + sep + body[6:] + check


fmt(key="SE-PNR", judge=pnr_judge, gen=pnr_gen, dated=pnr_gen, alphabet=DIGITS + "+-",
    judge_source="python-stdnum se.personnummer (Luhn, century from the separator) + today",
    sources=["Skatteverket SKV 704; Folkbokföringslagen 1991:481 §18", "python-stdnum se.personnummer"],
    examples=[("880320-0016", "python-stdnum se.personnummer doctest"),
              ("811218-9876", "Skatteverket example")],
    stdnum_fn=se_pnr.validate,
    disagree=lambda s: ("python-stdnum accepts a birth date after today"
                        if pnr_judge(s).why == "birth date after today" else
                        ("python-stdnum rejects coordination numbers (day + 60)"
                         if pnr_judge(s).valid else None)))


# FI ------------------------------------------------------------------------
def hetu_judge(s):
    if len(s) != 11:
        return bad("length")
    m = fi_hetu._hetu_re.search(s)
    if not m:
        return bad("character")
    century = fi_hetu._century_codes[m.group("century")]
    ind = int(m.group("individual"))
    check = m.group("control") == fi_hetu._calc_checksum(s[:6] + s[7:10])
    try:
        dob = datetime.date(century + int(m.group("year")), int(m.group("month")), int(m.group("day")))
    except ValueError:
        return V(False, check, why="birth date")
    if ind < 2 or ind >= 900:
        return V(False, check, why="individual number")
    v = finish(V(True, check, dob=dob, sex="M" if ind % 2 else "F"))
    v.check_ok = check
    return v


def hetu_gen(rng, dob=None):
    dob = dob or rdate(rng)
    sign = {18: "+", 19: rng.choice("-YXWVU"), 20: rng.choice("ABCDEF")}[dob.year // 100]
    ind = "%03d" % rng.randint(2, 899)
    return dob.strftime("%d%m%y") + sign + ind + fi_hetu._calc_checksum(dob.strftime("%d%m%y") + ind)


fmt(key="FI-HETU", judge=hetu_judge, gen=hetu_gen, dated=hetu_gen,
    alphabet=DIGITS + "+-ABCDEFYXWVUHJKLMNPRST",
    judge_source="python-stdnum fi.hetu (incl. 2023 century signs; temporary 900–999 rejected) + today",
    sources=["DVV; Act 661/2009 as amended 2023", "python-stdnum fi.hetu"],
    examples=[("131052-308T", "DVV example"), ("131052A308T", "2000s sign (2052: after today)")],
    stdnum_fn=fi_hetu.validate,
    disagree=lambda s: ("python-stdnum accepts a birth date after today"
                        if hetu_judge(s).why == "birth date after today" else None))


# NO ------------------------------------------------------------------------
def fnr_judge(s):
    s = s.replace("-", "")
    if len(s) != 11:
        return bad("length")
    if not s.isdigit():
        return bad("character")
    check = (s[9] == no_fnr.calc_check_digit1(s) and s[10] == no_fnr.calc_check_digit2(s))
    try:
        dob = no_fnr.get_birth_date(s)
    except ValidationError:
        return V(False, check, why="birth date")
    v = finish(V(True, check, dob=dob, sex=no_fnr.get_gender(s)))
    v.check_ok = check
    return v


def fnr_gen(rng, dob=None):
    while True:
        d = dob or rdate(rng, 1900)
        if d.year < 2000:
            ind = rng.randint(0, 499)
        else:
            ind = rng.randint(500, 999)
        day = d.day + (40 if rng.random() < 0.1 else 0)
        body = "%02d%02d%02d%03d" % (day, d.month, d.year % 100, ind)
        c1 = no_fnr.calc_check_digit1(body)
        if len(c1) > 1:
            continue
        c2 = no_fnr.calc_check_digit2(body + c1)
        if len(c2) > 1:
            continue
        return body + c1 + c2


fmt(key="NO-FNR", judge=fnr_judge, gen=fnr_gen, dated=fnr_gen, alphabet=DIGITS,
    judge_source="python-stdnum no.fodselsnummer (incl. D/H numbers, future dates)",
    sources=["Skatteetaten, Folkeregisterloven", "python-stdnum no.fodselsnummer"],
    examples=[("15108695088", "python-stdnum no.fodselsnummer doctest")], stdnum_fn=no_fnr.validate)


# DK ------------------------------------------------------------------------
def cpr_judge(s):
    s = s.replace("-", "")
    if len(s) != 10:
        return bad("length")
    if not s.isdigit():
        return bad("character")
    try:
        dob = dk_cpr.get_birth_date(s)
    except ValidationError:
        return bad("birth date")
    return finish(V(True, True, dob=dob, sex="M" if int(s[9]) % 2 else "F"))


def cpr_gen(rng, dob=None):
    dob = dob or rdate(rng)
    yy = dob.year % 100
    if dob.year < 1900:
        d7 = rng.choice("5678")
    elif dob.year < 2000:
        d7 = rng.choice("0123" + ("49" if yy >= 37 else ""))
    else:
        d7 = rng.choice(("49" if yy <= 36 else "") + ("5678" if yy <= 57 else ""))
    return dob.strftime("%d%m%y") + "-" + d7 + rdigits(rng, 3)


fmt(key="DK-CPR", judge=cpr_judge, gen=cpr_gen, dated=cpr_gen, alphabet=DIGITS,
    judge_source="python-stdnum dk.cpr (century from the 7th digit; future dates rejected)",
    sources=["CPR-kontoret: personnummer century table", "python-stdnum dk.cpr"],
    examples=[("211062-5629", "python-stdnum dk.cpr doctest")], stdnum_fn=dk_cpr.validate)


# EE ------------------------------------------------------------------------
def ik_judge(s):
    s = s.replace("-", "")
    if len(s) != 11:
        return bad("length")
    if not s.isdigit():
        return bad("character")
    check = ee_ik.calc_check_digit(s) == s[10]
    try:
        dob = ee_ik.get_birth_date(s)
    except ValidationError:
        return V(False, check, why="birth date")
    v = finish(V(True, check, dob=dob, sex=ee_ik.get_gender(s)))
    v.check_ok = check
    return v


def ik_gen(rng, dob=None):
    dob = dob or rdate(rng, 1900)
    g = {18: 1, 19: 3, 20: 5, 21: 7}[dob.year // 100] + rng.randint(0, 1)
    body = str(g) + dob.strftime("%y%m%d") + rdigits(rng, 3)
    return body + ee_ik.calc_check_digit(body + "0")


fmt(key="EE-IK", judge=ik_judge, gen=ik_gen, dated=ik_gen, alphabet=DIGITS,
    judge_source="python-stdnum ee.ik + today", sources=["EVS 585:2007", "python-stdnum ee.ik"],
    examples=[("36805280109", "python-stdnum ee.ik doctest")], stdnum_fn=ee_ik.validate,
    disagree=lambda s: ("python-stdnum accepts a birth date after today"
                        if ik_judge(s).why == "birth date after today" else None))


# BE ------------------------------------------------------------------------
def nn_judge(s):
    s = s.replace(".", "").replace("-", "")
    if len(s) != 11:
        return bad("length")
    if not s.isdigit():
        return bad("character")
    body, cc = s[:9], int(s[9:])
    if 97 - int(body) % 97 == cc:
        century = 1900
    elif 97 - int("2" + body) % 97 == cc:
        century = 2000
    else:
        return V(True, False)
    mm, dd = int(s[2:4]), int(s[4:6])
    month = mm - 20 if 20 <= mm <= 32 else mm - 40 if 40 <= mm <= 52 else mm
    if month > 12:
        return V(False, True, why="month")
    year = century + int(s[:2])
    if (year, month) > (TODAY.year, TODAY.month if month else 0):
        return V(False, True, why="birth date after today")
    dob = None
    if month and dd:
        try:
            dob = datetime.date(year, month, dd)
        except ValueError:
            return V(False, True, why="birth date")
    sex = None if 20 <= mm <= 32 else ("M" if int(s[6:9]) % 2 else "F")
    return finish(V(True, True, dob=dob, sex=sex))


def nn_gen(rng, dob=None):
    dob = dob or rdate(rng)
    bis = rng.random() < 0.15
    mm = dob.month + (rng.choice([20, 40]) if bis else 0)
    body = "%02d%02d%02d%03d" % (dob.year % 100, mm, dob.day, rng.randint(1, 997))
    n = int(("2" if dob.year >= 2000 else "") + body)
    return body + "%02d" % (97 - n % 97)


def nn_std(s):
    try:
        return be_nn.validate(s)
    except ValidationError:
        return be_bis.validate(s)


def nn_disagree(s):
    v = nn_judge(s)
    if v.why == "birth date after today":
        return ("python-stdnum does not try the post-2000 check for a year after this one, so "
                "it reports a checksum error; the birth date is after today either way")
    if v.why == "birth date":
        return ("python-stdnum treats a day that does not exist in the month as an unknown "
                "day; unknown days are written 00, so we reject it")
    return None


fmt(key="BE-NN", judge=nn_judge, gen=nn_gen, dated=nn_gen, alphabet=DIGITS,
    judge_source="independent Python from the National Register rule (mod 97, 2-prefix from 2000, BIS +20/+40)",
    sources=["Law of 8 August 1983 on the National Register (FPS Home Affairs)", "python-stdnum be.nn / be.bis (compared)"],
    examples=[("85.07.30-033.28", "python-stdnum be.nn doctest")], stdnum_fn=nn_std, disagree=nn_disagree)


# NL ------------------------------------------------------------------------
def bsn_judge(s):
    s = s.replace(".", "").replace("-", "")
    if len(s) not in (8, 9):
        return bad("length")
    if not s.isdigit():
        return bad("character")
    s = s.zfill(9)
    if int(s) == 0:
        return bad("all zero")
    return V(True, nl_bsn.checksum(s) == 0)


def bsn_gen(rng):
    while True:
        body = rdigits(rng, 8)
        r = sum((9 - i) * int(n) for i, n in enumerate(body)) % 11
        if r < 10 and int(body + str(r)):
            return body + str(r)


fmt(key="NL-BSN", judge=bsn_judge, gen=bsn_gen, alphabet=DIGITS, judge_source="python-stdnum nl.bsn",
    sources=["Wet algemene bepalingen BSN; RvIG Logisch Ontwerp BSN (11-proef)", "python-stdnum nl.bsn"],
    examples=[("1112.22.333", "python-stdnum nl.bsn doctest")], stdnum_fn=nl_bsn.validate)


# FR ------------------------------------------------------------------------
def nir_judge(s):
    s = s.replace(".", "").replace("-", "")
    if len(s) != 15:
        return bad("length")
    if not (s[:5].isdigit() and s[7:].isdigit() and (s[5:7].isdigit() or s[5:7] in ("2A", "2B"))):
        return bad("character")
    if s[0] not in "123478":
        return bad("sex digit")
    month = int(s[3:5])
    if month == 0 or 13 <= month <= 19 or 43 <= month <= 49:
        return bad("month")
    dob = None
    sex = "M" if s[0] in "137" else "F"
    if 1 <= month <= 12:
        dob = latest_reading(int(s[1:3]), month, 1)
    return V(True, fr_nir.calc_check_digits(s) == s[13:], dob=dob, sex=sex)


def nir_gen(rng):
    dept = rng.choice(["75", "2A", "2B", "69", "13", "99", "97"])
    body = (rng.choice("12") + "%02d" % rng.randint(0, 99) + "%02d" % rng.randint(1, 12) + dept
            + rdigits(rng, 6))
    return body + fr_nir.calc_check_digits(body + "00")


fmt(key="FR-NIR", judge=nir_judge, gen=nir_gen, alphabet=DIGITS + "AB",
    judge_source="python-stdnum fr.nir (key, Corsica) + INSEE sex and month rules",
    sources=["INSEE, RNIPP (décret 82-103)", "python-stdnum fr.nir"],
    notes=["The birth date is year and month only: the vectors give the 1st of the month; the "
           "century is the latest not after today."],
    examples=[("2 95 10 99 126 111 93", "python-stdnum fr.nir doctest")], stdnum_fn=fr_nir.validate,
    disagree=lambda s: ("python-stdnum does not check the sex digit (1/2; 3/4/7/8 provisional) "
                        "or the month (01–12, 20–42, 50–99)" if not nir_judge(s).fmt_ok else None))


# GB ------------------------------------------------------------------------
def nino_judge(s):
    s = s.replace("-", "")
    if len(s) != 9:
        return bad("length")
    if not (s[:2].isalpha() and s[:2].isupper() and s[2:8].isdigit() and s[8] in UPPER):
        return bad("character")
    if s[0] in "DFIQUV" or s[1] in "DFIOQUV" or s[:2] in ("BG", "GB", "KN", "NK", "NT", "TN", "ZZ"):
        return bad("prefix")
    if s[8] not in "ABCD":
        return bad("suffix")
    return V(True, True)


def nino_gen(rng):
    while True:
        s = rng.choice(UPPER) + rng.choice(UPPER) + rdigits(rng, 6) + rng.choice("ABCD")
        if nino_judge(s).valid:
            return s


fmt(key="GB-NINO", judge=nino_judge, gen=nino_gen, alphabet=ALNUM,
    judge_source="independent Python implementation of HMRC NIM39110",
    sources=["HMRC National Insurance Manual NIM39110"],
    notes=["python-stdnum has no NINO module."],
    examples=[("QQ123456C", "HMRC example format (QQ prefix)")])


# ZA ------------------------------------------------------------------------
def za_judge(s):
    s = s.replace("-", "")
    if len(s) != 13:
        return bad("length")
    if not s.isdigit():
        return bad("character")
    try:
        datetime.date(2000, int(s[2:4]), int(s[4:6]))  # any real MMDD (29 Feb via 2000)
        dob = latest_reading(int(s[:2]), int(s[2:4]), int(s[4:6]))
        if dob is None:
            raise ValueError
    except ValueError:
        return bad("birth date")
    if s[10] not in "012":
        return bad("citizenship")
    return V(True, luhn.is_valid(s), dob=dob, sex="F" if s[6] in "01234" else "M")


def za_gen(rng, dob=None):
    dob = dob or rdate(rng)
    body = dob.strftime("%y%m%d") + "%04d" % rng.randint(0, 9999) + rng.choice("01") + "8"
    return body + luhn.calc_check_digit(body)


fmt(key="ZA-ID", judge=za_judge, gen=za_gen, dated=za_gen, alphabet=DIGITS,
    judge_source="python-stdnum za.idnr (Luhn, date, citizenship) + refugee status 2",
    sources=["Identification Act 68 of 1997 (Home Affairs)", "python-stdnum za.idnr"],
    examples=[("7503305044089", "python-stdnum za.idnr doctest")], stdnum_fn=za_id.validate,
    disagree=lambda s: ("python-stdnum rejects citizenship digit 2 (refugee); Home Affairs "
                        "issues it" if len(s) == 13 and s[10:11] == "2" else None))


