#!/usr/bin/env python3
"""Independent numpy/scipy reference of Memoscope's theory curves, for bench/run.sh.

Two computations, each timed (median of repeated calls) and, when Memoscope's own
values are given, compared with them point by point:

spiked   q, m and Q on the 300-point load grid of the explorer (1e-2 .. 1e2,
         evenly spaced in log gamma), spikes beta = 0.5, 1, 3, d = 1000, for
         ridge 0.1 and 0 (docs/theory.md, sections 4.1-4.3):
           q    ridge 0: (E sqrt(lambda))^2 over Marchenko-Pastur(c = 1/gamma) from
                the complete elliptic integrals scipy.special.ellipk / ellipe,
                with the duality q(gamma) = gamma q(1/gamma) for gamma < 1;
                ridge > 0: (E sqrt(lambda + r))^2 / (1 + r) by Gauss-Legendre
                quadrature in the angle of lambda = 1 + c + 2 sqrt(c) cos(phi);
           Q    the BBP formula (1 - 1/(gamma beta^2)) / (1 + 1/(gamma beta));
           m    the finite-d memorisation approximation of
                org.memoscope.theory.Memorisation, with the small-load integral
                taken in log s by the trapezoidal rule and M_n = E max of n
                half-normals by composite Gauss-Legendre quadrature.
general  q for a power-law population spectrum lambda_j ~ j^-alpha (mean 1),
         d = 4096, on 100 loads 1e-2 .. 1e2, from the deterministic equivalent
         kappa(t) of the resolvent: q = tau(F(Sigma)^2) / tau(Sigma),
         F(lambda) = (1/pi) int_0^inf t^(-1/2) lambda / (lambda + kappa(t)) dt,
         integrated over kappa (t = kappa (1 - c m(kappa)) is explicit in kappa).

Output: one line per result, tab-separated, read by bench/run.sh:
  time  <name>  <median ms>  <runs>
  check <name>  <max abs difference>  <tolerance>  ok|FAIL
  note  <text>
"""

import argparse
import math
import sys
import time

try:
    import numpy as np
    from numpy.polynomial.legendre import leggauss
    import scipy
    from scipy import special
except ImportError as missing:  # the harness reports this and times Memoscope alone
    print(f"skip\treference_theory\t{missing.name} is not installed")
    sys.exit(0)


def log_grid(low, high, count):
    grid = np.exp(np.linspace(math.log(low), math.log(high), count))
    grid[0], grid[-1] = low, high
    return grid


# ---- convergence q over Marchenko-Pastur ------------------------------------------

def mp_mean_sqrt_closed(c):
    """E sqrt(lambda), lambda ~ MP(c), for c <= 1 (no atom), from K and E."""
    root = np.sqrt(c)
    k2 = 4 * root / (1 + root) ** 2
    complement = ((1 - root) / (1 + root)) ** 2   # 1 - k^2, exact near c = 1
    gap = (1 - root) ** 2
    with np.errstate(invalid="ignore"):
        first = np.where(gap > 0, gap * special.ellipkm1(complement), 0.0)
    return 2 * (1 + root) / (3 * math.pi * c) * ((1 + c) * special.ellipe(k2) - first)


def convergence_no_ridge(gamma):
    gamma = np.asarray(gamma, dtype=float)
    big = np.maximum(gamma, 1 / gamma)           # q(gamma) = gamma q(1/gamma) below 1
    q_big = mp_mean_sqrt_closed(1 / big) ** 2
    return np.where(gamma >= 1, q_big, gamma * q_big)


_ANGLE_NODES, _ANGLE_WEIGHTS = leggauss(400)


def convergence_ridge(gamma, ridge):
    """(E sqrt(lambda + r))^2 / (1 + r); bulk by quadrature in phi, atom added."""
    c = 1 / np.asarray(gamma, dtype=float)[:, None]
    phi = (_ANGLE_NODES + 1) * math.pi / 2       # Gauss-Legendre on [0, pi]
    weight = _ANGLE_WEIGHTS * math.pi / 2
    lam = 1 + c + 2 * np.sqrt(c) * np.cos(phi)
    # density * dlambda = 2 sin^2(phi) / (pi lambda) dphi, total mass min(1, 1/c)
    bulk = (weight * 2 * np.sin(phi) ** 2 / (math.pi * lam) * np.sqrt(lam + ridge)).sum(1)
    atom = np.where(c[:, 0] > 1, (1 - 1 / c[:, 0]) * math.sqrt(ridge), 0)
    return (bulk + atom) ** 2 / (1 + ridge)


# ---- memorisation m ---------------------------------------------------------------

_PANEL_NODES, _PANEL_WEIGHTS = leggauss(32)


def expected_max_abs_normal(n):
    """M_n = int_0^inf 1 - erf(t/sqrt 2)^n dt, panels of width 1/2 up to t = 14."""
    n = np.asarray(n, dtype=float)[:, None]
    edges = np.arange(0, 14, 0.5)
    t = (edges[:, None] + (_PANEL_NODES + 1) / 4).ravel()
    w = np.tile(_PANEL_WEIGHTS / 4, len(edges))
    log_cdf = np.log1p(-special.erfc(t / math.sqrt(2)))
    return (w * -np.expm1(n * log_cdf)).sum(1)


_LOG_S = np.arange(-80.0, 75.0, 0.05)


def small_load(n, ridge):
    """m(n, r) = M_n pi^(-1/2) int_0^inf s^(-1/2) e^(-r n s) (1 + 2s)^(-(n+1)/2) ds."""
    n = np.asarray(n, dtype=float)
    ridge = np.broadcast_to(np.asarray(ridge, dtype=float), n.shape)
    s = np.exp(_LOG_S)[None, :]
    log_integrand = (0.5 * _LOG_S[None, :] - ridge[:, None] * n[:, None] * s
                     - (n[:, None] + 1) / 2 * np.log1p(2 * s))
    integral = np.exp(log_integrand).sum(1) * 0.05
    return expected_max_abs_normal(n) * integral / math.sqrt(math.pi)


def memorisation(n, d, ridge):
    n = np.asarray(n, dtype=float)
    load = n / d
    others = (n - 1) / d
    below = n < d
    leakage = np.where(below, others / (1 + ridge * load),
                       others * (1 - ridge / (load * (1 + ridge))))
    effective = np.where(below, ridge * (1 - load) / (1 + ridge * load), 0.0)
    scaled = np.sqrt(1 + leakage) * small_load(n, effective)
    share = leakage / (1 + leakage)
    x = share * scaled ** 2
    with np.errstate(invalid="ignore", divide="ignore"):
        bounded = np.where(x > 0, np.sqrt(-np.expm1(-x) / np.where(share > 0, share, 1)),
                           scaled)
    return np.minimum(1, bounded)


# ---- latent recovery Q ------------------------------------------------------------

def latent_recovery(gamma, beta):
    gamma = np.asarray(gamma, dtype=float)
    if beta == 0:
        return np.zeros_like(gamma)
    above = gamma * beta * beta > 1
    value = (1 - 1 / (gamma * beta * beta)) / (1 + 1 / (gamma * beta))
    return np.where(above, value, 0.0)


def spiked_curves(grid, dimension, betas, ridge):
    n = np.maximum(1, np.floor(grid * dimension + 0.5))   # Math.round for positive values
    q = convergence_no_ridge(grid) if ridge == 0 else convergence_ridge(grid, ridge)
    m = memorisation(n, dimension, ridge)
    recovery = [latent_recovery(grid, beta) for beta in betas]
    return q, m, recovery


# ---- general spectrum: deterministic equivalent ------------------------------------

def power_law(dimension, alpha):
    raw = np.arange(1, dimension + 1, dtype=float) ** -alpha
    return raw * (dimension / raw.sum())


def kappa_at_zero(spectrum, c):
    """The root of c tau(Sigma/(Sigma + kappa)) = 1 when c > 1 (n < d), else 0.

    The left side falls from c to 0 as kappa grows; bisection in log kappa, then
    Newton steps, which converge from above because the function is convex."""
    if c * np.mean(spectrum > 0) <= 1:
        return 0.0
    low, high = spectrum[spectrum > 0].min() * 1e-30, spectrum.max() * c
    for _ in range(80):
        middle = math.sqrt(low * high)
        if c * np.mean(spectrum / (spectrum + middle)) > 1:
            low = middle
        else:
            high = middle
    kappa = high
    for _ in range(50):
        value = c * np.mean(spectrum / (spectrum + kappa)) - 1
        slope = -c * np.mean(spectrum / (spectrum + kappa) ** 2)
        step = value / slope
        kappa -= step
        if abs(step) <= 1e-16 * kappa:
            break
    return kappa


# The integrand in s = log(kappa - kappa_0) is analytic in a strip and decays like
# e^(-|s|/2): the trapezoidal rule with step 1/2 is accurate to ~1e-15, and the range
# covers every scale of a spectrum spanning 1e-12 .. 1e3 with 1e-12 of tail to spare.
_STEP = 0.5
_LOG_OFFSET = np.arange(-85.0, 62.0, _STEP)


def general_convergence(spectrum, gamma):
    """q = tau(F^2)/tau(Sigma) with kappa = kappa_0 + e^s and t = h(kappa)."""
    c = 1 / gamma
    k0 = kappa_at_zero(spectrum, c)
    offset = np.exp(_LOG_OFFSET)[:, None]
    kappa = k0 + offset
    lam = spectrum[None, :]
    share = lam / (lam + kappa)                   # Sigma (Sigma + kappa)^(-1)
    # 1 - c m(kappa) = r0 + c (kappa - k0) tau(Sigma / ((Sigma + kappa)(Sigma + k0)))
    r0 = 0.0 if k0 > 0 else 1 - c * np.mean(spectrum > 0)
    cross = np.mean(share / (lam + k0), axis=1, keepdims=True)
    gap = r0 + c * offset * cross
    h = kappa * gap
    slope = gap + kappa * c * np.mean(share / (lam + kappa), axis=1, keepdims=True)
    # F(lambda) = (1/pi) int h^(-1/2) lambda/(lambda + kappa) h'(kappa) dkappa, dkappa = e^s ds
    weight = slope * offset / np.sqrt(h) * _STEP / math.pi
    symbol = (weight * share).sum(0)
    return np.mean(symbol ** 2) / np.mean(spectrum)


def general_curve(spectrum, grid):
    return np.array([general_convergence(spectrum, g) for g in grid])


# ---- driver -----------------------------------------------------------------------

def median_ms(call, runs, warm_up):
    for _ in range(warm_up):
        call()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1e3)
    return float(np.median(times))


def read_columns(path):
    with open(path, encoding="utf-8") as source:
        header = source.readline().strip().split(",")
        rows = [list(map(float, line.split(","))) for line in source if line.strip()]
    table = np.array(rows)
    return {name: table[:, i] for i, name in enumerate(header)}


def check(name, mine, theirs, tolerance):
    difference = float(np.max(np.abs(np.asarray(mine) - np.asarray(theirs))))
    verdict = "ok" if difference <= tolerance else "FAIL"
    print(f"check\t{name}\t{difference:.3g}\t{tolerance:g}\t{verdict}")


def self_check():
    """Cross-checks inside the reference itself, against scipy.integrate.quad."""
    from scipy import integrate
    worst = 0.0
    for gamma in (0.05, 0.9, 1.0, 1.1, 30.0):
        c = 1 / gamma
        a, b = (1 - math.sqrt(c)) ** 2, (1 + math.sqrt(c)) ** 2
        for ridge in (0.0, 0.1, 2.0):
            density = lambda x: math.sqrt(max((b - x) * (x - a), 0)) / (2 * math.pi * c * x)
            bulk = integrate.quad(lambda x: math.sqrt(x + ridge) * density(x), a, b,
                                  limit=200, epsabs=1e-13, epsrel=1e-12)[0]
            atom = (1 - 1 / c) * math.sqrt(ridge) if c > 1 else 0
            exact = (bulk + atom) ** 2 / (1 + ridge)
            mine = (convergence_no_ridge(np.array([gamma]))[0] if ridge == 0
                    else convergence_ridge(np.array([gamma]), ridge)[0])
            worst = max(worst, abs(mine - exact))
    print(f"check\tself: q against scipy.integrate.quad\t{worst:.3g}\t1e-8\t"
          + ("ok" if worst <= 1e-8 else "FAIL"))
    identity = np.ones(512)
    grid = log_grid(1e-2, 1e2, 7)
    general = general_curve(identity, grid)
    closed = convergence_no_ridge(grid)
    worst = float(np.max(np.abs(general - closed)))
    print(f"check\tself: deterministic equivalent at Sigma = I vs closed form\t{worst:.3g}"
          f"\t1e-8\t" + ("ok" if worst <= 1e-8 else "FAIL"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--spiked-csv", help="Memoscope's spiked curves to compare with")
    parser.add_argument("--general-csv", help="Memoscope's general-spectrum q to compare with")
    parser.add_argument("--alpha", type=float, default=2.0)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    print(f"note\tnumpy {np.__version__}, scipy {scipy.__version__}, "
          f"Python {sys.version.split()[0]}")

    grid = log_grid(1e-2, 1e2, 300)
    betas = (0.5, 1.0, 3.0)
    for ridge in (0.1, 0.0):
        name = f"theory spiked 300 points, ridge {ridge:g}"
        ms = median_ms(lambda: spiked_curves(grid, 1000, betas, ridge), args.runs, 3)
        print(f"time\t{name}\t{ms:.3f}\t{args.runs}")
    if args.spiked_csv:
        memoscope = read_columns(args.spiked_csv)
        for ridge in (0.1, 0.0):
            q, m, recovery = spiked_curves(memoscope["gamma"], 1000, betas, ridge)
            tag = f"ridge{ridge:g}"
            check(f"spiked q, ridge {ridge:g}", memoscope[f"q_{tag}"], q, 1e-9)
            check(f"spiked m, ridge {ridge:g}", memoscope[f"m_{tag}"], m, 1e-6)
            for k, beta in enumerate(betas):
                check(f"spiked Q{k + 1} (beta {beta:g})", memoscope[f"Q{k + 1}_{tag}"],
                      recovery[k], 1e-12)

    spectrum = power_law(4096, args.alpha)
    general_grid = log_grid(1e-2, 1e2, 100)
    name = f"theory power law d=4096 alpha={args.alpha:g}, 100 points"
    runs = max(3, args.runs // 5)
    ms = median_ms(lambda: general_curve(spectrum, general_grid), runs, 1)
    print(f"time\t{name}\t{ms:.3f}\t{runs}")
    if args.general_csv:
        memoscope = read_columns(args.general_csv)
        check(f"power-law q (alpha {args.alpha:g})", memoscope["q"],
              general_curve(spectrum, memoscope["gamma"]), 1e-6)
    self_check()


if __name__ == "__main__":
    main()
