namespace Robotics.Models.Artifacts;

/// <summary>Where one tensor lives in the weights file.</summary>
/// <param name="Name">PyTorch state_dict key, e.g. <c>0.weight</c> or <c>rnn.weight_ih_l0</c>.</param>
/// <param name="Shape">Tensor shape as in PyTorch (a Linear weight is [out, in]).</param>
/// <param name="OffsetFloats">Offset in the weights file, in float32 elements.</param>
/// <param name="Length">Number of float32 elements (the product of the shape).</param>
public sealed record TensorInfo(string Name, int[] Shape, long OffsetFloats, long Length);
