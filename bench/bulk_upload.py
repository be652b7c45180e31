"""Benchmark of the web app's bulk upload: resumes per second from upload to stored ranking.

Usage: python bench/bulk_upload.py [--n 300]

Uploads --n generated resumes (bench/screening_resumes.py: half PDF, half DOCX, Chinese and
English) to a job twice, on a throwaway SQLite database, and runs the real task worker in
this process until the queue is empty:
- *batch*: one multi-file upload (bulk.do_receive_files): one parse_batch task reads the
  batch through a sandbox pool (screening.services.do_parse_resumes);
- *one by one*: the same files uploaded singly (do_intake_resume), one parse_and_screen task
  and one fresh sandbox process per file, as the single-upload form does.
Both include parsing with the taggers, encryption, the stored explanation and the job's
two-stage re-ranking (rescreen_job). Prints resumes/s of each and the ratio.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
_DIRECTORY = tempfile.mkdtemp(prefix="hireloop-bulk-bench-")
os.environ["DATABASE_URL"] = f"sqlite:///{_DIRECTORY}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hireloop.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=300)
    args = parser.parse_args()
    settings.MEDIA_ROOT = f"{_DIRECTORY}/media"
    call_command("migrate", verbosity=0)

    from screening_resumes import resume_files

    from hireloop.candidates.models import ResumeFile
    from hireloop.screening.bulk import do_receive_files
    from hireloop.screening.services import do_intake_resume
    from hireloop.testing.factories import JobFactory, OrganisationFactory, UserFactory
    from hireloop.workflow.worker import run_queued_tasks

    files = [(name, data, "") for data, name in resume_files(args.n)]
    organisation = OrganisationFactory()
    recruiter = UserFactory(username="bench-recruiter", role="recruiter")
    rates = {}
    for label in ("batch", "one by one"):
        job = JobFactory(organisation=organisation, created_by=recruiter)
        start = time.perf_counter()
        if label == "batch":
            do_receive_files(job=job, files=files, actor=recruiter)
        else:
            for name, data, kind in files:
                do_intake_resume(
                    job=job, filename=name, data=data, content_type=kind, actor=recruiter
                )
        run_queued_tasks()
        elapsed = time.perf_counter() - start
        read = ResumeFile.objects.filter(application__job=job, status="parsed").count()
        rates[label] = args.n / elapsed
        print(f"{label}: {args.n} resumes in {elapsed:.1f} s → {rates[label]:.1f} resumes/s "
              f"({read} read)", flush=True)  # fmt: skip
    ratio = rates["batch"] / rates["one by one"]
    print(f"SUMMARY n={args.n} batch={rates['batch']:.1f}/s "
          f"one_by_one={rates['one by one']:.1f}/s ratio={ratio:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
