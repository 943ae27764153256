using System.Buffers.Binary;
using System.Security.Cryptography;
using Robotics.Models.Artifacts;

namespace Robotics.Models.Training.Data;

/// <summary>
/// Trajectories split by trajectory (never by sample, so validation never sees a neighbour of a training
/// sample) into training, validation and test sets, with the signal names and a content hash.
/// </summary>
public sealed class TransitionDataset
{
    /// <summary>Creates the dataset and computes its hash.</summary>
    public TransitionDataset(IReadOnlyList<SignalInfo> states, IReadOnlyList<SignalInfo> inputs, double timeStep,
        IReadOnlyList<Trajectory> train, IReadOnlyList<Trajectory> validation, IReadOnlyList<Trajectory> test, string description)
    {
        States = states;
        Inputs = inputs;
        TimeStep = timeStep;
        Train = train;
        Validation = validation;
        Test = test;
        Description = description;
        Hash = ComputeHash();
    }

    /// <summary>State signals.</summary>
    public IReadOnlyList<SignalInfo> States { get; }

    /// <summary>Input signals.</summary>
    public IReadOnlyList<SignalInfo> Inputs { get; }

    /// <summary>Time step between samples, seconds.</summary>
    public double TimeStep { get; }

    /// <summary>Training trajectories.</summary>
    public IReadOnlyList<Trajectory> Train { get; }

    /// <summary>Validation trajectories (early stopping, reported errors).</summary>
    public IReadOnlyList<Trajectory> Validation { get; }

    /// <summary>Held-out test trajectories.</summary>
    public IReadOnlyList<Trajectory> Test { get; }

    /// <summary>One line: where the data came from.</summary>
    public string Description { get; }

    /// <summary>SHA-256 (hex) over sizes and every value of every split, in order, little-endian.</summary>
    public string Hash { get; }

    private string ComputeHash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[8];
        void Add(double v)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(buffer, v);
            sha.AppendData(buffer);
        }

        Add(States.Count);
        Add(Inputs.Count);
        Add(TimeStep);
        foreach (var split in new[] { Train, Validation, Test })
        {
            Add(split.Count);
            foreach (var t in split)
            {
                Add(t.Steps);
                foreach (double v in t.States) Add(v);
                foreach (double v in t.Inputs) Add(v);
            }
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
