"""Example coding problems for the demo roles, with starter code and hidden tests.

Only the engineering role (demo job key "backend") gets coding problems: the sales and
customer-service roles are assessed by behavioural and scenario questions, where a coding
exercise would test something the job does not need.

The hidden tests are run by interviews.code_runner; their expected values stay on the
server. Each problem has its function name per language, following that language's naming
(snake_case in Python, camelCase in JavaScript); arguments and results are JSON values.

The examples are the ones its prompt shows: a candidate may run them before submitting, and
sees their expected values. The starter code's comment and placeholder error are written in
the room's language (``starter``); ``{summary}`` and ``{todo}`` mark where they go.
"""

from dataclasses import dataclass

from .code_runner import HiddenTest, Problem


@dataclass(frozen=True)
class CodeProblem:
    key: str
    title: dict[str, str]  # by Language value: "zh-hans", "en"
    prompt: dict[str, str]
    function_names: dict[str, str]  # by runner language: "python", "javascript"
    starter_templates: dict[str, str]  # by runner language, with {summary} and {todo}
    summary: dict[str, str]  # the starter's one-line comment, by Language value
    tests: tuple[HiddenTest, ...]
    examples: tuple[HiddenTest, ...]  # the prompt's examples, which the candidate may run
    time_limit: float = 2.0
    difficulty: int = 2  # as Question.difficulty: 1 easy – 3 hard

    def problem(self, language: str) -> Problem:
        """The runnable problem for one language (KeyError for a language it lacks)."""
        return Problem(self.function_names[language], self.tests, self.time_limit)

    def examples_problem(self, language: str) -> Problem:
        """The prompt's examples as a runnable problem (KeyError for a language it lacks)."""
        return Problem(self.function_names[language], self.examples, self.time_limit)

    def starter(self, language: str, room_language: str) -> str:
        """The starter code for a runner language, commented in the room's language."""
        words = room_language if room_language in self.summary else "en"
        return (
            self.starter_templates[language]
            .replace("{summary}", self.summary[words])
            .replace("{todo}", TODO[words])
        )

    @property
    def starter_code(self) -> dict[str, str]:
        """The English starter code per runner language."""
        return {language: self.starter(language, "en") for language in self.starter_templates}


# What the starter's placeholder error says until the candidate replaces it.
TODO = {"zh-hans": "请在这里写您的解法", "en": "write your solution here"}


MERGE_INTERVALS = CodeProblem(
    key="merge_intervals",
    title={"zh-hans": "合并区间", "en": "Merge intervals"},
    prompt={
        "zh-hans": "给定若干个闭区间 [start, end]（顺序任意），合并所有重叠或首尾相接的区间，"
        "按起点从小到大返回合并后的区间列表。例如 [[1,3],[2,6],[8,10]] 返回 [[1,6],[8,10]]，"
        "[[1,4],[4,5]] 返回 [[1,5]]。输入为空时返回空列表。",
        "en": "Given closed intervals [start, end] in any order, merge every pair that overlaps "
        "or touches and return the merged intervals sorted by start. For example "
        "[[1,3],[2,6],[8,10]] gives [[1,6],[8,10]] and [[1,4],[4,5]] gives [[1,5]]. An empty "
        "input gives an empty list.",
    },
    function_names={"python": "merge_intervals", "javascript": "mergeIntervals"},
    starter_templates={
        "python": "def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:\n"
        '    """{summary}"""\n'
        '    raise NotImplementedError("{todo}")\n',
        "javascript": "/**\n * {summary}\n"
        " * @param {number[][]} intervals\n * @returns {number[][]}\n */\n"
        "function mergeIntervals(intervals) {\n"
        "  throw new Error('{todo}');\n}\n",
    },
    summary={
        "zh-hans": "合并重叠或首尾相接的区间，按起点从小到大返回。",
        "en": "Merge overlapping intervals; return them sorted by start.",
    },
    examples=(
        HiddenTest([[[1, 3], [2, 6], [8, 10]]], [[1, 6], [8, 10]], "example"),
        HiddenTest([[[1, 4], [4, 5]]], [[1, 5]], "touching intervals merge"),
        HiddenTest([[]], [], "empty input"),
    ),
    tests=(
        HiddenTest([[[1, 3], [2, 6], [8, 10], [15, 18]]], [[1, 6], [8, 10], [15, 18]], "example"),
        HiddenTest([[[1, 4], [4, 5]]], [[1, 5]], "touching intervals merge"),
        HiddenTest([[]], [], "empty input"),
        HiddenTest([[[5, 7]]], [[5, 7]], "a single interval"),
        HiddenTest([[[8, 10], [1, 3], [2, 6]]], [[1, 6], [8, 10]], "unsorted input"),
        HiddenTest([[[1, 10], [2, 3], [4, 5]]], [[1, 10]], "intervals inside another"),
        HiddenTest([[[-5, -1], [-3, 2], [4, 4]]], [[-5, 2], [4, 4]], "negative and point"),
        HiddenTest(
            [[[i, i + 1] for i in range(0, 2000, 2)]],
            [[i, i + 1] for i in range(0, 2000, 2)],
            "1000 disjoint intervals",
        ),
        HiddenTest([[[i, i + 2] for i in range(1000)]], [[0, 1001]], "1000 chained intervals"),
    ),
)

TOP_K_FREQUENT_WORDS = CodeProblem(
    key="top_k_frequent_words",
    title={"zh-hans": "出现次数最多的 k 个单词", "en": "Top k frequent words"},
    prompt={
        "zh-hans": "给定一个单词列表 words 和整数 k，返回出现次数最多的 k 个单词：按次数从多到少"
        "排列，次数相同时按字母顺序排列。不同单词少于 k 个时全部返回。例如 "
        '["a","b","a","c","b","a"] 与 k=2 返回 ["a","b"]。',
        "en": "Given a list of words and an integer k, return the k most frequent words, most "
        "frequent first; words with the same count come in alphabetical order. If there are "
        'fewer than k distinct words, return them all. For example ["a","b","a","c","b","a"] '
        'with k=2 gives ["a","b"].',
    },
    function_names={"python": "top_k_frequent_words", "javascript": "topKFrequentWords"},
    starter_templates={
        "python": "def top_k_frequent_words(words: list[str], k: int) -> list[str]:\n"
        '    """{summary}"""\n'
        '    raise NotImplementedError("{todo}")\n',
        "javascript": "/**\n * {summary}\n"
        " * @param {string[]} words\n * @param {number} k\n * @returns {string[]}\n */\n"
        "function topKFrequentWords(words, k) {\n"
        "  throw new Error('{todo}');\n}\n",
    },
    summary={
        "zh-hans": "出现次数最多的 k 个单词：次数多的在前，次数相同时按字母顺序。",
        "en": "The k most frequent words, most frequent first, ties alphabetical.",
    },
    examples=(HiddenTest([["a", "b", "a", "c", "b", "a"], 2], ["a", "b"], "example"),),
    tests=(
        HiddenTest([["a", "b", "a", "c", "b", "a"], 2], ["a", "b"], "example"),
        HiddenTest(
            [["day", "is", "the", "sunny", "the", "the", "sunny", "is", "is"], 4],
            ["is", "the", "sunny", "day"],
            "ties between counts",
        ),
        HiddenTest([["pear", "apple", "fig"], 2], ["apple", "fig"], "all once: alphabetical"),
        HiddenTest([["x", "y"], 5], ["x", "y"], "fewer words than k"),
        HiddenTest([[], 3], [], "no words"),
        HiddenTest([["b", "a", "b", "a"], 1], ["a"], "a tie at the cut"),
        HiddenTest([["Go", "go", "go"], 2], ["go", "Go"], "case matters"),
        HiddenTest(
            [[f"w{i % 50}" for i in range(5000)] + ["w7"] * 3, 3],
            ["w7", "w0", "w1"],
            "5000 words",
        ),
    ),
)

VALID_BRACKETS = CodeProblem(
    key="valid_brackets",
    title={"zh-hans": "括号是否匹配", "en": "Validate brackets"},
    prompt={
        "zh-hans": "给定一个字符串，判断其中的括号 ()、[]、{} 是否正确配对和嵌套；其他字符忽略。"
        '例如 "a(b[c]{d})" 返回 true，"([)]" 和 "(()" 返回 false，空字符串返回 true。',
        "en": "Given a string, decide whether its brackets (), [] and {} are correctly paired "
        'and nested; ignore every other character. For example "a(b[c]{d})" is valid, "([)]" '
        'and "(()" are not, and the empty string is valid.',
    },
    function_names={"python": "is_valid_brackets", "javascript": "isValidBrackets"},
    starter_templates={
        "python": "def is_valid_brackets(text: str) -> bool:\n"
        '    """{summary}"""\n'
        '    raise NotImplementedError("{todo}")\n',
        "javascript": "/**\n * {summary}\n"
        " * @param {string} text\n * @returns {boolean}\n */\n"
        "function isValidBrackets(text) {\n"
        "  throw new Error('{todo}');\n}\n",
    },
    summary={
        "zh-hans": "判断 text 中的 ()、[]、{} 是否全部正确配对和嵌套。",
        "en": "True when (), [] and {} in text are correctly paired and nested.",
    },
    examples=(
        HiddenTest(["a(b[c]{d})"], True, "example"),
        HiddenTest(["([)]"], False, "crossed pairs"),
        HiddenTest(["(()"], False, "one left open"),
        HiddenTest([""], True, "empty string"),
    ),
    tests=(
        HiddenTest(["a(b[c]{d})"], True, "example"),
        HiddenTest(["([)]"], False, "crossed pairs"),
        HiddenTest(["(()"], False, "one left open"),
        HiddenTest([""], True, "empty string"),
        HiddenTest(["no brackets at all"], True, "other characters only"),
        HiddenTest(["())("], False, "closed before opened"),
        HiddenTest(["}"], False, "a lone closing bracket"),
        HiddenTest(["{[()()]}" * 500], True, "4000 brackets"),
        HiddenTest(["(" * 5000 + ")" * 5000], True, "nested 5000 deep"),
    ),
    difficulty=1,
)

# By demo job key (hireloop.demo.content.JOBS); roles without coding are absent.
PROBLEMS_BY_ROLE: dict[str, tuple[CodeProblem, ...]] = {
    "backend": (MERGE_INTERVALS, TOP_K_FREQUENT_WORDS, VALID_BRACKETS),
}

PROBLEMS: dict[str, CodeProblem] = {
    problem.key: problem for problems in PROBLEMS_BY_ROLE.values() for problem in problems
}


def problem_by_key(key: str) -> CodeProblem | None:
    return PROBLEMS.get(key)
