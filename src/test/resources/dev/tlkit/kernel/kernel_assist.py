"""Asks the kit's kernel, started by Jupyter, what a notebook front end asks while a learner types (KernelAssistIT).

Usage: kernel_assist.py REQUESTS.json RESULT.json  (JUPYTER_PATH must hold the kit's kernel spec). REQUESTS.json is a
list of {"type": "execute" | "complete" | "inspect" | "is_complete", "code": ..., "cursor": N, "detail": 0 | 1};
RESULT.json gets the content of each reply, in order (execute: its status and the text it printed).
"""
import json
import sys

from jupyter_client.manager import KernelManager


def main():
    requests = json.load(open(sys.argv[1]))
    manager = KernelManager(kernel_name="java-transfer-kit")
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    replies = []
    try:
        client.wait_for_ready(timeout=180)
        for request in requests:
            kind, code = request["type"], request["code"]
            if kind == "execute":
                printed = []

                def hook(message):
                    if message["msg_type"] == "stream":
                        printed.append(message["content"]["text"])

                reply = client.execute_interactive(code, timeout=300, output_hook=hook)
                replies.append({"status": reply["content"]["status"], "stdout": "".join(printed)})
                continue
            if kind == "complete":
                msg_id = client.complete(code, request["cursor"])
            elif kind == "inspect":
                msg_id = client.inspect(code, request["cursor"], request.get("detail", 0))
            else:
                msg_id = client.is_complete(code)
            reply = client.get_shell_msg(timeout=60)
            while reply["parent_header"].get("msg_id") != msg_id:
                reply = client.get_shell_msg(timeout=60)
            replies.append(reply["content"])
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    json.dump(replies, open(sys.argv[2], "w"))


if __name__ == "__main__":
    main()
