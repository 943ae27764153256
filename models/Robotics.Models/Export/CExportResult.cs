namespace Robotics.Models.Export;

/// <summary>The generated C99 files of one model and their sizes.</summary>
/// <param name="Name">C identifier prefix of everything generated (<c>&lt;name&gt;_step</c>).</param>
/// <param name="Precision">Weight and arithmetic format.</param>
/// <param name="HeaderFileName">File name of the header, <c>&lt;name&gt;.h</c>.</param>
/// <param name="SourceFileName">File name of the source, <c>&lt;name&gt;.c</c>.</param>
/// <param name="Header">Header text.</param>
/// <param name="Source">Source text.</param>
/// <param name="StateSize">Length of the state vector of <c>&lt;name&gt;_step</c> (observed plus latent).</param>
/// <param name="InputSize">Length of the input vector.</param>
/// <param name="ParameterCount">Number of network parameters (weights and biases).</param>
/// <param name="WeightBytes">Bytes of constant data the model needs: weights, biases, scales and normalisation.</param>
/// <param name="NeedsNominal">True for residual models: the firmware supplies <c>&lt;name&gt;_nominal</c>.</param>
public sealed record CExportResult(
    string Name,
    CPrecision Precision,
    string HeaderFileName,
    string SourceFileName,
    string Header,
    string Source,
    int StateSize,
    int InputSize,
    int ParameterCount,
    int WeightBytes,
    bool NeedsNominal);
