"""Resumes per second read and screened for integrity by extract_many (the sandbox pool).

Usage: python bench/parse_throughput.py [--count 1000] [--workers 2] [--data PATH]
       [--engine pdfium|pdfplumber] [--single 20]

(a) `count` generated one-to-two-page resumes, half PDF, half DOCX, with varied Chinese and
English lines (hireloop.testing.documents; two-page PDFs are drawn here, since pdf_bytes
draws one page); (b) with --data, every PDF under PATH/*/ (the real resumes). Each set is
read once through extract_many, which includes starting the workers. --single N also
times N generated files through extract_in_sandbox (a fresh process per file), the path
uploads take. Prints the load average (other jobs share the cores) and one SUMMARY line.
"""

import argparse
import contextlib
import io
import os
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hireloop.settings")

EN_LINES = [
    "Built Python and Django services on PostgreSQL; led a team of 5 engineers.",
    "Experience: Backend Engineer, Acme Cloud, 2018.07 - 2024.06",
    "Skills: Java, Spring, SQL, Docker, Kubernetes, teamwork and communication",
    "Designed a billing pipeline that processes 2 million invoices a month.",
    "Education: Bachelor of Computer Science, Zhejiang University, 2014 - 2018",
    "Mentored three junior developers and ran the weekly code review.",
    "Reduced page load time by 40% by caching and query tuning.",
    "Certifications: AWS Solutions Architect Associate, PMP",
    "Negotiated supplier contracts worth 3 million dollars a year.",
    "Prepared monthly financial statements and reconciled bank accounts.",
    "Organised training for 120 new sales staff across four regions.",
    "Languages: English (fluent), Mandarin (native), Japanese (basic)",
]
ZH_LINES = [
    "5年工作经验，熟悉Go和MySQL，负责推荐系统的设计与实现。",
    "2019.07-至今 某科技公司 后端开发，负责数据平台建设。",
    "技能：数据分析、项目管理、团队合作、英语六级",
    "教育背景：浙江大学 计算机科学与技术 本科 2014-2018",
    "主导订单系统重构，接口平均响应时间降低百分之四十。",
    "负责与产品、测试团队沟通需求，按时交付三个重要版本。",
    "获得优秀员工称号，带领五人小组完成支付模块上线。",
    "负责华东区客户关系维护，年销售额增长百分之二十五。",
    "参与制定财务预算，完成年度审计与税务申报工作。",
    "组织校园招聘活动，全年招聘应届毕业生八十余人。",
]
LINES_PER_PAGE = 42  # A4 at 18 pt per line from y=800 (documents.pdf_bytes' layout)


def resume_lines(rng: random.Random, number: int) -> list[str]:
    """A name and contact line, then 25-80 lines: one or two pages.

    Lines are drawn without repeats from the pools, each with its own year, so that no
    generated resume looks keyword-stuffed to the integrity checks.
    """
    lines = [
        f"Candidate {number} 候选人",
        f"Email: candidate{number}@example.com  Phone: 139{number:08d}",
    ]
    pool = EN_LINES + ZH_LINES
    for row in range(rng.randint(25, 80)):
        if row % len(pool) == 0:
            rng.shuffle(pool)
        lines.append(f"{2005 + rng.randrange(20)}: {pool[row % len(pool)]}")
    return lines


def paged_pdf_bytes(lines: list[str]) -> bytes:
    """documents.pdf_bytes' layout over as many A4 pages as the lines need."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from hireloop.testing.documents import CJK_FONT, pdf_bytes

    if len(lines) <= LINES_PER_PAGE:
        return pdf_bytes(lines)
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    for start in range(0, len(lines), LINES_PER_PAGE):
        page.setFont(CJK_FONT, 11)
        for row, line in enumerate(lines[start : start + LINES_PER_PAGE]):
            page.drawString(50, 800 - 18 * row, line)
        page.showPage()
    page.save()
    return buffer.getvalue()


def generated(count: int) -> list[tuple[bytes, str]]:
    from hireloop.testing.documents import docx_bytes

    rng = random.Random(3)
    items = []
    for number in range(count):
        lines = resume_lines(rng, number)
        if number % 2:
            items.append((docx_bytes(lines), f"candidate-{number}.docx"))
        else:
            items.append((paged_pdf_bytes(lines), f"candidate-{number}.pdf"))
    return items


def measure(label: str, items: list[tuple[bytes, str]], workers: int) -> dict[str, float]:
    from hireloop.resumes.pool import extract_many
    from hireloop.resumes.sandbox import SandboxResult

    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    results = extract_many(items, workers=workers)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    parent_cpu, workers_cpu = (
        (end.ru_utime + end.ru_stime) - (begin.ru_utime + begin.ru_stime)
        for begin, end in zip(before, after, strict=True)
    )
    failed = [r for r in results if not isinstance(r, SandboxResult)]
    flagged = sum(1 for r in results if isinstance(r, SandboxResult) and r.findings)
    rate = len(items) / seconds
    print(
        f"{label}: {len(items)} files in {seconds:.1f} s = {rate:.1f} resumes/s with {workers} "
        f"workers; {len(failed)} unreadable, {flagged} with findings; load {load:.1f} -> "
        f"{os.getloadavg()[0]:.1f}"
    )
    # CPU time does not depend on what else runs on the cores: what 2 idle cores could do.
    cpu_per_file = (parent_cpu + workers_cpu) / len(items)
    print(
        f"    CPU per file: {1000 * workers_cpu / len(items):.1f} ms in the workers + "
        f"{1000 * parent_cpu / len(items):.1f} ms in this process = {2 / cpu_per_file:.0f} "
        "resumes/s on 2 otherwise idle cores"
    )
    for error in failed[:3]:
        print(f"    {str(error)[:110]}")
    return {"rate": rate, "seconds": seconds, "files": len(items), "idle_rate": 2 / cpu_per_file}


def measure_single(items: list[tuple[bytes, str]]) -> float:
    from hireloop.resumes.extract import ResumeUnreadable
    from hireloop.resumes.sandbox import extract_in_sandbox

    start = time.perf_counter()
    for data, name in items:
        with contextlib.suppress(ResumeUnreadable):
            extract_in_sandbox(data, name)
    rate = len(items) / (time.perf_counter() - start)
    print(f"extract_in_sandbox, one process per file, one at a time: {rate:.2f} resumes/s")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="generated resumes")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--data", type=Path, help="folder of <category>/*.pdf real resumes")
    parser.add_argument("--engine", choices=("pdfium", "pdfplumber"), default="pdfium")
    parser.add_argument("--single", type=int, default=0, help="also time N files one by one")
    args = parser.parse_args()
    os.environ["HIRELOOP_PDF_ENGINE"] = args.engine
    import django

    django.setup()
    print(f"engine {args.engine}, {os.cpu_count()} CPUs, load average {os.getloadavg()}")
    items = generated(args.count)
    sizes = sorted(len(data) for data, _ in items)
    print(f"generated {len(items)} resumes, median {sizes[len(sizes) // 2] / 1024:.0f} KiB")
    summary = [f"engine={args.engine}", f"workers={args.workers}"]
    result = measure("generated", items, args.workers)
    summary.append(
        f"generated={result['files']:.0f} rate={result['rate']:.1f}/s "
        f"cpu_bound_rate={result['idle_rate']:.0f}/s"
    )
    if args.single:
        summary.append(f"single_process={measure_single(items[: args.single]):.2f}/s")
    if args.data:
        real = [(path.read_bytes(), path.name) for path in sorted(args.data.glob("*/*.pdf"))]
        if not real:
            sys.exit(f"no PDFs under {args.data}/*/")
        result = measure("real PDFs", real, args.workers)
        summary.append(
            f"real={result['files']:.0f} real_rate={result['rate']:.1f}/s "
            f"real_cpu_bound_rate={result['idle_rate']:.0f}/s"
        )
    summary.append(f"load={os.getloadavg()[0]:.1f}")
    print("SUMMARY parse_throughput " + " ".join(summary))


if __name__ == "__main__":
    main()
