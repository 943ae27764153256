"""Expected results of $(eval ...) cases for tests/Robotics.Launch.Tests/EvalExpressionTests.cs.

ros2 launch evaluates $(eval) with Python's eval() and the math module's names in scope
(launch/substitutions/python_expression.py), and the substitution's text is str() of the result.
Run: python3 tests/golden/launch_eval_cases.py  (prints C# InlineData lines)
"""
import math

CASES = [
    "1 + 2", "2 * 0.5 + 1", "7 / 2", "7 // 2", "-7 // 2", "-7 % 3", "7 % -3", "2 ** 10", "-2 ** 2",
    "0.1 + 0.2", "1e16", "1e-5", "123456789.0 * 10", "1 / 3", "2.5e-4", "10 ** 15 * 1.0",
    "'sim' == 'sim'", "'sim' != 'sim'", "1 < 2 < 3", "3 > 2 > 2", "'a' + 'b'", "1 if 2 > 1 else 0",
    "not 0", "0 or 'x'", "1 and 0", "sqrt(16)", "pi", "math.pi", "round(2.5)", "round(3.5)", "max(1, 2.5)",
    "min(3, 1, 2)", "abs(-4)", "int('42') + 1", "float('1.5') * 2", "str(3) + 'x'", "'ab' in 'cab'",
    "(1 + 2) * 3", "2 * 3 ** 2", "1000 * 0.001", "cos(0)", "degrees(pi)", "floor(-2.5)", "ceil(2.1)",
    "True and False", "1 == 1.0", "'b' > 'a'", "atan2(1, 1) * 4",
]

g = {}
l = dict(math.__dict__)
l["math"] = math
for c in CASES:
    print(f'    [InlineData("{c}", "{str(eval(c, g, l))}")]')
