"""pdfium's C functions as hireloop.resumes.pdf_layout calls them: fast, and without system fonts.

pdfium is set up once per process, on first use (fast_pdfium), and is not thread-safe: one
call at a time per process, as in the sandbox workers.
"""

import ctypes
import functools
from types import SimpleNamespace
from typing import Any

import pypdfium2  # noqa: F401  (importing it runs FPDF_InitLibraryWithConfig once)
import pypdfium2.raw as pdfium_c

# The pdfium functions called per character or per object, by name in pypdfium2.raw.
_FAST_FUNCTIONS = (
    "FPDF_LoadMemDocument64",
    "FPDF_GetLastError",
    "FPDF_GetPageCount",
    "FPDF_CloseDocument",
    "FPDF_LoadPage",
    "FPDF_ClosePage",
    "FPDF_GetPageBoundingBox",
    "FPDFText_LoadPage",
    "FPDFText_ClosePage",
    "FPDFText_CountChars",
    "FPDFText_GetText",
    "FPDFText_GetTextObject",
    "FPDFText_GetLooseCharBox",
    "FPDFTextObj_GetFontSize",
    "FPDFTextObj_GetText",
    "FPDFPageObj_GetMatrix",
    "FPDFPageObj_GetFillColor",
    "FPDFPageObj_GetType",
    "FPDFPageObj_GetBounds",
    "FPDFPath_GetDrawMode",
    "FPDFPage_CountObjects",
    "FPDFPage_GetObject",
    "FPDFFormObj_CountObjects",
    "FPDFFormObj_GetObject",
    "FPDFTextObj_GetTextRenderMode",
    "FPDFTextObj_GetFont",
    "FPDFFont_GetIsEmbedded",
    "FPDFPageObj_GetClipPath",
    "FPDFPage_GetRotation",
    "FPDFPage_SetRotation",
    "FPDFBitmap_Create",
    "FPDFBitmap_FillRect",
    "FPDFBitmap_GetBuffer",
    "FPDFBitmap_GetStride",
    "FPDFBitmap_Destroy",
    "FPDF_RenderPageBitmap",
)


@functools.cache
def fast_pdfium() -> Any:
    """pypdfium2.raw's functions re-declared for speed, once pdfium is set up for reading.

    pypdfium2's typed pointers and ctypes' release of the GIL cost about 1.3 µs a call; with
    plain addresses for pdfium's handles and the GIL kept (PYFUNCTYPE) a call costs about
    0.4 µs, and a resume page takes 2-5 calls for each of its thousands of characters. The
    same C functions are called with the same values. pdfium is not thread-safe anyway.
    """

    def plain(kind: Any) -> Any:
        pointee = getattr(kind, "_type_", None)
        is_handle = isinstance(pointee, type) and pointee.__name__.startswith("struct_fpdf_")
        return ctypes.c_void_p if is_handle else kind

    functions: dict[str, Any] = {"no_system_fonts": _no_system_fonts()}
    for name in _FAST_FUNCTIONS:
        typed = getattr(pdfium_c, name)
        prototype = ctypes.PYFUNCTYPE(plain(typed.restype), *map(plain, typed.argtypes))
        functions[name] = prototype(ctypes.cast(typed, ctypes.c_void_p).value or 0)
    return SimpleNamespace(**functions)


def _no_system_fonts() -> Any:
    """Tell pdfium there are no system fonts; the structure must stay alive (it is kept).

    For a font a PDF does not embed, pdfium reads the closest system font file whole, for
    every document: 26 MB of Noto CJK for the generated Chinese resumes, 10-25 ms each.
    Reading text needs only the PDF's own encodings and widths (pdfium's built-in fonts
    cover the rest), so it is given none: faster, no font files opened by the sandbox, and
    the same character boxes whatever fonts the server has.
    """
    fields = dict(pdfium_c.FPDF_SYSFONTINFO._fields_)
    callbacks = {
        "Release": lambda info: None,
        "EnumFonts": lambda info, mapper: None,
        "MapFont": lambda info, weight, italic, charset, pitch, face, exact: None,
        "GetFont": lambda info, face: None,
        "GetFontData": lambda info, font, table, buffer, size: 0,
        "GetFaceName": lambda info, font, buffer, size: 0,
        "GetFontCharset": lambda info, font: 0,
        "DeleteFont": lambda info, font: None,
    }
    info = pdfium_c.FPDF_SYSFONTINFO(
        version=1, **{name: fields[name](callback) for name, callback in callbacks.items()}
    )
    pdfium_c.FPDF_SetSystemFontInfo(ctypes.byref(info))
    return info
