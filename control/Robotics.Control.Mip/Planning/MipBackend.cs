namespace Robotics.Control.Mip.Planning;

/// <summary>The OR-Tools MIP back end that solves the program (all in-process, OR-Tools 9.15).</summary>
public enum MipBackend
{
    /// <summary>HiGHS 1.12 through OR-Tools' MPSolver (fastest on the larger networks in shared/reference/ml-deps.md section 3). OR-Tools 9.15 cannot pass it a warm start and drops its incumbent at a time limit.</summary>
    Highs,

    /// <summary>COIN-OR CBC 2.10.</summary>
    Cbc,

    /// <summary>SCIP 10 (the only one of the three that OR-Tools documents as using solution hints).</summary>
    Scip,

    /// <summary>
    /// The same HiGHS 1.12 (the <c>libhighs.so.1</c> of the Google.OrTools runtime package) through its own C API: it starts
    /// from the warm-start plan as its incumbent and returns the best incumbent at a time limit.
    /// </summary>
    HighsNative,
}
