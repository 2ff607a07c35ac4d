#!/usr/bin/env python3
"""Independent numpy reference of one simulated point of Memoscope, for bench/run.sh.

The protocol of org.memoscope.sim.LinearModelExperiment.measure (docs/theory.md,
sections 2-3), written from the theory note: at dimension d and n training samples
per model, two training sets are drawn from N(0, I + sum_k beta_k e_k e_k^T), each is
fitted by the linear generative model x(z) = (S + lambda I)^(1/2) z with
S = X^T X / n, both are sampled with the same seeds z, and

  q        = mean_j cos(x_1(z_j), x_2(z_j)),
  m        = mean_j of the two models' max_mu |cos(x_a(z_j), x_mu)| (own training set),
  Q_k      = (e_k . u_k)^2, u_k the k-th eigenvector of S_a (one draw per model),
  q_trace  = Tr(A1 A2) / sqrt(Tr A1^2 Tr A2^2), A_a = (S_a + lambda I)^(1/2).

For n < d the fit goes through the n x n Gram matrix X X^T = V D^2 V^T (numpy.linalg.eigh),
so (S + lambda I)^(1/2) z = X^T V diag(h) V^T X z + sqrt(lambda) z with
h = 1 / (n (sqrt(D^2/n + lambda) + sqrt(lambda))); otherwise through the d x d S itself.
The random streams are numpy's, not Memoscope's, so the two agree in distribution only:
the harness compares the estimates within their standard errors.

Output lines (tab-separated): time <name> <median ms> <runs>;
estimate <name> <quantity> <mean> <standard error>; note <text>.
"""

import argparse
import math
import os
import sys
import time

try:
    import numpy as np
except ImportError as missing:
    print(f"skip\treference_simulation\t{missing.name} is not installed")
    sys.exit(0)

NEGLIGIBLE = 1e-13
MAX_TIMED_RUNS = 25


def fit(training, ridge):
    """(samples operator parts) for one model: returns a dict with R, w, eigenvectors."""
    n, d = training.shape
    root = math.sqrt(ridge)
    if n < d:
        gram = training @ training.T
        values, vectors = np.linalg.eigh(gram)
        values, vectors = values[::-1], vectors[:, ::-1]
        keep = values > NEGLIGIBLE * max(values[0], 0)
        weights = np.where(keep, 1 / (n * (np.sqrt(np.maximum(values, 0) / n + ridge) + root)),
                           0.0)
        return {"gram": True, "X": training, "V": vectors, "values": values, "w": weights}
    covariance = training.T @ training / n
    values, vectors = np.linalg.eigh(covariance)
    values, vectors = values[::-1], vectors[:, ::-1]
    keep = values > NEGLIGIBLE * max(values[0], 0)
    positive = np.maximum(values, 0)
    weights = np.where(keep, positive / (np.sqrt(positive + ridge) + root), 0.0)
    return {"gram": False, "X": training, "U": vectors, "values": values, "w": weights}


def sample(model, seeds, ridge):
    if model["gram"]:
        X, V, w = model["X"], model["V"], model["w"]
        inner = V @ (w[:, None] * (V.T @ (X @ seeds)))
        out = X.T @ inner
    else:
        U, w = model["U"], model["w"]
        out = U @ (w[:, None] * (U.T @ seeds))
    return out + math.sqrt(ridge) * seeds if ridge > 0 else out


def eigenvector(model, rank):
    if model["gram"]:
        if rank >= len(model["w"]) or model["w"][rank] == 0:
            return np.zeros(model["X"].shape[1])
        return model["X"].T @ model["V"][:, rank] / math.sqrt(model["values"][rank])
    return model["U"][:, rank]


def overlap(first, second):
    """R1 R2^T with R = V^T X (Gram route) or U^T (covariance route)."""
    if first["gram"]:
        return first["V"].T @ ((first["X"] @ second["X"].T) @ second["V"])
    return first["U"].T @ second["U"]


def low_rank_trace(model):
    if model["gram"]:
        return float(np.sum(model["w"] * np.maximum(model["values"], 0)))
    return float(np.sum(model["w"]))


def column_cosines(a, b):
    norms = np.sqrt(np.sum(a * a, 0) * np.sum(b * b, 0))
    return np.where(norms > 0, np.sum(a * b, 0) / np.where(norms > 0, norms, 1), 0.0)


def nearest_training_cosines(training, samples):
    dots = training @ samples
    norms = np.sqrt(np.sum(training ** 2, 1))[:, None] * np.sqrt(np.sum(samples ** 2, 0))
    return np.max(np.abs(np.where(norms > 0, dots / np.where(norms > 0, norms, 1), 0)), 0)


def measure(d, n, betas, ridge, seed_count, repetitions, rng, draws=None):
    """One point; appends its draws of each quantity to {@code draws}, a dict of lists."""
    betas = np.asarray(betas, dtype=float)
    ranks = np.argsort(-betas, kind="stable").argsort(kind="stable")
    draws = {} if draws is None else draws
    q = draws.setdefault("q", [])
    trace_form = draws.setdefault("q_trace", [])
    m = draws.setdefault("m", [])
    recovery = [draws.setdefault(f"Q{k + 1}", []) for k in range(len(betas))]
    for _ in range(repetitions):
        seeds = rng.standard_normal((d, seed_count))
        models, samples, nearest = [], [], []
        for _model in range(2):
            training = rng.standard_normal((n, d))
            training[:, :len(betas)] *= np.sqrt(1 + betas)
            model = fit(training, ridge)
            drawn = sample(model, seeds, ridge)
            models.append(model)
            samples.append(drawn)
            nearest.append(nearest_training_cosines(training, drawn))
            for k in range(len(betas)):
                recovery[k].append(eigenvector(model, ranks[k])[k] ** 2)
        q.extend(column_cosines(samples[0], samples[1]))
        m.extend((nearest[0] + nearest[1]) / 2)
        o = overlap(models[0], models[1])
        cross = float(models[0]["w"] @ (o * o) @ models[1]["w"])
        cross += math.sqrt(ridge) * (low_rank_trace(models[0]) + low_rank_trace(models[1]))
        cross += ridge * d
        traces = [float(np.sum(mo["X"] ** 2)) / n + ridge * d for mo in models]
        trace_form.append(cross / math.sqrt(traces[0] * traces[1]))
    return draws


def estimate(values):
    values = np.asarray(values, dtype=float)
    if len(values) < 2:
        return float(values.mean()), 0.0
    return float(values.mean()), float(values.std(ddof=1) / math.sqrt(len(values)))


def blas_note():
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return openblas_core_without_threadpoolctl()
    parts = [f"{i.get('internal_api')} {i.get('version')} kernel {i.get('architecture')}, "
             f"{i.get('num_threads')} threads" for i in threadpool_info()
             if i.get("user_api") == "blas"]
    return "; ".join(parts) or "no BLAS found by threadpoolctl"


def openblas_core_without_threadpoolctl():
    """Asks numpy's bundled OpenBLAS for its kernel by name, as threadpoolctl would."""
    import ctypes
    import glob
    libraries = glob.glob(os.path.join(os.path.dirname(np.__file__), os.pardir,
                                       "numpy.libs", "*openblas*.so*"))
    for path in libraries:
        library = ctypes.CDLL(path)
        for symbol in ("scipy_openblas_get_corename64_", "scipy_openblas_get_corename",
                       "openblas_get_corename64_", "openblas_get_corename"):
            function = getattr(library, symbol, None)
            if function is not None:
                function.restype = ctypes.c_char_p
                return f"OpenBLAS kernel {function().decode()} ({os.path.basename(path)})"
    return "threadpoolctl not installed and no bundled OpenBLAS found: BLAS kernel unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dimensions", default="784,2000")
    parser.add_argument("--loads", default="0.125,0.5,1,2")
    parser.add_argument("--beta", default="2")
    parser.add_argument("--ridge", type=float, default=0.0)
    parser.add_argument("--seeds", type=int, default=64)
    parser.add_argument("--repetitions", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(f"note\tnumpy {np.__version__}; {blas_note()}; OPENBLAS_CORETYPE="
          f"{os.environ.get('OPENBLAS_CORETYPE', '(unset)')}")

    betas = [float(b) for b in args.beta.split(",")]
    rng = np.random.default_rng(args.seed)
    for d in (int(v) for v in args.dimensions.split(",")):
        for load in (float(v) for v in args.loads.split(",")):
            n = max(1, int(math.floor(load * d + 0.5)))
            name = f"simulation d={d} n={n}"
            measure(d, n, betas, args.ridge, args.seeds, args.repetitions, rng)
            # Like Memoscope's harness: more runs (up to 25) while they take under 1 s in all.
            times, draws = [], {}
            timing_start = time.perf_counter()
            while len(times) < args.runs or (len(times) < MAX_TIMED_RUNS and
                                             time.perf_counter() - timing_start < 1.0):
                start = time.perf_counter()
                measure(d, n, betas, args.ridge, args.seeds, args.repetitions, rng, draws)
                times.append((time.perf_counter() - start) * 1e3)
            print(f"time\t{name}\t{float(np.median(times)):.1f}\t{len(times)}")
            for quantity, values in draws.items():
                mean, error = estimate(values)
                print(f"estimate\t{name}\t{quantity}\t{mean:.6f}\t{error:.6f}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
