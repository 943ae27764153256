#!/usr/bin/env python3
"""PyTorch side of tests/Robotics.Models.Training.Tests/PyTorchInteropTests.cs (needs /usr/bin/python3 with torch,
Debian 12: apt-get install python3-torch).

  state_dict_interop.py write OUT_DIR         writes OUT_DIR/<family>.pth (seeded random weights) for every family
  state_dict_interop.py eval FAMILY=PTH ...   loads each PTH (e.g. written by C#) strictly into FAMILY's module

Both print JSON {family: {"states": [[...]], "inputs": [[...]], "next": [[...]]}}: the next state per the artifact
semantics with identity normalisation (input mean 0, std 1; output mean 0, std 1), in float64 from float32 weights:
  mlp:      x_next = x + net([x; u])
  ensemble: x_next = x + mean_k net_k([x; u])
  gru:      state [y, h]:    h' = GRU([y; u], h),          y' = y + head(h'), next [y', h']
  lstm:     state [y, h, c]: (h', c') = LSTM([y; u], h, c), y' = y + head(h'), next [y', h', c']
The module structures are those of models/Robotics.Models.Training/Interop/README.md.
"""
import json
import sys

import torch
from torch import nn

N, M = 2, 1                  # states [position_m, velocity_m_s], input [force_n]
HIDDEN = [8, 8]
ACTIVATION = {"mlp": "tanh", "ensemble": "relu"}
ENSEMBLE = 3
RECURRENT = 5
FAMILIES = ["mlp", "ensemble", "gru", "lstm"]


def mlp(hidden, act):
    layers, fan_in = [], N + M
    for width in hidden:
        layers += [nn.Linear(fan_in, width), nn.Tanh() if act == "tanh" else nn.ReLU()]
        fan_in = width
    return nn.Sequential(*layers, nn.Linear(fan_in, N))


class Ensemble(nn.Module):
    def __init__(self):
        super().__init__()
        self.members = nn.ModuleList([mlp(HIDDEN, ACTIVATION["ensemble"]) for _ in range(ENSEMBLE)])


class Narx(nn.Module):
    def __init__(self, lstm):
        super().__init__()
        self.rnn = (nn.LSTM if lstm else nn.GRU)(N + M, RECURRENT, num_layers=1, batch_first=True)
        self.head = nn.Linear(RECURRENT, N)


def build(family):
    if family == "mlp":
        return mlp(HIDDEN, ACTIVATION["mlp"])
    if family == "ensemble":
        return Ensemble()
    return Narx(family == "lstm")


def cases(family):
    """Fixed states (with latent parts for recurrent families) and inputs."""
    latent = {"mlp": 0, "ensemble": 0, "gru": RECURRENT, "lstm": 2 * RECURRENT}[family]
    g = torch.Generator().manual_seed(2024)
    states = (torch.rand(6, N + latent, generator=g, dtype=torch.float64) * 2 - 1) * 0.8
    inputs = torch.rand(6, M, generator=g, dtype=torch.float64) * 4 - 2
    return states, inputs


@torch.no_grad()
def step(family, model, states, inputs):
    x = states.float()
    u = inputs.float()
    y = x[:, :N]
    net_in = torch.cat([y, u], 1)
    if family == "mlp":
        return (y + model(net_in)).double()
    if family == "ensemble":
        return (y + torch.stack([m(net_in) for m in model.members]).mean(0)).double()
    h0 = x[:, N:N + RECURRENT].unsqueeze(0).contiguous()
    if family == "gru":
        _, hn = model.rnn(net_in.unsqueeze(1), h0)
        h = hn.squeeze(0)
        return torch.cat([y + model.head(h), h], 1).double()
    c0 = x[:, N + RECURRENT:].unsqueeze(0).contiguous()
    _, (hn, cn) = model.rnn(net_in.unsqueeze(1), (h0, c0))
    h, c = hn.squeeze(0), cn.squeeze(0)
    return torch.cat([y + model.head(h), h, c], 1).double()


def report(family, model):
    states, inputs = cases(family)
    nxt = step(family, model, states, inputs)
    return {"states": states.tolist(), "inputs": inputs.tolist(), "next": nxt.tolist()}


def main():
    torch.set_num_threads(1)
    if sys.argv[1] == "write":
        out = {}
        for i, family in enumerate(FAMILIES):
            torch.manual_seed(100 + i)
            model = build(family)
            torch.save(model.state_dict(), f"{sys.argv[2]}/{family}.pth")
            out[family] = report(family, model)
    else:
        out = {}
        for pair in sys.argv[2:]:
            family, path = pair.split("=", 1)
            model = build(family)
            model.load_state_dict(torch.load(path), strict=True)
            out[family] = report(family, model)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
