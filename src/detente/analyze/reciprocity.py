"""Reciprocity between the two directions of a dyad: does B answer what A does, and A what B does?

Goldstein & Freeman's *Three-Way Street* (1990) analysis, on detente's weekly series: the Goldstein
sum of A's acts toward B (``x``) and of B's acts toward A (``y``) are modelled together as a vector
autoregression (VAR); the lag order is chosen by AIC up to ``max_lag`` weeks (at least 1); then two
Granger F-tests ask whether the past of ``x`` improves the prediction of ``y`` beyond ``y``'s own past
("B responds to A within p weeks") and the reverse. Both significant is reciprocity; one is a
leader-follower relation; neither, no sign of response at these lags. Granger "causality" is
predictive precedence, not proof that one side reacts *because of* the other, and a common outside
cause (a third actor, news cycles) can produce it.

Based on statsmodels' ``VAR.select_order`` and ``VARResults.test_causality(kind="f")``. It does not
test for stationarity or difference the series (weekly Goldstein sums of a dyad are usually
mean-reverting; a trending pair should be differenced before reading the tests). A series too short
for the tests (fewer than ``MIN_WEEKS`` weeks), too sparse (acts in fewer than ``MIN_ACTIVE_WEEKS``
weeks) or constant (no variation to explain) gives a result with a plain ``message`` and no numbers.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

MIN_WEEKS = 20
MIN_ACTIVE_WEEKS = 10  # weeks with a non-zero sum: a series of a few spikes in zeros fits no VAR


@dataclass(frozen=True)
class Granger:
    """One Granger F-test: does ``causing``'s past help predict ``caused``?"""

    causing: str
    caused: str
    f: float
    df: tuple[int, int]
    p: float

    def to_dict(self) -> dict[str, Any]:
        return {"causing": self.causing, "caused": self.caused, "f": self.f, "df": list(self.df), "p": self.p}


@dataclass(frozen=True)
class Reciprocity:
    """The VAR/Granger results for A→B (``a`` acting on ``b``) and B→A, or a ``message`` saying why
    the tests could not be run."""

    a: str
    b: str
    weeks: int
    lag: int | None = None
    b_responds: Granger | None = None  # A→B's past predicts B→A
    a_responds: Granger | None = None  # B→A's past predicts A→B
    alpha: float = 0.05
    max_lag: int = 8
    message: str | None = None

    @property
    def tested(self) -> bool:
        return self.message is None

    def sentences(self) -> list[str]:
        """The result in plain words with the numbers."""
        if not self.tested:
            return [f"Reciprocity {self.a}–{self.b}: {self.message}"]
        weeks = f"{self.lag} week{'s' if self.lag != 1 else ''}"
        out = [f"Reciprocity {self.a}–{self.b}: VAR on {self.weeks} weeks of Goldstein sums, lag {weeks} "
               f"(chosen by AIC, at most {self.max_lag})."]
        for test, responder, actor in ((self.b_responds, self.b, self.a), (self.a_responds, self.a, self.b)):
            numbers = f"Granger F({test.df[0]}, {test.df[1]}) = {test.f:.2f}, p {_p(test.p)}"
            if test.p < self.alpha:
                out.append(f"{responder} responds to {actor} within {weeks}: past {actor}→{responder} acts predict "
                           f"{responder}→{actor} ({numbers}).")
            else:
                out.append(f"No sign that {responder} responds to {actor} within {weeks} ({numbers}; "
                           f"not significant at {self.alpha}).")
        b_yes, a_yes = self.b_responds.p < self.alpha, self.a_responds.p < self.alpha
        if b_yes and a_yes:
            out.append("Both sides respond to each other: reciprocity.")
        elif b_yes or a_yes:
            leader, follower = (self.a, self.b) if b_yes else (self.b, self.a)
            out.append(f"One-way: {follower} follows {leader}, not the reverse.")
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a, "b": self.b, "weeks": self.weeks, "lag": self.lag, "max_lag": self.max_lag, "alpha": self.alpha,
            "b_responds_to_a": self.b_responds.to_dict() if self.b_responds else None,
            "a_responds_to_b": self.a_responds.to_dict() if self.a_responds else None,
            "message": self.message, "text": " ".join(self.sentences()),
        }


def _p(p: float) -> str:
    return "< 0.0001" if p < 0.0001 else f"= {p:.4f}"


def reciprocity(ab: Sequence[float], ba: Sequence[float], a: str = "A", b: str = "B", *, max_lag: int = 8,
                alpha: float = 0.05) -> Reciprocity:
    """VAR/Granger tests between the weekly series ``ab`` (A's acts toward B) and ``ba`` (B's toward
    A), aligned week by week (zero-filled weeks included)."""
    x, y = np.asarray(ab, dtype=float), np.asarray(ba, dtype=float)
    if len(x) != len(y):
        raise ValueError(f"the two series differ in length ({len(x)} and {len(y)} weeks)")
    n = len(x)
    base = {"a": a, "b": b, "weeks": n, "alpha": alpha, "max_lag": max_lag}
    if n < MIN_WEEKS:
        return Reciprocity(**base, message=f"too short to test: {n} week{'s' if n != 1 else ''} of data, "
                                           f"the Granger tests need at least {MIN_WEEKS}")
    for series, name in ((x, f"{a}→{b}"), (y, f"{b}→{a}")):
        if np.ptp(series) == 0:
            return Reciprocity(**base, message=f"{name} is constant ({series[0]:g} every week) over the {n} weeks: "
                                               "nothing to test")
        active = int(np.count_nonzero(series))
        if active < MIN_ACTIVE_WEEKS:
            return Reciprocity(**base, message=f"too sparse to test: {name} has acts in only {active} of the {n} weeks, "
                                               f"the Granger tests need at least {MIN_ACTIVE_WEEKS}")
    # AIC needs room: at most a third of the weeks (less the constant) in lags
    lags = max(1, min(max_lag, (n - 10) // 3))
    from statsmodels.tsa.vector_ar.var_model import VAR

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            model = VAR(np.column_stack([x, y]))
            order = int(model.select_order(maxlags=lags).aic or 1)
            fit = model.fit(max(order, 1))
            b_test = fit.test_causality(caused=1, causing=[0], kind="f")
            a_test = fit.test_causality(caused=0, causing=[1], kind="f")
    except (np.linalg.LinAlgError, ValueError) as exc:
        return Reciprocity(**base, message=f"the VAR could not be fitted ({exc}); the series may be (nearly) collinear")
    return Reciprocity(**base, lag=max(order, 1), b_responds=_granger(b_test, f"{a}→{b}", f"{b}→{a}"),
                       a_responds=_granger(a_test, f"{b}→{a}", f"{a}→{b}"))


def _granger(test, causing: str, caused: str) -> Granger:
    df = tuple(int(d) for d in np.atleast_1d(test.df))
    return Granger(causing, caused, float(test.test_statistic), (df[0], df[-1]), float(test.pvalue))
