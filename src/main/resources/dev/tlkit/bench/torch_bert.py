"""all-MiniLM-L6-v2 (Hugging Face's BERT layout) in Python PyTorch, on the weights of the kit's ONNX file.

Run by dev.tlkit.bench.TransformerThroughput with Debian's /usr/bin/python3 and python3-torch, as the reference
for the kit's DJL network: the same layers, the same weights (read from the ONNX file's initializers with a few
lines of protocol-buffer parsing, MatMul weights mapped to their layers by node name), the same token ids (the kit
tokenizes and passes them in), the same batching (inference shortest first in the kit's inference batches, padded to the
batch's longest; training in a fixed shuffled order), the same optimiser (Adam) and thread count. Prints one JSON
object with sentences/s of every timed repeat.
"""
import argparse
import json
import math
import struct
import time

import torch
from torch import nn


def varint(b, i):
    value, shift = 0, 0
    while True:
        c = b[i]
        i += 1
        value |= (c & 0x7F) << shift
        shift += 7
        if c < 0x80:
            return value, i


def fields(b, start, end):
    i = start
    while i < end:
        key, i = varint(b, i)
        field, wire = key >> 3, key & 7
        if wire == 0:
            value, i = varint(b, i)
            yield field, value
        elif wire == 2:
            length, i = varint(b, i)
            yield field, (i, i + length)
            i += length
        elif wire == 5:
            yield field, b[i:i + 4]
            i += 4
        elif wire == 1:
            yield field, b[i:i + 8]
            i += 8
        else:
            raise ValueError("wire type %d" % wire)


def onnx_weights(path):
    """Float32 initializers by name, MatMul weights also under '<layer>.weight' as [out, in]."""
    b = open(path, "rb").read()
    graph = next(v for f, v in fields(b, 0, len(b)) if f == 7)
    tensors, matmuls = {}, []
    for f, v in fields(b, *graph):
        if f == 5:
            dims, name, dtype, raw = [], "", 0, None
            for tf, tv in fields(b, *v):
                if tf == 1:
                    dims.append(tv)
                elif tf == 2:
                    dtype = tv
                elif tf == 8:
                    name = b[tv[0]:tv[1]].decode()
                elif tf == 9:
                    raw = b[tv[0]:tv[1]]
            if dtype == 1:
                tensors[name] = torch.frombuffer(bytearray(raw), dtype=torch.float32).reshape(dims)
        elif f == 1:
            node = {"in": [], "name": "", "op": ""}
            for nf, nv in fields(b, *v):
                if nf == 1:
                    node["in"].append(b[nv[0]:nv[1]].decode())
                elif nf == 3:
                    node["name"] = b[nv[0]:nv[1]].decode()
                elif nf == 4:
                    node["op"] = b[nv[0]:nv[1]].decode()
            matmuls.append(node)
    for node in matmuls:
        if node["op"] == "MatMul" and node["name"].endswith("/MatMul"):
            layer = node["name"][1:-len("/MatMul")].replace("/", ".")
            for name in node["in"]:
                if name in tensors:
                    tensors[layer + ".weight"] = tensors[name].t().contiguous()
    return tensors


class Layer(nn.Module):
    def __init__(self, hidden, heads, intermediate):
        super().__init__()
        self.heads, self.size = heads, hidden // heads
        self.query, self.key, self.value = (nn.Linear(hidden, hidden) for _ in range(3))
        self.attention_output = nn.Linear(hidden, hidden)
        self.attention_norm = nn.LayerNorm(hidden, eps=1e-12)
        self.intermediate = nn.Linear(hidden, intermediate)
        self.output = nn.Linear(intermediate, hidden)
        self.output_norm = nn.LayerNorm(hidden, eps=1e-12)

    def forward(self, x, padding):
        b, t, h = x.shape

        def split(y):
            return y.view(b, t, self.heads, self.size).transpose(1, 2)
        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        scores = q @ k.transpose(2, 3) / math.sqrt(self.size) + padding
        context = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, t, h)
        a = self.attention_norm(self.attention_output(context) + x)
        return self.output_norm(self.output(nn.functional.gelu(self.intermediate(a))) + a)


class MiniLm(nn.Module):
    def __init__(self, w, layers=6, hidden=384, heads=12, intermediate=1536, classes=2):
        super().__init__()
        self.words = nn.Embedding.from_pretrained(w["embeddings.word_embeddings.weight"], freeze=False)
        self.positions = nn.Embedding.from_pretrained(w["embeddings.position_embeddings.weight"], freeze=False)
        self.types = nn.Embedding.from_pretrained(w["embeddings.token_type_embeddings.weight"], freeze=False)
        self.norm = nn.LayerNorm(hidden, eps=1e-12)
        self.norm.weight.data, self.norm.bias.data = w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"]
        self.layers = nn.ModuleList(Layer(hidden, heads, intermediate) for _ in range(layers))
        names = {"query": "attention.self.query", "key": "attention.self.key", "value": "attention.self.value",
                 "attention_output": "attention.output.dense", "attention_norm": "attention.output.LayerNorm",
                 "intermediate": "intermediate.dense", "output": "output.dense", "output_norm": "output.LayerNorm"}
        for i, layer in enumerate(self.layers):
            for attribute, hf in names.items():
                module = getattr(layer, attribute)
                module.weight.data = w["encoder.layer.%d.%s.weight" % (i, hf)]
                module.bias.data = w["encoder.layer.%d.%s.bias" % (i, hf)]
        self.head = nn.Linear(hidden, classes)

    def embed(self, ids, mask):
        t = ids.shape[1]
        x = self.words(ids) + self.positions(torch.arange(t).unsqueeze(0)) + self.types(torch.zeros_like(ids))
        x = self.norm(x)
        padding = ((1.0 - mask.float()) * torch.finfo(torch.float32).min).view(ids.shape[0], 1, 1, t)
        for layer in self.layers:
            x = layer(x, padding)
        m = mask.float().unsqueeze(2)
        mean = (x * m).sum(1) / m.sum(1).clamp(min=1e-9)
        return nn.functional.normalize(mean, p=2, dim=1, eps=1e-12)


def batch(ids, indices):
    longest = max(len(ids[i]) for i in indices)
    x = torch.zeros(len(indices), longest, dtype=torch.int64)
    m = torch.zeros(len(indices), longest, dtype=torch.int64)
    for row, i in enumerate(indices):
        x[row, :len(ids[i])] = torch.tensor(ids[i])
        m[row, :len(ids[i])] = 1
    return x, m


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--onnx", required=True)
    parser.add_argument("--tokens", required=True, help="JSON: {'ids': [[...], ...], 'labels': [...]}")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--inference-batch", type=int, default=16)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    data = json.load(open(args.tokens))
    ids, labels = data["ids"], torch.tensor(data["labels"])
    model = MiniLm(onnx_weights(args.onnx))
    out = {"torch": torch.__version__, "threads": torch.get_num_threads()}

    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    model.eval()
    rates = []
    with torch.no_grad():
        for r in range(args.repeats + 1):
            start = time.perf_counter()
            step = args.inference_batch
            for first in range(0, len(order), step):
                model.embed(*batch(ids, order[first:first + step])).sum().item()
            if r > 0:
                rates.append(len(ids) / (time.perf_counter() - start))
    out["forward"] = rates

    for name, top in (("train_top2_batch16", 2), ("train_all6_batch16", 6)):
        for p in model.parameters():
            p.requires_grad_(False)
        trainable = [p for layer in model.layers[-top:] for p in layer.parameters()] + list(model.head.parameters())
        for p in trainable:
            p.requires_grad_(True)
        optimiser = torch.optim.Adam(trainable, lr=1e-4)
        shuffled = torch.randperm(len(ids), generator=torch.Generator().manual_seed(args.seed)).tolist()
        model.train()
        rates = []
        for r in range(args.repeats + 1):
            start = time.perf_counter()
            for first in range(0, len(shuffled), 16):
                indices = shuffled[first:first + 16]
                optimiser.zero_grad()
                logits = model.head(model.embed(*batch(ids, indices)))
                loss = nn.functional.cross_entropy(logits, labels[indices])
                loss.backward()
                optimiser.step()
                loss.item()
            if r > 0:
                rates.append(len(ids) / (time.perf_counter() - start))
        out[name] = rates
    print(json.dumps(out))


if __name__ == "__main__":
    main()
