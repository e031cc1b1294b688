"""The pinned CAMEO/PLOVER/Goldstein table, and the traps of the reference files."""

from __future__ import annotations

import pytest

from detente import cameo


def test_table_has_every_cameo_code():
    assert len(cameo.table()) == 312
    assert all(code.isdigit() and 2 <= len(code) <= 4 for code in cameo.table())


@pytest.mark.parametrize(
    "code, name, goldstein, plover",
    [
        pytest.param("106", "Demand meeting, negotiation", -5.0, "REQUEST", id="106-is-present-and-means-meeting"),
        pytest.param("108", "Demand mediation", -5.0, "REQUEST", id="demand-subcodes-follow-1.1b3"),
        pytest.param("016", "Deny responsibility", -2.0, None, id="gdelt-goldstein-not-icews"),
        pytest.param("1213", "Reject judicial cooperation", -4.0, "REJECT", id="icews-only-code"),
        pytest.param("044", "Meet at a 'third' location", 2.5, "CONSULT", id="no-mojibake"),
        pytest.param("163", "Impose embargo, boycott, or sanctions", -8.0, "COERCE", id="sanctions-are-coerce"),
        pytest.param("0841", "Return, release person(s)", 7.0, "RETREAT", id="release"),
    ],
)
def test_entries(code, name, goldstein, plover):
    entry = cameo.lookup(code)
    assert (entry.name, entry.goldstein, entry.plover) == (name, goldstein, plover)


@pytest.mark.parametrize("code, quad", [("010", 1), ("057", 1), ("073", 2), ("0874", 2), ("111", 3), ("130", 3), ("145", 4), ("190", 4)])
def test_quad_class(code, quad):
    assert cameo.quad_class(code) == quad


def test_local_codes_fall_back_to_their_parent():
    assert cameo.lookup("075A").code == "075"
    assert cameo.quad_class("+++") is None
