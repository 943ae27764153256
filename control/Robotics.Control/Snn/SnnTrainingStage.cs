namespace Robotics.Control.Snn;

/// <summary>Which population an evolution stage trains and what it imitates.</summary>
public enum SnnTrainingStage
{
    /// <summary>The fast population imitates the PID's P + D terms; the loop uses it plus the PID's own integral.</summary>
    Fast = 0,

    /// <summary>The slow population imitates the PID's integral term; the loop uses it plus the evolved fast population.</summary>
    Slow = 1,

    /// <summary>One population imitates the whole PID output and controls alone (the baseline).</summary>
    Single = 2,
}
