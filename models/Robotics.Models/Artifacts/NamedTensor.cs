namespace Robotics.Models.Artifacts;

/// <summary>A tensor to be written into an artifact: its state_dict name, PyTorch shape and row-major data.</summary>
/// <param name="Name">State_dict key, e.g. <c>0.weight</c>.</param>
/// <param name="Shape">PyTorch shape (a Linear weight is [out, in]).</param>
/// <param name="Data">Row-major float32 values; the length must equal the product of the shape.</param>
public sealed record NamedTensor(string Name, int[] Shape, float[] Data);
