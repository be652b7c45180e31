"""Demo data for HireLoop: a bilingual organisation, its jobs, candidates and employee archive.

``python manage.py load_demo`` calls ``hireloop.demo.loader.load_demo``; docs/demo-data.md
describes what it creates and the relations planted in the archive.
"""
