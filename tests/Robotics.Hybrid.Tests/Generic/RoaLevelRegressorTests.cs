using Robotics.Control.Hybrid;
using Xunit;

namespace Robotics.Hybrid.Tests.Generic;

public sealed class RoaLevelRegressorTests
{
    [Fact]
    public void Predict_LowerEnvelope_TakesSmallerNeighbourAndClampsOutside()
    {
        var reg = new RoaLevelRegressor([3.0, 1.0, 2.0], [2.0, 1.0, 3.0]);
        Assert.Equal(1.0, reg.Predict(1.5));   // neighbours c(1) = 1, c(2) = 3
        Assert.Equal(2.0, reg.Predict(2.5));   // neighbours 3, 2
        Assert.Equal(1.0, reg.Predict(0.0));   // clamped to p = 1
        Assert.Equal(2.0, reg.Predict(9.0));   // clamped to p = 3
        Assert.Equal(3.0, reg.Predict(2.0));
    }

    [Fact]
    public void Predict_PiecewiseLinear_Interpolates()
    {
        var reg = new RoaLevelRegressor([1.0, 2.0], [1.0, 3.0], RoaRegressionKind.PiecewiseLinear);
        Assert.Equal(2.0, reg.Predict(1.5), 12);
    }

    [Fact]
    public void Predict_LeastSquares_IsCappedByNeighbours()
    {
        // Points (1,1), (2,3), (3,2): slope 0.5, intercept 1 -> line(1.5) = 1.75, capped at min(1, 3) = 1.
        var reg = new RoaLevelRegressor([1.0, 2.0, 3.0], [1.0, 3.0, 2.0], RoaRegressionKind.LeastSquaresLine);
        Assert.Equal(1.0, reg.Predict(1.5), 12);
        Assert.Equal(2.0, reg.Predict(2.5), 12);    // line 2.25 capped at min(3, 2) = 2
    }
}
