namespace Robotics.Models.Export;

/// <summary>Number format of the generated C code's weights and matrix products.</summary>
public enum CPrecision
{
    /// <summary>float weights, float arithmetic (matches managed inference to float rounding).</summary>
    Float32,

    /// <summary>
    /// int8 weights with one symmetric float scale per output row (s_j = max_i |W_ji| / 127, q = round(W / s_j)),
    /// activations quantised per vector at run time (s_x = max_i |x_i| / 127, p = round(x / s_x)), int32
    /// accumulators, result s_j s_x sum_i q_ji p_i + b_j in float. Biases, normalisation and gate nonlinearities
    /// stay float (an FPU such as the Cortex-M4F's is assumed).
    /// </summary>
    Int8,
}
