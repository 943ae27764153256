namespace Robotics.Models.Artifacts;

/// <summary>
/// A model artifact could not be read or does not fit what the caller needs. The message names the file, the
/// field, what was expected and what was found, and how to fix it.
/// </summary>
public sealed class ModelArtifactException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The artifact file concerned.</param>
    /// <param name="field">The JSON field or tensor concerned (e.g. <c>tensors[2].shape</c>).</param>
    /// <param name="problem">What was expected and what was found.</param>
    /// <param name="fix">What the user can do about it.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public ModelArtifactException(string path, string field, string problem, string fix, Exception? inner = null)
        : base($"{path}: {field}: {problem}. {fix}", inner)
    {
        Path = path;
        Field = field;
    }

    /// <summary>The artifact file concerned.</summary>
    public string Path { get; }

    /// <summary>The field or tensor concerned.</summary>
    public string Field { get; }
}
