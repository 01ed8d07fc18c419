"""The kit's CNN (dev.tlkit.models.SmallCnn, width 32, plus a linear head) trained in Python PyTorch.

Run by dev.tlkit.bench.Benchmarks with Debian's /usr/bin/python3 and python3-torch: the same layers,
the same optimiser (Adam, lr 1e-3), the same batch size and thread count, the same work per step as the
kit's Fit loop (bytes -> floats for the batch, forward, cross-entropy, backward, the loss and the number
right read back, one optimiser step). Prints one JSON object with the images/s of every timed epoch.
"""
import argparse
import json
import re
import time

import torch
from torch import nn


def stage(cin, cout, pool):
    layers = [nn.Conv2d(cin, cout, 3, padding=1), nn.BatchNorm2d(cout), nn.ReLU()]
    layers.append(nn.MaxPool2d(2) if pool else nn.AdaptiveAvgPool2d(1))
    return layers


def small_cnn(width, classes):
    return nn.Sequential(*stage(1, width, True), *stage(width, 2 * width, True),
                         *stage(2 * width, 4 * width, False), nn.Flatten(), nn.Linear(4 * width, classes))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--images", type=int, default=4096)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--width", type=int, default=32)
    parser.add_argument("--classes", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    pixels = torch.randint(0, 256, (args.images, 1, 28, 28), dtype=torch.uint8)
    labels = torch.randint(0, args.classes, (args.images,))
    model = small_cnn(args.width, args.classes)
    model.train()
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()

    def epoch():
        order = torch.randperm(args.images)
        start = time.perf_counter()
        for first in range(0, args.images, args.batch):
            index = order[first:first + args.batch]
            x = pixels[index].float() / 255.0
            y = labels[index]
            optimiser.zero_grad()
            out = model(x)
            loss = loss_fn(out, y)
            loss.backward()
            loss.item()
            (out.argmax(1) == y).sum().item()
            optimiser.step()
        return args.images / (time.perf_counter() - start)

    epoch()  # warm-up
    rates = [epoch() for _ in range(args.epochs)]
    blas = re.search(r"BLAS_INFO=(\w+)", torch.__config__.show())
    print(json.dumps({"torch": torch.__version__, "blas": blas.group(1) if blas else "unknown",
                      "threads": torch.get_num_threads(),
                      "interop_threads": torch.get_num_interop_threads(), "batch": args.batch,
                      "images": args.images, "images_per_second": rates}))


if __name__ == "__main__":
    main()
