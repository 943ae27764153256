namespace Robotics.Control.Lqr;

/// <summary>Options of an <see cref="LqrController"/> (the gain itself is given in code).</summary>
/// <remarks>
/// <para><see cref="OutputMin"/> and <see cref="OutputMax"/> follow one rule: an empty array means unlimited,
/// one value applies to every command entry, and m values (one per command entry) apply entry by entry.</para>
/// </remarks>
public sealed record LqrControllerParameters
{
    /// <summary>Lower command limits (<c>output_min</c>); empty = unlimited. Default empty.</summary>
    public double[] OutputMin { get; init; } = [];

    /// <summary>Upper command limits (<c>output_max</c>); empty = unlimited. Default empty.</summary>
    public double[] OutputMax { get; init; } = [];
}
