"""Real PDF and DOCX files built in memory for tests."""

import io

from docx import Document
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

CJK_FONT = "STSong-Light"  # a CID font built into reportlab: Chinese text without font files


def pdf_bytes(lines: list[str]) -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont(CJK_FONT))
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setFont(CJK_FONT, 11)
    y = 800
    for line in lines:
        page.drawString(50, y, line)
        y -= 18
    page.save()
    return buffer.getvalue()


def docx_bytes(lines: list[str]) -> bytes:
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


STRONG_EN_RESUME = [
    "Alice Chen",
    "Email: alice.chen@example.com  Phone: 13912345678",
    "Education: Bachelor of Computer Science, Zhejiang University, 2014 - 2018",
    "Experience: Backend Engineer, Acme Cloud, 2018.07 - 2024.06",
    "Built Python and Django services on PostgreSQL; led a team of 5 engineers.",
    "Skills: Python, Django, SQL, Docker, teamwork",
]
WEAK_EN_RESUME = [
    "Bob Li",
    "Email: bob.li@example.com  Phone: 13787654321",
    "Education: High school diploma, 2019",
    "Experience: Shop assistant, Corner Store, 2020.01 - 2021.01",
    "Skills: Excel, customer service",
]
