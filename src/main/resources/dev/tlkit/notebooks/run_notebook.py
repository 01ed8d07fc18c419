#!/usr/bin/python3
"""Execute one notebook on a Jupyter kernel with Debian's nbclient and report what happened.

Writes the executed notebook (and optionally its HTML export) and a JSON result with the wall
time, the kernel process's peak resident memory, and the first failing cell with its error.
Used by the kit's notebook tests, `./kit run` and the grader. Exit code: 0 when every cell ran,
1 when a cell failed or timed out, 2 on a usage or start-up problem.
"""
import argparse
import json
import os
import sys
import threading
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def peak_rss_mb(pid):
    """Peak resident set size (VmHWM) of a process, in MiB, or None when it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        return None
    return None


class MemoryWatch(threading.Thread):
    """Polls the kernel's peak RSS: the last reading before the kernel exits is its peak."""

    def __init__(self, pid):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0.0
        self.running = True

    def run(self):
        while self.running:
            value = peak_rss_mb(self.pid)
            if value is not None:
                self.peak = max(self.peak, value)
            time.sleep(0.25)

    def stop(self):
        self.running = False
        value = peak_rss_mb(self.pid)
        if value is not None:
            self.peak = max(self.peak, value)


def kernel_pid(client):
    provisioner = getattr(client.km, "provisioner", None)
    process = getattr(provisioner, "process", None)
    if process is not None:
        return process.pid
    kernel = getattr(client.km, "kernel", None)
    return getattr(kernel, "pid", None)


def error_of(cell):
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            return {"ename": output.get("ename", ""), "evalue": output.get("evalue", ""),
                    "traceback": output.get("traceback", [])}
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("notebook")
    parser.add_argument("--output", required=True, help="where to write the executed notebook")
    parser.add_argument("--html", help="also write an HTML export here")
    parser.add_argument("--result", help="write the JSON result here (default: standard output)")
    parser.add_argument("--kernel", default=None, help="kernel name (default: the notebook's own)")
    parser.add_argument("--cell-timeout", type=int, default=600, help="seconds per cell")
    parser.add_argument("--allow-errors", action="store_true", help="keep going after a failing cell")
    args = parser.parse_args()

    nb = nbformat.read(args.notebook, as_version=4)
    folder = os.path.dirname(os.path.abspath(args.notebook))
    kernel_name = args.kernel or nb.metadata.get("kernelspec", {}).get("name")
    client = NotebookClient(nb, timeout=args.cell_timeout, kernel_name=kernel_name,
                            allow_errors=args.allow_errors, interrupt_on_timeout=args.allow_errors,
                            record_timing=True, resources={"metadata": {"path": folder}})
    result = {"notebook": args.notebook, "status": "ok", "failed_cell": None, "error": None,
              "cells": len(nb.cells), "seconds": None, "peak_rss_mb": None, "cell_seconds": []}
    start = time.monotonic()
    watch = None
    try:
        with client.setup_kernel():
            pid = kernel_pid(client)
            if pid is not None:
                watch = MemoryWatch(pid)
                watch.start()
            for index, cell in enumerate(nb.cells):
                cell_start = time.monotonic()
                try:
                    client.execute_cell(cell, index)
                except CellTimeoutError as e:
                    result.update(status="timeout", failed_cell=index + 1,
                                  error={"ename": "Timeout", "evalue": f"cell {index + 1} ran longer than "
                                         f"{args.cell_timeout} s", "traceback": [str(e)]})
                    break
                except DeadKernelError as e:
                    result.update(status="dead", failed_cell=index + 1,
                                  error={"ename": "DeadKernel", "evalue": "the kernel died while running cell "
                                         f"{index + 1}", "traceback": [str(e)]})
                    break
                except CellExecutionError:
                    result.update(status="error", failed_cell=index + 1, error=error_of(cell))
                    break
                finally:
                    if cell.cell_type == "code":
                        result["cell_seconds"].append(round(time.monotonic() - cell_start, 2))
                if args.allow_errors and result["error"] is None and error_of(cell) is not None:
                    result.update(status="error", failed_cell=index + 1, error=error_of(cell))
            if watch is not None:
                watch.stop()
    except Exception as e:  # the kernel did not start, or died on the way
        if result["status"] == "ok":
            result.update(status="dead", error={"ename": type(e).__name__, "evalue": str(e), "traceback": []})
    result["seconds"] = round(time.monotonic() - start, 2)
    if watch is not None:
        result["peak_rss_mb"] = round(watch.peak, 1)

    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    nbformat.write(nb, args.output)
    if args.html:
        from nbconvert import HTMLExporter
        body, _ = HTMLExporter().from_notebook_node(nb)
        with open(args.html, "w", encoding="utf-8") as html:
            html.write(body)
    text = json.dumps(result, indent=1)
    if args.result:
        with open(args.result, "w") as out:
            out.write(text)
    else:
        print(text)
    return 0 if result["status"] == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
