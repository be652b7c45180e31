"""The visible text of a PDF and the layout of its characters, read with pdfium.

The integrity checks need, for every drawn character, its fill colour, size and box, plus
the filled shapes and images behind text (white text on a dark banner is visible). pdfium
(pypdfium2) gives all of that several times faster than pdfplumber (docs/resume-parsing.md,
"Fast path"). Its own plain text runs words together ("FinancialAccountant", 2.99% of the
words of 711 real resumes), mostly because its text page leaves out text objects that draw
only a space. So the text is rebuilt here: those objects are put back from the page, and
characters are laid out with pdfplumber's rules (tops within LINE_TOLERANCE_PT share a
line, a line reads left to right), with a word break where pdfium saw one or where the gap
is wider than WORD_GAP_EM. Hidden characters are left out of the text and kept in the
layout, where hireloop.resumes.integrity reports them.

read_pdf raises PdfPasswordRequired or PdfDamaged; MemoryError propagates for the sandbox
to report. It parses untrusted bytes in-process: production code reaches it only through
hireloop.resumes.sandbox. pdfium is not thread-safe: one call at a time per process.
"""

import ctypes
import dataclasses
import math
from collections import deque
from typing import Any

import pypdfium2.raw as pdfium_c

from .integrity import Box, Glyph, PageLayout, body_size, glyph_reasons, is_pale, may_hide_text
from .pdf_render import unseen_glyphs
from .pdfium_calls import fast_pdfium

# pdfplumber's default y_tolerance: tops of characters on one line differ by less.
LINE_TOLERANCE_PT = 3.0
# A gap wider than this share of the font size is a word break even where pdfium saw none.
# Measured with pdfium's loose character boxes on 40 real resumes: letters of a word
# overlap or touch (gap <= 0.05 em), word gaps are 0.1-0.25 em; once the space objects
# pdfium leaves out are put back, 0.03-0.15 em all give the same words as pdfplumber.
WORD_GAP_EM = 0.1
# pdfium drops a text object that repeats one of the 5 before it (fake bold). A repeat
# shifted by more than this share of the font size is a repeated letter, not a shadow: fake
# bold shifts by a fraction of a point, the second "f" of "ff" by a letter's width (0.26 em).
DUPLICATE_SHIFT_EM = 0.1
_DUPLICATE_LOOKBACK = 5
# Nested form XObjects looked into (pypdfium2's own default is 15; resumes nest 1-2 deep).
MAX_FORM_DEPTH = 8
_WHITE_RGB = (255, 255, 255)
_TEXT = pdfium_c.FPDF_PAGEOBJ_TEXT
# Render modes that fill the glyphs (fill, fill then stroke, and both with a clip added);
# any other mode (stroke only, invisible, clip only) sends the page to be rendered.
_FILLED_MODES = frozenset({0, 2, 4, 6})
# pdfium's built-in fonts, used for fonts a PDF does not embed, draw Latin letters (to
# U+024F); other characters of such fonts are not drawn without system fonts.
_LAST_LATIN = 0x24F
_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_Style = tuple[float, tuple[float, float, float] | None]  # size in points, fill colour


class PdfPasswordRequired(Exception):
    """The PDF needs a password to open (or uses an encryption pdfium does not know)."""


class PdfDamaged(Exception):
    """The PDF cannot be parsed."""


def read_pdf(data: bytes) -> list[tuple[str, PageLayout]]:
    """(visible text, layout) of every page, in order; hidden characters are not in the text.

    The body size (for the "far smaller than the body" rule) is the whole document's, so the
    pages are read first and their text is laid out once it is known.
    """
    fast = fast_pdfium()
    # pdfium reads the bytes in place: `data` stays referenced until the document closes.
    document = fast.FPDF_LoadMemDocument64(data, len(data), None)
    if not document:
        # Read at once: the last error is per thread and outlives the call.
        if fast.FPDF_GetLastError() in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise PdfPasswordRequired()
        raise PdfDamaged()
    try:
        read = [_read_page(document, index) for index in range(fast.FPDF_GetPageCount(document))]
    finally:
        fast.FPDF_CloseDocument(document)
    # Text that is hidden anyway does not vote for the body size.
    body = body_size(
        glyph
        for layout, _ in read
        for index, glyph in enumerate(layout.glyphs)
        if index not in layout.unseen and not is_pale(glyph.rgb)
    )
    return [
        _page_content(dataclasses.replace(layout, body_size=body), chars) for layout, chars in read
    ]


def _page_content(layout: PageLayout, chars: list[tuple[Glyph, bool]]) -> tuple[str, PageLayout]:
    if not may_hide_text(layout):
        return page_text(chars), layout
    hidden = {
        id(glyph)
        for glyph, reason in zip(layout.glyphs, glyph_reasons(layout), strict=True)
        if reason is not None
    }
    return page_text([char for char in chars if id(char[0]) not in hidden]), layout


def page_text(chars: list[tuple[Glyph, bool]]) -> str:
    """Lines top to bottom, characters left to right, spaces at word breaks.

    chars are (glyph, is_break): is_break says a word break comes just before the glyph in
    the content stream. A gap wider than WORD_GAP_EM is a break too. (Written for speed, it
    runs once per character: glyph[3] is its box, box[0] x0, box[1] top, box[2] x1.)
    """
    lines: list[list[tuple[float, Glyph, bool]]] = []
    last_top = -math.inf
    tops = [glyph[3][1] for glyph, _ in chars]
    for index in sorted(range(len(chars)), key=tops.__getitem__):
        glyph, is_break = chars[index]
        top = tops[index]
        if top - last_top > LINE_TOLERANCE_PT:
            lines.append([])
        lines[-1].append((glyph[3][0], glyph, is_break))
        last_top = top
    rows = []
    gap_em = WORD_GAP_EM
    for line in lines:
        line.sort(key=_first)  # stable: characters at one x keep their drawing order
        previous = line[0][1]
        parts = [previous.text]
        for x0, glyph, is_break in line[1:]:
            size = glyph.size if glyph.size < previous.size else previous.size
            if is_break or x0 - previous[3][2] > gap_em * size:
                parts.append(" ")
            parts.append(glyph.text)
            previous = glyph
        rows.append("".join(parts))
    return "\n".join(rows)


def _is_word_gap(previous: Glyph, glyph: Glyph) -> bool:
    """page_text's rule for a gap that breaks a word, for one pair of glyphs."""
    return glyph.box.x0 - previous.box.x1 > WORD_GAP_EM * min(previous.size, glyph.size)


def _first(item: tuple[float, Glyph, bool]) -> float:
    return item[0]


def _overlap(box: Box, glyphs: list[Glyph]) -> float:
    """How much of box's width the glyphs' boxes cover, on the same line; 0 when apart."""
    x0 = max(min(g.box.x0 for g in glyphs), box.x0)
    x1 = min(max(g.box.x1 for g in glyphs), box.x1)
    same_line = any(g.box.top < box.bottom and box.top < g.box.bottom for g in glyphs)
    return max(x1 - x0, 0.0) / max(box.x1 - box.x0, 1e-6) if same_line else 0.0


def _read_page(document: int, index: int) -> tuple[PageLayout, list[tuple[Glyph, bool]]]:
    """The page's layout (without the body size) and its text's glyphs with word breaks."""
    fast = fast_pdfium()
    page = fast.FPDF_LoadPage(document, index)
    if not page:
        raise PdfDamaged()
    try:
        # The page's visible area (media box cut by the crop box). Unlike FPDFPage_GetMediaBox
        # this inherits a box set on the page tree, as most PDF writers do.
        area = pdfium_c.FS_RECTF()
        if not fast.FPDF_GetPageBoundingBox(page, area):
            raise PdfDamaged()
        textpage = fast.FPDFText_LoadPage(page)
        if not textpage:
            raise PdfDamaged()
        try:
            reader = _PageReader(textpage, (area.left, area.top))
            reader.scan(page)
            glyphs, chars = reader.chars()
        finally:
            fast.FPDFText_ClosePage(textpage)
        width, height = area.right - area.left, area.top - area.bottom
        # Only a page that draws something besides plainly filled text can hide text in a
        # way the glyphs' own data does not show; rendering costs 3-6 ms a page.
        unseen: frozenset[int] = frozenset()
        if reader.needs_render and glyphs:
            unjudged = reader.unrenderable
            judged = [i for i, glyph in enumerate(glyphs) if id(glyph) not in unjudged]
            unseen = unseen_glyphs(page, glyphs, width, height, judged=judged)
    finally:
        fast.FPDF_ClosePage(page)
    media = Box(0.0, 0.0, width, height)
    return PageLayout(index + 1, media, glyphs, reader.backgrounds, unseen=unseen), chars


class _PageReader:
    """Glyphs, word breaks and backdrops of one pdfium page, in page points from top-left.

    The ctypes out-parameters are made once and reused: allocating them per character cost
    more than the calls themselves.
    """

    def __init__(self, textpage: int, origin: tuple[float, float]) -> None:
        self.fast = fast_pdfium()
        self.textpage = textpage
        self.left, self.top = origin
        self.backgrounds: list[Box] = []
        # Whether only the rendered page can tell what is seen: some object other than text
        # (a box may cover text or sit behind it), text drawn not filled, or text clipped.
        self.needs_render = False
        self.text_objects: list[tuple[int, _Matrix]] = []  # drawing order, matrix to page
        self._styles: dict[int, _Style] = {}
        # Glyphs (by id) that pdfium cannot draw without system fonts, which it is not given
        # (pdfium_calls): non-Latin letters of fonts the PDF does not embed, such as
        # reportlab's STSong-Light. The rendered page shows nothing for them, visible or not.
        self.unrenderable: set[int] = set()
        self._embedded: dict[int, bool] = {}
        self._colours: dict[tuple[int, int, int], tuple[float, float, float]] = {}
        self._rect = pdfium_c.FS_RECTF()
        self._matrix = pdfium_c.FS_MATRIX()
        self._size = ctypes.c_float()
        self._rgba = [ctypes.c_uint() for _ in range(4)]
        self._bounds = [ctypes.c_float() for _ in range(4)]
        self._modes = ctypes.c_int(), ctypes.c_int()

    def scan(self, parent: int, matrix: _Matrix = _IDENTITY, depth: int = 0) -> None:
        """Collect text objects and backdrops: filled non-white shapes, shadings, images.

        Objects inside a form XObject have bounds in the form's space, so each is kept with
        the matrix that maps it to the page.
        """
        fast = self.fast
        if depth == 0:
            count, get = fast.FPDFPage_CountObjects, fast.FPDFPage_GetObject
        else:
            count, get = fast.FPDFFormObj_CountObjects, fast.FPDFFormObj_GetObject
        get_type, text_objects, text_kind = fast.FPDFPageObj_GetType, self.text_objects, _TEXT
        for index in range(max(count(parent), 0)):
            page_object = get(parent, index)
            kind = get_type(page_object) if page_object else 0
            if kind == text_kind:  # nearly every object: kept cheap
                text_objects.append((page_object, matrix))
                if not self.needs_render and (
                    fast.FPDFTextObj_GetTextRenderMode(page_object) not in _FILLED_MODES
                    or fast.FPDFPageObj_GetClipPath(page_object)
                ):
                    self.needs_render = True
                continue
            self.needs_render = True
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
                if fast.FPDFPageObj_GetMatrix(page_object, self._matrix):
                    self.scan(page_object, _compose(matrix, _matrix_of(self._matrix)), depth + 1)
            elif (
                kind in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_SHADING)
                or (kind == pdfium_c.FPDF_PAGEOBJ_PATH and self._is_backdrop(page_object))
            ) and fast.FPDFPageObj_GetBounds(page_object, *self._bounds):
                x0, y0, x1, y1 = (value.value for value in self._bounds)
                self.backgrounds.append(self._page_box(matrix, x0, y0, x1, y1))

    def chars(self) -> tuple[list[Glyph], list[tuple[Glyph, bool]]]:
        """(every glyph in drawing order, the text's glyphs with "word break before").

        pdfium's text page marks word breaks with spaces and line breaks it generates; they
        count as breaks, not as glyphs (they have no box). It also leaves out some text
        objects, which are put back from the page's objects (_put_back).
        """
        drawn = self._drawn()
        seen = {handle for _, _, handle in drawn}
        missing = deque(
            (position, handle, matrix)
            for position, (handle, matrix) in enumerate(self.text_objects)
            if handle not in seen
        )
        if not missing:
            return [glyph for glyph, _, _ in drawn], [(glyph, brk) for glyph, brk, _ in drawn]
        positions = {handle: position for position, (handle, _) in enumerate(self.text_objects)}
        glyphs: list[Glyph] = []
        chars: list[tuple[Glyph, bool]] = []
        recent: deque[tuple[int, list[Glyph]]] = deque(maxlen=_DUPLICATE_LOOKBACK)
        position, pending_break, letter = -1, False, None
        last_run: list[Glyph] = []  # the newest entry of recent, and its text object
        last_handle = 0
        for glyph, is_break, handle in drawn:
            position = positions.get(handle, position)
            while missing and missing[0][0] < position:
                _, lost, matrix = missing.popleft()
                put = self._put_back(lost, matrix, glyphs, chars, recent)
                pending_break |= put is True
                letter = put if isinstance(put, Glyph) else letter
            if letter and is_break and not _is_word_gap(letter, glyph):
                is_break = False  # pdfium saw a gap where it had dropped this letter
            if not recent or last_handle != handle:
                last_handle, last_run = handle, []
                recent.append((handle, last_run))
            last_run.append(glyph)
            glyphs.append(glyph)
            chars.append((glyph, is_break or pending_break))
            pending_break, letter = False, None
        for _, lost, matrix in missing:
            self._put_back(lost, matrix, glyphs, chars, recent)
        return glyphs, chars

    def _put_back(
        self,
        text_object: int,
        matrix: _Matrix,
        glyphs: list[Glyph],
        chars: list[tuple[Glyph, bool]],
        recent: deque[tuple[int, list[Glyph]]],
    ) -> bool | Glyph:
        """Add a text object pdfium's text page left out: True for a word break, the glyph
        for a letter put back into the text, False otherwise.

        - A blank object (its bounds are a point at its origin): many resume writers draw
          each letter and each space as its own object, and without the spaces "of the"
          read "ofthe" in 26 of 40 sampled resumes. It becomes a space glyph with the style
          of the glyph before it, which keeps a hidden run of words one run.
        - A copy of one of the objects just before it, over more than half its width, which
          pdfium drops to undo "fake bold" (text drawn twice, a fraction of a point apart).
          The same rule drops the second letter of an italic "ff" ("Staf", "Of icer");
          a copy shifted by more than DUPLICATE_SHIFT_EM is such a letter and is kept.
        """
        bounds = self._bounds
        if not self.fast.FPDFPageObj_GetBounds(text_object, *bounds):
            return False
        x0, y0, x1, y1 = (value.value for value in bounds)
        box = self._page_box(matrix, x0, y0, x1, y1)
        if x1 <= x0 or y1 <= y0:
            size, rgb = (glyphs[-1].size, glyphs[-1].rgb) if glyphs else self._style(text_object)
            glyphs.append(Glyph(" ", size, rgb, box))
            return True
        size, rgb = self._style(text_object)
        twins = [(_overlap(box, copied), copied) for _, copied in recent]
        overlap, copied = max(twins, key=lambda twin: twin[0], default=(0.0, []))
        if not overlap:
            return False  # nothing it could copy: pdfium left it out for another reason
        shift = box.x0 - min(glyph.box.x0 for glyph in copied)
        text = "".join(glyph.text for glyph in copied)
        glyph = Glyph(text, size, rgb, box)
        glyphs.append(glyph)
        if abs(shift) <= DUPLICATE_SHIFT_EM * size:
            return False
        chars.append((glyph, False))
        return glyph

    def _drawn(self) -> list[tuple[Glyph, bool, int]]:
        """(glyph, word break before it, its text object) for each character pdfium read.

        Runs once per character, so it is written for speed: the glyph and its box are built
        with tuple.__new__, which skips the named tuples' own __new__ (a Python frame each).
        """
        fast, textpage, rect, left, top = self.fast, self.textpage, self._rect, self.left, self.top
        count = fast.FPDFText_CountChars(textpage)
        if count <= 0:
            return []
        buffer = (ctypes.c_ushort * (count + 1))()
        fast.FPDFText_GetText(textpage, 0, count, buffer)  # one UTF-16 unit per character
        codes = buffer[:count]
        get_object, get_box, styles = (
            fast.FPDFText_GetTextObject,
            fast.FPDFText_GetLooseCharBox,
            self._styles,
        )
        make, style_of = tuple.__new__, self._style
        drawn = []
        high = 0  # a UTF-16 high surrogate waiting for its low half
        is_break = False
        for index, code in enumerate(codes):
            text_object = get_object(textpage, index)
            if not text_object:  # a space or line break pdfium inserted, not drawn
                is_break = True
                continue
            if code >= 0xD800:
                if code < 0xDC00:
                    high = code
                    continue
                if code < 0xE000:  # a lone low surrogate cannot be written as UTF-8
                    if not high:
                        continue
                    code = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)
                elif code == 0xFFFE:  # how pdfium reports a hyphen that ends a line
                    code = 0x2D
            high = 0
            style = styles.get(text_object) or style_of(text_object)
            get_box(textpage, index, rect)
            x0, x1 = rect.left - left, rect.right - left
            box = make(Box, (x0, top - rect.top, x1, top - rect.bottom))
            glyph = make(Glyph, (chr(code) if code else "", style[0], style[1], box))
            drawn.append((glyph, is_break, text_object))
            if code > _LAST_LATIN and self._is_unembedded(text_object):
                self.unrenderable.add(id(glyph))
            is_break = False
        return drawn

    def _style(self, text_object: int) -> _Style:
        """(size on the page in points, fill colour) of a text object, remembered.

        The size is the font size scaled by the object's matrix, as pdfplumber measures it:
        1-pt text scaled up 12 times is readable, 12-pt text scaled down to 1 pt is not.
        """
        fast, size, matrix = self.fast, self._size, self._matrix
        font_size = size.value if fast.FPDFTextObj_GetFontSize(text_object, size) else 0.0
        if fast.FPDFPageObj_GetMatrix(text_object, matrix):
            font_size *= math.hypot(matrix.c, matrix.d)
        rgb = None
        red, green, blue, alpha = self._rgba
        if fast.FPDFPageObj_GetFillColor(text_object, red, green, blue, alpha):
            key = (red.value, green.value, blue.value)
            rgb = self._colours.get(key)
            if rgb is None:
                rgb = self._colours[key] = (key[0] / 255, key[1] / 255, key[2] / 255)
        style = self._styles[text_object] = (font_size, rgb)
        return style

    def _is_unembedded(self, text_object: int) -> bool:
        """Whether the object's font is not in the PDF (asked only for non-Latin letters)."""
        known = self._embedded.get(text_object)
        if known is None:
            font = self.fast.FPDFTextObj_GetFont(text_object)
            known = self._embedded[text_object] = bool(
                font and self.fast.FPDFFont_GetIsEmbedded(font)
            )
        return not known

    def _fill(self, page_object: int) -> tuple[int, int, int, int] | None:
        """Fill colour as RGBA 0-255; None for patterns and what pdfium cannot say."""
        if not self.fast.FPDFPageObj_GetFillColor(page_object, *self._rgba):
            return None
        red, green, blue, alpha = self._rgba
        return red.value, green.value, blue.value, alpha.value

    def _is_backdrop(self, path: int) -> bool:
        if not self.fast.FPDFPath_GetDrawMode(path, *self._modes):
            return False
        rgba = self._fill(path)
        # A pattern fill (no plain colour) counts as a backdrop, as in pdfplumber.
        return self._modes[0].value != pdfium_c.FPDF_FILLMODE_NONE and (
            rgba is None or (rgba[:3] != _WHITE_RGB and rgba[3] > 0)
        )

    def _page_box(self, matrix: _Matrix, x0: float, y0: float, x1: float, y1: float) -> Box:
        """The box, from the page's top-left corner, around a rectangle mapped by matrix."""
        if matrix is _IDENTITY:
            return Box(x0 - self.left, self.top - y1, x1 - self.left, self.top - y0)
        a, b, c, d, e, f = matrix
        corners = [(a * x + c * y + e, b * x + d * y + f) for x in (x0, x1) for y in (y0, y1)]
        xs = [x - self.left for x, _ in corners]
        ys = [self.top - y for _, y in corners]
        return Box(min(xs), min(ys), max(xs), max(ys))


def _matrix_of(matrix: Any) -> _Matrix:
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def _compose(outer: _Matrix, inner: _Matrix) -> _Matrix:
    """The matrix that applies inner, then outer (PDF row-vector convention)."""
    a, b, c, d, e, f = outer
    ia, ib, ic, id_, ie, if_ = inner
    return (
        a * ia + c * ib,
        b * ia + d * ib,
        a * ic + c * id_,
        b * ic + d * id_,
        a * ie + c * if_ + e,
        b * ie + d * if_ + f,
    )
