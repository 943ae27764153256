#!/usr/bin/env python3
"""Golden numbers for one GRU and one LSTM NARX step (tests/Robotics.Models.Tests/RecurrentGoldenTests.cs).

Independent of the C# code: the cell equations are written out from the PyTorch documentation
(torch.nn.GRU / torch.nn.LSTM, gate order r,z,n and i,f,g,o) and evaluated in float64 with numpy.
Weights follow a closed formula both sides can compute: tensor t (0-based, in the order listed below),
element k (row-major) = float32(0.5 * sin(0.7 * k + 1.3 * t + 0.1)).
Tensors: rnn.weight_ih_l0, rnn.weight_hh_l0, rnn.bias_ih_l0, rnn.bias_hh_l0, head.weight, head.bias.
Model: n = 2 observed outputs, m = 1 input, H = 3 hidden; normalisation in_mean = [0.1, -0.2, 0.3],
in_std = [2, 0.5, 4], out_mean = [0.01, -0.02], out_std = [0.1, 0.3].
Run: /usr/bin/python3 tests/golden/models/recurrent_golden.py
"""
import numpy as np

n, m, H = 2, 1, 3
I = n + m
in_mean = np.array([0.1, -0.2, 0.3]); in_std = np.array([2.0, 0.5, 4.0])
out_mean = np.array([0.01, -0.02]); out_std = np.array([0.1, 0.3])


def tensor(t, shape):
    k = np.arange(int(np.prod(shape)))
    return (0.5 * np.sin(0.7 * k + 1.3 * t + 0.1)).astype(np.float32).astype(np.float64).reshape(shape)


def sig(a):
    return 1.0 / (1.0 + np.exp(-a))


def weights(G):
    return (tensor(0, (G * H, I)), tensor(1, (G * H, H)), tensor(2, (G * H,)), tensor(3, (G * H,)),
            tensor(4, (n, H)), tensor(5, (n,)))


y = np.array([0.4, -0.7]); u = np.array([1.5])
x = (np.concatenate([y, u]) - in_mean) / in_std

# GRU
wih, whh, bih, bhh, hw, hb = weights(3)
h = np.array([0.2, -0.1, 0.05])
gi = wih @ x + bih; gh = whh @ h + bhh
r = sig(gi[0:H] + gh[0:H]); z = sig(gi[H:2*H] + gh[H:2*H])
nn = np.tanh(gi[2*H:] + r * gh[2*H:])
h1 = (1 - z) * nn + z * h
y1 = y + (hw @ h1 + hb) * out_std + out_mean
gru_next = np.concatenate([y1, h1])

# LSTM
wih, whh, bih, bhh, hw, hb = weights(4)
h = np.array([0.2, -0.1, 0.05]); c = np.array([-0.3, 0.6, 0.1])
g = wih @ x + bih + whh @ h + bhh
i_ = sig(g[0:H]); f_ = sig(g[H:2*H]); gg = np.tanh(g[2*H:3*H]); o_ = sig(g[3*H:])
c1 = f_ * c + i_ * gg
h1 = o_ * np.tanh(c1)
y1 = y + (hw @ h1 + hb) * out_std + out_mean
lstm_next = np.concatenate([y1, h1, c1])


def lit(a):
    return "[" + ", ".join(f"{v:.12g}" for v in a) + "]"


print("// state y = [0.4, -0.7], input u = [1.5]; GRU h = [0.2, -0.1, 0.05]; LSTM h = [0.2, -0.1, 0.05], c = [-0.3, 0.6, 0.1]")
print(f"GruNext = {lit(gru_next)};")
print(f"LstmNext = {lit(lstm_next)};")
