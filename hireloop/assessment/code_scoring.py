"""Scoring a coding answer from what the sandbox reported, plus a few readable quality signals.

The hidden tests decide most of the score: they are the only evidence that the code works. The
quality signals are deliberately simple and explainable (no style model): code that ran without
an error, finished well inside its time limit, is split into named functions, and explains
itself with a comment or docstring. A reviewer can check every one of them by reading the code.

    score = 10 * (0.8 * tests_passed / tests_total + 0.2 * mean(quality signals))

A submission that passes no test earns at most the quality share (2 points), so tidy code that
does not work can never look like a good answer.
"""

import ast
import re
from dataclasses import dataclass

from .scoring import HIGH_BAND, MID_BAND

WEIGHT_TESTS = 0.8
WEIGHT_QUALITY = 0.2
# Finishing within half of the time limit counts as efficient; hidden tests are small.
FAST_SHARE_OF_LIMIT = 0.5
MAX_REASONABLE_LINES = 200
_COMMENT = re.compile(r"^\s*(#|//|/\*|\*)", re.MULTILINE)
_JS_FUNCTION = re.compile(r"\bfunction\b|=>|\b(public|private|static)\s+[\w<>\[\]]+\s+\w+\s*\(")


@dataclass(frozen=True)
class CodeResult:
    """The sandbox's report on one submission (interviews.Answer.code_result)."""

    tests_passed: int
    tests_total: int
    seconds: float = 0.0
    time_limit: float = 0.0
    error: str = ""
    language: str = "python"

    @classmethod
    def from_dict(cls, data: dict) -> "CodeResult":
        return cls(
            tests_passed=max(0, int(data.get("tests_passed", 0))),
            tests_total=max(0, int(data.get("tests_total", 0))),
            seconds=float(data.get("seconds", 0.0) or 0.0),
            time_limit=float(data.get("time_limit", 0.0) or 0.0),
            error=str(data.get("error", "") or ""),
            language=str(data.get("language", "python") or "python"),
        )


@dataclass(frozen=True)
class CodeScore:
    score: float  # 0–10, one decimal
    band: str  # "low" | "mid" | "high"
    evidence: list[str]  # what the sandbox and the code show, as plain sentences
    signals: dict[str, bool]
    counterfactual: str


def score_code(result: CodeResult, code: str, *, chinese: bool = False) -> CodeScore:
    """Score one coding answer; the same result and code always give the same score."""
    share = result.tests_passed / result.tests_total if result.tests_total else 0.0
    share = min(1.0, share)
    signals = quality_signals(result, code)
    quality = sum(signals.values()) / len(signals)
    score = round(10 * (WEIGHT_TESTS * share + WEIGHT_QUALITY * quality), 1)
    band = "high" if score >= HIGH_BAND else "mid" if score >= MID_BAND else "low"
    return CodeScore(
        score=score,
        band=band,
        evidence=_evidence(result, signals, chinese),
        signals=signals,
        counterfactual=_counterfactual(result, signals, chinese),
    )


def quality_signals(result: CodeResult, code: str) -> dict[str, bool]:
    lines = [line for line in code.splitlines() if line.strip()]
    return {
        "ran_cleanly": not result.error,
        "fast": bool(result.time_limit)
        and result.seconds <= FAST_SHARE_OF_LIMIT * result.time_limit,
        "uses_functions": _uses_functions(code, result.language),
        "explained": bool(_COMMENT.search(code)) or _has_docstring(code, result.language),
        "concise": 0 < len(lines) <= MAX_REASONABLE_LINES,
    }


def _uses_functions(code: str, language: str) -> bool:
    if language == "python":
        tree = _parse_python(code)
        return tree is not None and any(
            isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) for node in ast.walk(tree)
        )
    return bool(_JS_FUNCTION.search(code))


def _has_docstring(code: str, language: str) -> bool:
    if language != "python":
        return False
    tree = _parse_python(code)
    if tree is None:
        return False
    nodes = [tree, *(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.ClassDef))]
    return any(ast.get_docstring(node) for node in nodes)


def _parse_python(code: str) -> ast.Module | None:
    try:
        return ast.parse(code)
    except (SyntaxError, ValueError):
        return None


# Signal -> (what a met signal shows, what a stronger answer would also have done), EN and ZH.
_PHRASES = {
    "ran_cleanly": (("ran without errors", "run without errors"), ("运行无错误", "运行时不报错")),
    "fast": (
        ("finished within half the time limit", "finished well within the time limit"),
        ("在一半时限内完成", "在时限内更快完成"),
    ),
    "uses_functions": (
        ("split into named functions", "been split into named functions"),
        ("拆分为具名函数", "拆分为具名函数"),
    ),
    "explained": (
        ("explained by a comment or docstring", "explained itself with a comment or docstring"),
        ("有注释或文档字符串", "用注释说明思路"),
    ),
    "concise": (
        (f"under {MAX_REASONABLE_LINES} lines", f"stayed under {MAX_REASONABLE_LINES} lines"),
        (f"少于 {MAX_REASONABLE_LINES} 行", f"控制在 {MAX_REASONABLE_LINES} 行以内"),
    ),
}


def _evidence(result: CodeResult, signals: dict[str, bool], chinese: bool) -> list[str]:
    if chinese:
        seconds = f"（用时 {result.seconds:.2f} 秒）" if result.seconds else ""
        lines = [f"隐藏测试通过 {result.tests_passed}/{result.tests_total}{seconds}"]
    else:
        seconds = f" ({result.seconds:.2f} s)" if result.seconds else ""
        lines = [f"{result.tests_passed} of {result.tests_total} hidden tests passed{seconds}"]
    if result.error:
        lines.append(("运行错误：" if chinese else "Error reported: ") + result.error[:200])
    met = [_PHRASES[name][chinese][0] for name, ok in signals.items() if ok]
    if met:
        lines.append(
            ("质量信号：" if chinese else "Quality signals met: ")
            + ("、" if chinese else ", ").join(met)
        )
    return lines


def _counterfactual(result: CodeResult, signals: dict[str, bool], chinese: bool) -> str:
    failed = result.tests_total - result.tests_passed
    if result.tests_total and failed > 0:
        if chinese:
            return f"更好的回答还应通过其余 {failed} 个隐藏测试。"
        return f"A stronger answer would also have passed the {failed} failing hidden tests."
    missing = [_PHRASES[name][chinese][1] for name, ok in signals.items() if not ok]
    if chinese:
        return "更好的回答还应" + ("、".join(missing) or "说明所选方案的取舍") + "。"
    body = " and ".join(missing) or "explained the trade-offs of the chosen approach"
    return f"A stronger answer would also have {body}."
