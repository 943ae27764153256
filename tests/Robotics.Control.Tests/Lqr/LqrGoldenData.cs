namespace Robotics.Control.Tests.Lqr;

/// <summary>
/// Golden LQR data printed by tests/golden/lqr/lqr_golden.py (scipy 1.10: solve_continuous_are, solve_discrete_are,
/// cont2discrete(method='zoh'); numpy.linalg.eigvals). Regenerate with
///   /usr/bin/python3 tests/golden/lqr/lqr_golden.py
/// and paste the output between the braces. The cart-pole model is written out in the script's docstring and in
/// <see cref="CartPoleModel"/>.
/// </summary>
internal static class LqrGoldenData
{
    // ---- double integrator: x = [position, velocity], u = [acceleration]
    internal static readonly double[,] DoubleIntegratorA = { { 0.0, 1.0 }, { 0.0, 0.0 } };
    internal static readonly double[,] DoubleIntegratorB = { { 0.0 }, { 1.0 } };
    internal static readonly double[,] DoubleIntegratorQ = { { 1.0, 0.0 }, { 0.0, 0.5 } };
    internal static readonly double[,] DoubleIntegratorR = { { 0.1 } };
    internal const double DoubleIntegratorDt = 0.1;
    internal static readonly double[,] DoubleIntegratorContinuousP = { { 1.064168939611411, 0.3162277660168374 }, { 0.3162277660168374, 0.33651976643782405 } };
    internal static readonly double[,] DoubleIntegratorContinuousK = { { 3.1622776601683737, 3.36519766437824 } };
    internal static readonly double[,] DoubleIntegratorAd = { { 1.0, 0.1 }, { 0.0, 1.0 } };
    internal static readonly double[,] DoubleIntegratorBd = { { 0.005000000000000001 }, { 0.1 } };
    internal static readonly double[,] DoubleIntegratorDiscreteP = { { 11.171907528965427, 3.1819805153394647 }, { 3.1819805153394647, 3.645780181867256 } };
    internal static readonly double[,] DoubleIntegratorDiscreteK = { { 2.6733851388911916, 2.9866811561002824 } };
    // spectral radius of Ad - Bd K (numpy.linalg.eigvals): 0.8453986101741756
    internal const double DoubleIntegratorClosedLoopSpectralRadius = 0.8453986101741756;

    // ---- cart-pole about upright (model in the docstring of lqr_golden.py)
    internal static readonly double[,] CartPoleA = { { 0.0, 0.0, 1.0, 0.0 }, { 0.0, 0.0, 0.0, 1.0 }, { 0.0, 0.7178048780487806, 0.0, 0.0 }, { 0.0, 15.791707317073172, 0.0, 0.0 } };
    internal static readonly double[,] CartPoleB = { { 0.0 }, { 0.0 }, { 0.975609756097561 }, { 1.4634146341463417 } };
    internal static readonly double[,] CartPoleQ = { { 10.0, 0.0, 0.0, 0.0 }, { 0.0, 100.0, 0.0, 0.0 }, { 0.0, 0.0, 1.0, 0.0 }, { 0.0, 0.0, 0.0, 1.0 } };
    internal static readonly double[,] CartPoleR = { { 0.1 } };
    internal const double CartPoleDt = 0.01;
    internal static readonly double[,] CartPoleContinuousP = { { 12.133952837160841, -18.675852249882144, 6.86164057272218, -5.257760381814783 }, { -18.675852249882144, 75.57749538101822, -17.40343065757061, 16.93937286297138 }, { 6.86164057272218, -17.40343065757061, 6.422125709100285, -5.110570583272844 }, { -5.257760381814783, 16.93937286297138, -5.110570583272844, 4.6832302925905065 } };
    internal static readonly double[,] CartPoleContinuousK = { { -9.999999999999956, 78.1036940184045, -12.13395283716081, 18.675852249882112 } };
    internal static readonly double[,] CartPoleAd = { { 1.0, 3.589496721962415e-05, 0.010000000000000002, 1.1964359283376022e-07 }, { 0.0, 1.0007896892788317, 0.0, 0.010002632159042341 }, { 0.0, 0.0071799381570881995, 1.0, 3.589496721962415e-05 }, { 0.0, 0.1579586394559404, 0.0, 1.0007896892788317 } };
    internal static readonly double[,] CartPoleBd = { { 4.878092551381931e-05 }, { 7.318036130402476e-05 }, { 0.009756272649160243 }, { 0.014637998281525382 } };
    internal static readonly double[,] CartPoleDiscreteP = { { 1218.5246199621868, -1868.3852965662657, 686.3085016272607, -525.9638471009189 }, { -1868.3852965662657, 7612.943410588468, -1741.3031994636526, 1695.081000972792 }, { 686.3085016272607, -1741.3031994636526, 642.8950468388052, -511.2830303491547 }, { -525.9638471009189, 1695.081000972792, -511.2830303491547, 469.11999042685426 } };
    internal static readonly double[,] CartPoleDiscreteK = { { -9.254688651056735, 73.65305651202905, -11.27706597139913, 17.657333335983488 } };
    // spectral radius of Ad - Bd K (numpy.linalg.eigvals): 0.9866540511763223
    internal const double CartPoleClosedLoopSpectralRadius = 0.9866540511763223;

    // ---- random system, numpy.random.default_rng(20240611): A, B ~ N(0, 1); Q = Mq Mq^T + I; R = Mr Mr^T + I
    internal static readonly double[,] RandomA = { { -0.21118912055729136, -0.5177334709845255, 0.1495958369624623, -1.7898968436779759 }, { 0.2844522535691842, -0.3216956064836901, -0.726050324449302, 0.09853727513129668 }, { -1.9514738484064804, -0.15841288562715672, -0.7312848653804448, 0.40969535789355127 }, { 0.44244173776631784, -0.9278626907702291, -0.9331679527718499, -1.4700371639889616 } };
    internal static readonly double[,] RandomB = { { -0.7876892940867893, 0.3194143920162998 }, { 0.8572703661247674, 0.22879972296310866 }, { 0.03479925265515608, -0.8674471104434567 }, { 0.19577021284431775, -0.8156895315256701 } };
    internal static readonly double[,] RandomQ = { { 1.872227295472952, 1.1034026475026244, 1.3451646417037244, -1.7393660059730203 }, { 1.1034026475026244, 3.662472027940652, 3.5536324041387584, -2.5924021848592784 }, { 1.3451646417037244, 3.5536324041387584, 9.54014755746147, -1.53546251868962 }, { -1.7393660059730203, -2.5924021848592784, -1.53546251868962, 5.463697773614574 } };
    internal static readonly double[,] RandomR = { { 1.359568408957704, 1.2441213636866026 }, { 1.2441213636866026, 5.387225001677179 } };
    internal const double RandomDt = 0.05;
    internal static readonly double[,] RandomContinuousP = { { 1.8843590713903726, 1.1437911513603225, -0.6024932958780984, -1.350657862374262 }, { 1.1437911513603225, 4.272875436122936, 1.0803197919205423, -2.468572574404509 }, { -0.6024932958780984, 1.0803197919205423, 3.1334646296927806, -0.5732459472755598 }, { -1.350657862374262, -2.468572574404509, -0.5732459472755598, 2.7114821008676295 } };
    internal static readonly double[,] RandomContinuousK = { { -1.2718080107810168, 1.6391987762852371, 1.7762763195410294, 0.0788520694694799 }, { 0.7555323137094234, 0.07055253476868562, -0.8178042678364844, -0.5213810168413552 } };
    internal static readonly double[,] RandomAd = { { 0.9879269179564588, -0.02355912308611107, 0.009742841474458083, -0.08574800156204086 }, { 0.015814461811163458, 0.9838930213890337, -0.03539610430597596, 0.003686558492670478 }, { -0.09508350337208371, -0.006998731455133425, 0.9633525424694337, 0.023554893870980302 }, { 0.023041030824643028, -0.04446117318349772, -0.04324587879996349, 0.9275889212899997 } };
    internal static readonly double[,] RandomBd = { { -0.0400959914958271, 0.01731786339028367 }, { 0.042206362019186136, 0.012160558973798192 }, { 0.003551008542721017, -0.04384602202423023 }, { 0.007979213180644772, -0.03841459684886799 } };
    internal static readonly double[,] RandomDiscreteP = { { 38.67448077353134, 23.435208660313204, -11.346983187253098, -27.912166790125664 }, { 23.435208660313204, 87.3182160199125, 23.441416207320522, -50.67643174535222 }, { -11.346983187253098, 23.441416207320522, 67.5948498077224, -12.23218251944665 }, { -27.912166790125664, -50.67643174535222, -12.23218251944665, 57.02914160383432 } };
    internal static readonly double[,] RandomDiscreteK = { { -1.2279693570560435, 1.5381600620747287, 1.5725331183147504, 0.12615226942120303 }, { 0.7382314808664783, 0.09909579785601533, -0.7345157039586491, -0.5240479591852824 } };
    // spectral radius of Ad - Bd K (numpy.linalg.eigvals): 0.9672348971189766
    internal const double RandomClosedLoopSpectralRadius = 0.9672348971189766;

}
