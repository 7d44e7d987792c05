"""Kiwi alone: one text per call against several texts per call (its worker threads).

    python -m bench.kiwi_batch [--count 160] [--batch 16] [--repeat 3]

Tokenises ``--count`` generated press releases (``bench.press_releases``, seeded) with the
process-wide Kiwi of the pipeline, one text per ``tokenize`` call and then ``--batch``
texts per call, alternating, ``--repeat`` times; prints MB/s of each. It is the upper
bound of what batching Kiwi across documents can give extraction on this machine.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.press_releases import generate
from stkg.ingest.nlp import get_kiwi


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.kiwi_batch", description=__doc__)
    parser.add_argument("--count", type=int, default=160)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        texts = [p.read_text(encoding="utf-8") for p in generate(Path(tmp), args.count, seed=7)]
    mb = sum(len(t.encode()) for t in texts) / 2**20
    kiwi = get_kiwi()
    kiwi.tokenize("워밍업")
    batches = [texts[i : i + args.batch] for i in range(0, len(texts), args.batch)]
    alone: list[float] = []
    together: list[float] = []
    for _ in range(args.repeat):
        began = time.perf_counter()
        for text in texts:
            kiwi.tokenize(text)
        alone.append(mb / (time.perf_counter() - began))
        began = time.perf_counter()
        for batch in batches:
            list(kiwi.tokenize(batch))
        together.append(mb / (time.perf_counter() - began))
    print(f"corpus\t{len(texts)} documents\t{mb:.2f} MB\t{kiwi.num_workers} Kiwi workers")
    print("one text per call\t" + " ".join(f"{v:.3f}" for v in alone) + " MB/s")
    print(f"{args.batch} texts per call\t" + " ".join(f"{v:.3f}" for v in together) + " MB/s")


if __name__ == "__main__":
    main()
