namespace Robotics.Control.Mip.Planning;

/// <summary>The OR-Tools MIP back end that solves the program (all in-process, OR-Tools 9.15).</summary>
public enum MipBackend
{
    /// <summary>HiGHS 1.12 (default; fastest on the larger networks in shared/reference/ml-deps.md section 3).</summary>
    Highs,

    /// <summary>COIN-OR CBC 2.10.</summary>
    Cbc,

    /// <summary>SCIP 10 (the only one of the three that OR-Tools documents as using solution hints).</summary>
    Scip,
}
