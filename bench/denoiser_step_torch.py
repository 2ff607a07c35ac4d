#!/usr/bin/env python3
"""Times one Adam training step of the bias-free UNet denoiser in PyTorch (CPU).

Reference for src/main/java/org/memoscope/bench/DenoiserStepBenchmark.java:
the network, batch and FLOP count are the same, and so is the report
(median and interquartile range of the step time, conv GFLOP/s, and the
process CPU time per step, which includes any time OpenMP threads spin).

Usage: python3 bench/denoiser_step_torch.py [--threads 2] [--steps 30]
On Debian the interpreter with python3-torch is /usr/bin/python3.
"""
import argparse
import statistics
import sys
import time

try:
    import torch
    from torch import nn
except ImportError:
    print("skipped: torch not installed")
    sys.exit(0)


class BiasFreeUNet(nn.Module):
    """Two 3x3 conv+ReLU per level, 2x2 average pooling down, nearest
    upsampling and channel concatenation up, a 3x3 conv to one channel, plus
    the input when residual."""

    def __init__(self, levels, base_channels, residual):
        super().__init__()
        self.residual = residual
        widths = [base_channels * 2 ** level for level in range(levels)]
        self.encoders = nn.ModuleList()
        previous = 1
        for width in widths:
            self.encoders.append(self.double_conv(previous, width))
            previous = width
        self.decoders = nn.ModuleList()
        for level in reversed(range(levels - 1)):
            merged = widths[level + 1] + widths[level]
            self.decoders.append(self.double_conv(merged, widths[level]))
        self.output = nn.Conv2d(widths[0], 1, 3, padding=1, bias=False)

    @staticmethod
    def double_conv(inputs, outputs):
        return nn.Sequential(
            nn.Conv2d(inputs, outputs, 3, padding=1, bias=False), nn.ReLU(),
            nn.Conv2d(outputs, outputs, 3, padding=1, bias=False), nn.ReLU())

    def forward(self, noisy):
        skips = []
        x = noisy
        for index, encoder in enumerate(self.encoders):
            if index > 0:
                x = nn.functional.avg_pool2d(x, 2)
            x = encoder(x)
            skips.append(x)
        skips.pop()
        for decoder in self.decoders:
            x = nn.functional.interpolate(x, scale_factor=2, mode="nearest")
            x = decoder(torch.cat([x, skips.pop()], dim=1))
        estimate = self.output(x)
        return estimate + noisy if self.residual else estimate


def conv_flops_per_step(model, size, batch):
    """2*Cin*Cout*9*H*W per image per conv, times 3 for forward and backward."""
    total = 0
    levels = len(model.encoders)
    sides = {}
    for level in range(levels):
        sides[level] = size >> level
    convs = []
    for level, encoder in enumerate(model.encoders):
        convs += [(conv, sides[level]) for conv in encoder if isinstance(conv, nn.Conv2d)]
    for index, decoder in enumerate(model.decoders):
        level = levels - 2 - index
        convs += [(conv, sides[level]) for conv in decoder if isinstance(conv, nn.Conv2d)]
    convs.append((model.output, size))
    for conv, side in convs:
        total += 2 * conv.in_channels * conv.out_channels * 9 * side * side
    return 3 * total * batch


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--size", type=int, default=16)
    parser.add_argument("--channels", type=int, default=16)
    parser.add_argument("--levels", type=int, default=3)
    parser.add_argument("--no-residual", action="store_true")
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--steps", type=int, default=30)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    model = BiasFreeUNet(args.levels, args.channels, not args.no_residual)
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
    clean = torch.randn(args.batch, 1, args.size, args.size)
    noisy = clean + 0.5 * torch.randn_like(clean)

    def step():
        optimiser.zero_grad(set_to_none=False)
        loss = nn.functional.mse_loss(model(noisy), clean)
        loss.backward()
        optimiser.step()

    for _ in range(args.warmup):
        step()
    times_ms = []
    cpu_ms = []
    for _ in range(args.steps):
        cpu_start = time.process_time()
        start = time.perf_counter()
        step()
        times_ms.append(1e3 * (time.perf_counter() - start))
        cpu_ms.append(1e3 * (time.process_time() - cpu_start))

    quartiles = statistics.quantiles(times_ms, n=4)
    median = statistics.median(times_ms)
    flops = conv_flops_per_step(model, args.size, args.batch)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, "
          f"{args.size}x{args.size}, levels {args.levels}, channels {args.channels}, "
          f"residual {not args.no_residual}, batch {args.batch}")
    print(f"step: median {median:.2f} ms, IQR {quartiles[2] - quartiles[0]:.2f} ms "
          f"({quartiles[0]:.2f}..{quartiles[2]:.2f}), {args.steps} steps")
    print(f"conv work {flops / 1e9:.3f} GFLOP/step, {flops / median / 1e6:.1f} GFLOP/s")
    print(f"process CPU time per step: median {statistics.median(cpu_ms):.2f} ms")


if __name__ == "__main__":
    main()
