"""The demo's interview plans and what its interviewed candidates answer beyond typed text.

Each job's plan is first generated from its bank (``interviews.services.ensure_plan``, which
takes typed questions first) and then edited as HR would in the plan editor
(``do_update_plan``) into the lists below, so every answer mode of the bank is in a plan: the
voice and video questions for sales, two coding exercises and a spoken explanation for
backend, a recorded call for customer service. Each list keeps what the generator balanced:
every dimension has at least two questions, heavier dimensions more.

The backend candidate speaks the explanation to support (``SPOKEN_ANSWER``, synthesised
with espeak-ng when the demo loads), and writes two pieces of code that the sandbox runs
against the hidden tests: one correct, one that forgets brackets left open.
"""

# Question keys (see questions/) in the order they are asked.
PLANS: dict[str, tuple[str, ...]] = {
    "sales": (
        "sales-new-account",
        "sales-quarter-gap",
        "sales-account-growth",
        "sales-unhappy-client",
        "sales-new-buyer",
        "sales-price-pressure",
        "sales-explain-value",  # video
        "sales-cross-team-deal",
        "sales-coach-newcomer",
        "sales-cold-call",  # voice, scenario
    ),
    "backend": (
        "backend-traffic-growth",
        "backend-ticket-feed",
        "backend-stale-cache",
        "backend-hardest-bug",
        "backend-large-pr",
        "backend-disagreement",
        "backend-merge-intervals",  # code
        "backend-valid-brackets",  # code
        "backend-explain-to-support",  # voice, scenario
        "backend-friday-incident",  # scenario
    ),
    "service": (
        "service-calm-down",
        "service-own-state",
        "service-beyond-policy",
        "service-follow-up",
        "service-unknown-answer",
        "service-repeated-issue",
        "service-invoice-guide",
        "service-misunderstood-policy",
        "service-repeat-caller",  # voice, scenario
    ),
}

# Consent each interviewed candidate gave to recording (the room asks before the first
# question). The sales candidate declined and typed the spoken and filmed answers instead,
# which the room allows without penalty; the backend candidate agreed to voice.
CONSENT: dict[str, frozenset[str]] = {"sales": frozenset(), "backend": frozenset({"voice"})}
IN_PROGRESS_CONSENT = frozenset({"voice", "video"})

SPOKEN_QUESTION = "backend-explain-to-support"
# The backend candidate's answer to that question, one phrase per breath, each followed by
# its pause (seconds): what fails and why in plain words, a workaround, the date of the fix, a
# note to pass on. About 18 s, so Whisper base transcribes it in a few seconds on two cores.
# Without espeak-ng the candidate types the same words.
SPOKEN_ANSWER = (
    "Since Tuesday, exports fail for our largest merchants, because the database stops them "
    "after thirty seconds.",
    "Until the fix ships on Thursday, they can export one week at a time.",
    "I will send you a short note to pass on.",
)
SPOKEN_PAUSES = (0.8, 1.2)
SPOKEN_LEAD_IN = 1.0

CODE_ANSWERS = {
    "backend-merge-intervals": (
        "def merge_intervals(intervals: list[list[int]]) -> list[list[int]]:\n"
        "    merged: list[list[int]] = []\n"
        "    for start, end in sorted(intervals):\n"
        "        if merged and start <= merged[-1][1]:\n"
        "            merged[-1][1] = max(merged[-1][1], end)\n"
        "        else:\n"
        "            merged.append([start, end])\n"
        "    return merged\n"
    ),
    # Misses one case on purpose: brackets still open at the end ("(()") count as valid.
    "backend-valid-brackets": (
        "def is_valid_brackets(text: str) -> bool:\n"
        '    pairs = {")": "(", "]": "[", "}": "{"}\n'
        "    stack = []\n"
        "    for char in text:\n"
        '        if char in "([{":\n'
        "            stack.append(char)\n"
        "        elif char in pairs:\n"
        "            if not stack or stack.pop() != pairs[char]:\n"
        "                return False\n"
        "    return True\n"
    ),
}

# The second sales candidate has started and answered the first three questions; the link
# resumes at the fourth. Different words from the completed interview's candidate.
IN_PROGRESS_ANSWERS = {
    "sales-new-account": (
        "前年我在行业协会的活动上认识了一家物流公司的信息部经理，他们的客服电话高峰时接通率"
        "不到六成。我先花两周整理了他们的通话数据，做成一份报告，再约到分管副总汇报。最大的"
        "阻力是他们已经在用另一家系统，切换成本高。我们提出分两期上线，先替换最吃紧的夜班"
        "时段，数据迁移由我们负责。最后签下三年 120 万的合同，接通率升到 92%。"
    ),
    "sales-quarter-gap": (
        "我会先把剩下的商机逐个过一遍，挑出预算已批、决策人明确的几个，每天优先跟进。第二周"
        "开始找合同快到期的老客户，提前谈续约和扩容。每天固定两小时开发新线索，哪怕本季度"
        "签不了，也为下季度打底。每周和主管对一次进度，需要价格支持的单子提前申请。"
    ),
    "sales-account-growth": (
        "我负责的一家连锁药房原来只在总部客服用我们的系统。季度回访时我发现门店的电话也很多，"
        "大多在问药品库存。我和他们的运营经理一起看了门店来电数据，提出把门店咨询接入同一个"
        "平台，先在十家门店试点一个月，等待时间减少一半，之后扩展到全部 180 家门店，合同金额"
        "增加了 60%。"
    ),
}
IN_PROGRESS_ANSWERED = len(IN_PROGRESS_ANSWERS)
