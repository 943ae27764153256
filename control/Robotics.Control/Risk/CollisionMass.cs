namespace Robotics.Control.Risk;

/// <summary>
/// The mass estimate both collision-risk estimators share: per step, the summed mass of the samples inside an
/// obstacle, and the mass of the samples inside one for the first time (their sum over steps is the probability of
/// colliding at some step). Allocation-free.
/// </summary>
internal static class CollisionMass
{
    /// <summary>Marks the samples within an obstacle at <paramref name="time"/> and accumulates their mass.</summary>
    /// <returns>The mass inside an obstacle at this step; <paramref name="anyStep"/> grows by the newly collided mass.</returns>
    public static double AddStep(IReadOnlyList<IPlanarObstacle> obstacles, double time, ReadOnlySpan<double> xs, ReadOnlySpan<double> ys,
        double footprintRadius, ReadOnlySpan<double> masses, Span<bool> hitNow, Span<bool> collided, ref double anyStep)
    {
        hitNow.Clear();
        for (int o = 0; o < obstacles.Count; o++)
        {
            obstacles[o].MarkWithin(time, xs, ys, footprintRadius, hitNow);
        }

        double mass = 0;
        for (int i = 0; i < masses.Length; i++)
        {
            if (!hitNow[i])
            {
                continue;
            }

            mass += masses[i];
            if (!collided[i])
            {
                collided[i] = true;
                anyStep += masses[i];
            }
        }

        return mass;
    }

    /// <summary>The first step with the largest risk among steps 0..<paramref name="steps"/>.</summary>
    public static int WorstStep(ReadOnlySpan<double> stepRisk, int steps)
    {
        int worst = 0;
        for (int k = 1; k <= steps; k++)
        {
            if (stepRisk[k] > stepRisk[worst])
            {
                worst = k;
            }
        }

        return worst;
    }
}
