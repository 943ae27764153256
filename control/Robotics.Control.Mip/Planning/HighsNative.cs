using System.Runtime.InteropServices;

namespace Robotics.Control.Mip.Planning;

/// <summary>
/// The few calls of HiGHS's C API (<c>highs_c_api.h</c>, HiGHS 1.12) that <see cref="MipBackend.HighsNative"/> needs. The
/// library is the <c>libhighs.so.1</c> that the Google.OrTools runtime package ships next to OR-Tools (built with 32-bit
/// HighsInt; <see cref="MipProgram.HighsNativeProblem"/> checks <c>Highs_getSizeofHighsInt</c> when a planner is created).
/// </summary>
internal static partial class HighsNative
{
    private const string Library = "libhighs.so.1";

    public const int MatrixFormatRowwise = 2;
    public const int ObjSenseMinimize = 1;
    public const int VarTypeContinuous = 0;
    public const int VarTypeInteger = 1;
    public const int ModelStatusOptimal = 7;
    public const int ModelStatusInfeasible = 8;
    public const int ModelStatusTimeLimit = 13;
    public const int SolutionStatusFeasible = 2;
    public const int StatusError = -1;

    [LibraryImport(Library, EntryPoint = "Highs_create")]
    public static partial nint Create();

    [LibraryImport(Library, EntryPoint = "Highs_destroy")]
    public static partial void Destroy(nint highs);

    [LibraryImport(Library, EntryPoint = "Highs_getSizeofHighsInt")]
    public static partial int SizeofHighsInt(nint highs);

    [LibraryImport(Library, EntryPoint = "Highs_setBoolOptionValue", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetBoolOption(nint highs, string option, int value);

    [LibraryImport(Library, EntryPoint = "Highs_setIntOptionValue", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetIntOption(nint highs, string option, int value);

    [LibraryImport(Library, EntryPoint = "Highs_setDoubleOptionValue", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetDoubleOption(nint highs, string option, double value);

    [LibraryImport(Library, EntryPoint = "Highs_setOptionValue", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetOptionFromString(nint highs, string option, string value);

    [LibraryImport(Library, EntryPoint = "Highs_passMip")]
    public static partial int PassMip(
        nint highs, int numCol, int numRow, int numNz, int aFormat, int sense, double offset,
        [In] double[] colCost, [In] double[] colLower, [In] double[] colUpper, [In] double[] rowLower, [In] double[] rowUpper,
        [In] int[] aStart, [In] int[] aIndex, [In] double[] aValue, [In] int[] integrality);

    [LibraryImport(Library, EntryPoint = "Highs_setSolution")]
    public static partial int SetSolution(nint highs, [In] double[] colValue, nint rowValue, nint colDual, nint rowDual);

    [LibraryImport(Library, EntryPoint = "Highs_run")]
    public static partial int Run(nint highs);

    [LibraryImport(Library, EntryPoint = "Highs_getModelStatus")]
    public static partial int GetModelStatus(nint highs);

    [LibraryImport(Library, EntryPoint = "Highs_getSolution")]
    public static partial int GetSolution(nint highs, [Out] double[] colValue, nint colDual, nint rowValue, nint rowDual);

    [LibraryImport(Library, EntryPoint = "Highs_getIntInfoValue", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int GetIntInfo(nint highs, string info, out int value);

    [LibraryImport(Library, EntryPoint = "Highs_getInt64InfoValue", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int GetInt64Info(nint highs, string info, out long value);

    [LibraryImport(Library, EntryPoint = "Highs_getDoubleInfoValue", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int GetDoubleInfo(nint highs, string info, out double value);
}
