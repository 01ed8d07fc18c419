"""Times the kit's Jupyter kernel from start to its first tensor operation.

Run by dev.tlkit.bench.Benchmarks with Debian's /usr/bin/python3 (jupyter_client). A cold start gets an
empty DJL cache folder, so libtorch is unpacked from the Maven jar first, as on a student's first run;
warm starts reuse the normal cache. Prints one JSON object with the seconds of every start.
"""
import argparse
import json
import os
import shutil
import tempfile
import time

from jupyter_client.manager import KernelManager

FIRST_TENSOR = ("var benchManager = ai.djl.ndarray.NDManager.newBaseManager();\n"
                "benchManager.ones(new ai.djl.ndarray.types.Shape(2, 2)).sum().getFloat()")


def start_once(kernel, env):
    manager = KernelManager(kernel_name=kernel)
    began = time.perf_counter()
    manager.start_kernel(env=env)
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=180)
        ready = time.perf_counter() - began
        message_id = client.execute(FIRST_TENSOR)
        while True:
            reply = client.get_shell_msg(timeout=180)
            if reply["parent_header"].get("msg_id") == message_id:
                break
        first_tensor = time.perf_counter() - began
        if reply["content"]["status"] != "ok":
            raise SystemExit("the first tensor operation failed: %s" % reply["content"])
        return {"ready_seconds": ready, "first_tensor_seconds": first_tensor}
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kernel", required=True)
    parser.add_argument("--warm", type=int, default=3)
    args = parser.parse_args()

    cold_cache = tempfile.mkdtemp(prefix="tlkit-cold-djl-cache-")
    try:
        cold = start_once(args.kernel, dict(os.environ, DJL_CACHE_DIR=cold_cache))
    finally:
        shutil.rmtree(cold_cache, ignore_errors=True)
    start_once(args.kernel, dict(os.environ))  # makes sure the normal cache is filled
    warm = [start_once(args.kernel, dict(os.environ)) for _ in range(args.warm)]
    print(json.dumps({"cold": cold, "warm": warm}))


if __name__ == "__main__":
    main()
