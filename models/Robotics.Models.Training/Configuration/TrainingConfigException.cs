namespace Robotics.Models.Training.Configuration;

/// <summary>A training configuration is invalid; the message lists every problem with file, field, value and fix.</summary>
public sealed class TrainingConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TrainingConfigException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
