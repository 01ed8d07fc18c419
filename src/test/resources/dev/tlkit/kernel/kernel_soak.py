"""Runs many cells on one kit kernel and records its resident memory after each (KernelSoakIT).

Usage: kernel_soak.py CELLS.json RESULT.json  (JUPYTER_PATH must hold the kit's kernel spec). CELLS.json is a
list of cell sources; RESULT.json gets {"rss_mb": [...], "errors": [...], "seconds": ...}.
"""
import json
import sys
import time

from jupyter_client.manager import KernelManager


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


def main():
    cells = json.load(open(sys.argv[1]))
    manager = KernelManager(kernel_name="java-transfer-kit")
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    began = time.perf_counter()
    rss, errors, seconds = [], [], []
    try:
        client.wait_for_ready(timeout=180)
        pid = manager.provisioner.pid
        for number, source in enumerate(cells, start=1):
            cell_began = time.perf_counter()
            reply = client.execute_interactive(source, timeout=300, output_hook=lambda message: None)
            if reply["content"]["status"] != "ok":
                errors.append({"cell": number, "error": "%s: %s" % (reply["content"].get("ename"),
                                                                   reply["content"].get("evalue"))})
            seconds.append(time.perf_counter() - cell_began)
            rss.append(rss_mb(pid))
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    json.dump({"rss_mb": rss, "errors": errors, "seconds": time.perf_counter() - began,
               "cell_seconds": seconds}, open(sys.argv[2], "w"))


if __name__ == "__main__":
    main()
