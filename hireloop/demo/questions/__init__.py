"""The demo's question bank, one module per job and language; ``content_questions`` joins them.

Every question exists in Chinese and in English with the same kind, dimensions, mode and
limits, so an interview in either language asks the same things: the job's own language
holds the plain key, the translation adds ``-en`` or ``-zh``.
"""
