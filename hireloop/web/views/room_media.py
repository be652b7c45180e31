"""Voice and video answers over HTTP: the candidate's chunked upload, the reviewer's player.

The candidate's link can upload and ask for the upload's state, never read a recording back;
only staff who may see the report can play it (``access_recording``).
"""

import re

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    JsonResponse,
    StreamingHttpResponse,
)
from django.http.response import HttpResponseBase
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from hireloop.assessment.services import access_recording
from hireloop.errors import InterviewLinkInvalid
from hireloop.interviews import recordings
from hireloop.interviews.models import InterviewSession
from hireloop.interviews.services import session_from_token
from hireloop.privacy.services import reveal

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


@never_cache
def room_media(request: HttpRequest, token: str, question_id: int) -> HttpResponse:
    """GET: the upload's state. POST ``?take=…&seq=n`` with the chunk as the body stores one
    chunk; POST ``?take=…&complete=1&chunks=n&bytes=b[&duration=s]`` finishes the take."""
    try:
        session = session_from_token(token)
    except InterviewLinkInvalid as invalid:
        return JsonResponse({"error": invalid.code, "message": str(invalid)}, status=404)
    if request.method == "GET":
        state = recordings.recording_state(session=session, question_id=question_id)
        return JsonResponse(state.as_json())
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])
    try:
        if request.GET.get("complete"):
            state = _complete(request, session, question_id)
            return JsonResponse(state.as_json())
        state, stored = _store_chunk(request, session, question_id)
        return JsonResponse({**state.as_json(), "stored": stored})
    except recordings.RecordingRefused as refusal:
        body = {"error": refusal.code, "message": str(refusal), **refusal.state.as_json()}
        return JsonResponse(body, status=refusal.status)


class ChunkQuery(forms.Form):
    """The query of a recording upload: which take, which chunk, and the totals at the end."""

    take = forms.CharField(required=False, max_length=64)
    seq = forms.IntegerField(required=False, min_value=0, max_value=1_000_000)
    chunks = forms.IntegerField(required=False, min_value=0, max_value=1_000_000)
    bytes = forms.IntegerField(required=False, min_value=0, max_value=10**12)
    duration = forms.FloatField(required=False, min_value=0, max_value=24 * 3600)

    @staticmethod
    def declared_length(request: HttpRequest) -> int:
        length = forms.IntegerField(min_value=0)
        try:
            return int(length.clean(request.META.get("CONTENT_LENGTH") or "0"))
        except forms.ValidationError as error:
            raise recordings.BadChunk(_("The upload was not understood.")) from error


def _query(request: HttpRequest, *required: str) -> dict:
    form = ChunkQuery(request.GET)
    if not form.is_valid() or any(form.cleaned_data[name] is None for name in required):
        raise recordings.BadChunk(_("The upload was not understood."))
    return form.cleaned_data


def _store_chunk(
    request: HttpRequest, session: InterviewSession, question_id: int
) -> tuple[recordings.RecordingState, bool]:
    limit = recordings.chunk_max_bytes()
    # Refused before reading when the declared size is too large; read from the stream (not
    # request.body) so a chunk is held once and DATA_UPLOAD_MAX_MEMORY_SIZE does not apply.
    declared = ChunkQuery.declared_length(request)
    if declared > limit:
        raise recordings.RecordingTooLarge(_("This chunk is too large."))
    query = _query(request, "seq")
    data = request.read(limit + 1)
    return recordings.do_store_chunk(
        session=session,
        question_id=question_id,
        take=query["take"],
        seq=query["seq"],
        data=data,
        mime_type=request.META.get("CONTENT_TYPE", ""),  # with its codecs parameter
    )


def _complete(
    request: HttpRequest, session: InterviewSession, question_id: int
) -> recordings.RecordingState:
    query = _query(request, "chunks", "bytes")
    return recordings.do_complete_recording(
        session=session,
        question_id=question_id,
        take=query["take"],
        chunks=query["chunks"],
        total_bytes=query["bytes"],
        duration_seconds=query["duration"],
    )


@login_required
@require_safe
def answer_recording(request: HttpRequest, report_id: int, answer_id: int) -> HttpResponseBase:
    """An answer's recording for the report's readers, decrypted chunk by chunk as it is sent.

    Single byte ranges are served (206) because Safari plays media only from servers that
    answer them, and because every player seeks that way.
    """
    recording = access_recording(request.user, report_id, answer_id)
    total = recording.bytes_received
    byte_range = _byte_range(request.headers.get("Range", ""), total)
    if byte_range is None:
        refusal = HttpResponse(status=416)
        refusal["Content-Range"] = f"bytes */{total}"
        return refusal
    start, end = byte_range
    if start == 0:
        # Watching a recording reads sensitive personal data: audited once per playback, not
        # for every range the player asks for while seeking (PIPL Art. 51, 55).
        reveal(
            actor=request.user,
            object_type="recording",
            object_id=recording.pk,
            fields=[recording.mode],
        )
    chunks = recordings.recording_chunks(recording)
    response = StreamingHttpResponse(
        recordings.iter_bytes(chunks, start, end), content_type=recording.mime_type
    )
    if request.headers.get("Range"):
        response.status_code = 206
        response["Content-Range"] = f"bytes {start}-{end}/{total}"
    response["Content-Length"] = str(end - start + 1)
    response["Accept-Ranges"] = "bytes"
    response["Content-Disposition"] = f'inline; filename="answer-{answer_id}"'
    # Candidate data: keep the recording out of shared and local caches.
    response["Cache-Control"] = "private, no-store"
    return response


def _byte_range(header: str, total: int) -> tuple[int, int] | None:
    """The inclusive range asked for (all of it without a header); None when unsatisfiable."""
    if not header:
        return (0, total - 1) if total else None
    match = RANGE.match(header.strip())
    if match is None or not total or match.group(1) == match.group(2) == "":
        return None
    first, last = match.groups()
    if first == "":  # "bytes=-n": the last n bytes
        return (max(0, total - int(last)), total - 1) if int(last) else None
    start = int(first)
    end = min(int(last), total - 1) if last else total - 1
    return (start, end) if start <= end else None
