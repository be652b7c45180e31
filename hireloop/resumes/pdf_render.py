"""Which characters of a PDF page a reader cannot see, decided on the rendered page.

A character's own data (colour, size, position) misses most ways of hiding text: drawn in
an invisible render mode (3), under a white rectangle, clipped away by a clip path, black on
a black box, or in a colour that only a background further down the content stream matches.
What all of them share is that the rendered page shows no contrast where the text is drawn.
So the page is rendered once, at a low resolution in grey levels, and each word (a stretch
of characters between spaces on one line) is judged by the darkest and lightest pixel of the
band its letters occupy: under MIN_CONTRAST between them, nothing is seen there.

Text over a photograph or a pattern counts as seen even when it is not (the picture gives
the band contrast), and so does a scan with an invisible OCR layer, which is what a scan
should give. pdfium renders in page space without the page's /Rotate, as the layout is read.
"""

import ctypes
import math

import numpy as np
import pypdfium2.raw as pdfium_c

from .integrity import MIN_CONTRAST, Glyph
from .pdfium_calls import fast_pdfium

# Pixels per point. At 1 px/pt (72 dpi) a 9-12 pt letter's stems cover most of a pixel, so
# black body text keeps a contrast above 5:1 after anti-aliasing; a page renders in 3-6 ms
# (measured on 61 pages of the real resumes), against 6-7 ms at 1.5 px/pt.
RENDER_SCALE = 1.0
# A page larger than this many pixels is rendered at a lower scale (a poster-sized page
# would otherwise take hundreds of MB in the sandbox's 512 MB).
MAX_PIXELS = 4_000_000
# The share of a character's loose box (font ascent to descent) that its ink occupies for
# nearly every letter: x-height letters, capitals and digits all cross it. Judging only this
# band keeps the lines above and below (loose boxes of tight leading overlap) out of it.
BAND_TOP, BAND_BOTTOM = 0.3, 0.8
# Characters further apart than this many of their size start a new word.
WORD_BREAK_EM = 1.0
_LINE_TOLERANCE_PT = 3.0
# Relative luminance of each grey level, as WCAG computes it for sRGB.
_LUMINANCE = np.array(
    [
        v / 255 / 12.92 if v / 255 <= 0.04045 else ((v / 255 + 0.055) / 1.055) ** 2.4
        for v in range(256)
    ]
)


def unseen_glyphs(
    page: int, glyphs: list[Glyph], width: float, height: float, *, judged: list[int]
) -> frozenset[int]:
    """Positions in glyphs of the characters the rendered page does not show.

    page is a pdfium page handle (pdfium_calls' plain address); width and height are the
    page's visible area in points, in which the glyph boxes are measured. Only the glyphs
    at the positions judged are looked at (pdfium cannot draw the others: pdf_layout).
    """
    pixels, scale = _render(page, width, height)
    if pixels is None:
        return frozenset()
    rows, columns = pixels.shape
    luminance = _LUMINANCE
    unseen: set[int] = set()
    for word, x0, top, x1, bottom in _words(glyphs, judged):
        height = bottom - top
        left = max(math.floor(x0 * scale), 0)
        right = min(math.ceil(x1 * scale), columns)
        upper = max(math.floor((top + BAND_TOP * height) * scale), 0)
        lower = min(math.ceil((top + BAND_BOTTOM * height) * scale), rows)
        if right <= left or lower <= upper:
            continue  # off the page: integrity's own rule reports it
        band = pixels[upper:lower, left:right]
        if (luminance[band.max()] + 0.05) / (luminance[band.min()] + 0.05) < MIN_CONTRAST:
            unseen.update(word)
    # A space between two unseen words is unseen too, so a hidden list is one run.
    for index, glyph in enumerate(glyphs):
        if not glyph.text.strip() and index - 1 in unseen and index + 1 in unseen:
            unseen.add(index)
    return frozenset(unseen)


def _words(
    glyphs: list[Glyph], judged: list[int]
) -> list[tuple[list[int], float, float, float, float]]:
    """(positions, x0, top, x1, bottom) of each word of the judged glyphs, in drawing order.

    One pass, written for speed (it runs once per character): box[0] is x0, box[1] top,
    box[2] x1, box[3] bottom.
    """
    words: list[tuple[list[int], float, float, float, float]] = []
    members: list[int] = []
    x0 = top = x1 = bottom = last_x0 = last_x1 = last_top = 0.0
    for index in judged:
        glyph = glyphs[index]
        if not glyph.text.strip():
            if members:
                words.append((members, x0, top, x1, bottom))
                members = []
            continue
        box = glyph.box
        if members and (
            abs(box[1] - last_top) > _LINE_TOLERANCE_PT
            or box[0] < last_x0
            or box[0] - last_x1 > WORD_BREAK_EM * max(glyph.size, 1.0)
        ):
            words.append((members, x0, top, x1, bottom))
            members = []
        if not members:
            x0, top, x1, bottom = box
        else:
            x0, top = min(x0, box[0]), min(top, box[1])
            x1, bottom = max(x1, box[2]), max(bottom, box[3])
        members.append(index)
        last_x0, last_top, last_x1 = box[0], box[1], box[2]
    if members:
        words.append((members, x0, top, x1, bottom))
    return words


def _render(page: int, width: float, height: float) -> tuple[np.ndarray | None, float]:
    """The page in grey levels (rows × columns, 0 black to 255 white) and its scale."""
    fast = fast_pdfium()
    scale = RENDER_SCALE
    if width * height * scale * scale > MAX_PIXELS:
        scale = math.sqrt(MAX_PIXELS / max(width * height, 1.0))
    columns, rows = math.ceil(width * scale), math.ceil(height * scale)
    if columns <= 0 or rows <= 0:
        return None, scale
    # Rendered as the layout is read: in page space, without the page's /Rotate.
    if fast.FPDFPage_GetRotation(page):
        fast.FPDFPage_SetRotation(page, 0)
    bitmap = fast.FPDFBitmap_Create(columns, rows, 0)
    if not bitmap:
        return None, scale
    try:
        fast.FPDFBitmap_FillRect(bitmap, 0, 0, columns, rows, 0xFFFFFFFF)
        fast.FPDF_RenderPageBitmap(bitmap, page, 0, 0, columns, rows, 0, pdfium_c.FPDF_GRAYSCALE)
        stride = fast.FPDFBitmap_GetStride(bitmap)
        buffer = (ctypes.c_ubyte * (stride * rows)).from_address(fast.FPDFBitmap_GetBuffer(bitmap))
        # BGRx pixels, all three colours equal in grey-level rendering: keep green.
        pixels = np.frombuffer(buffer, dtype=np.uint8).reshape(rows, stride)[:, 1 : columns * 4 : 4]
        return pixels.copy(), scale
    finally:
        fast.FPDFBitmap_Destroy(bitmap)
