"""The review models moved to the decisions app; their tables stay (state only)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('assessment', '0005_report_injection_flags'),
        ('decisions', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
        migrations.RemoveField(
            model_name='humanreviewrequest',
            name='report',
        ),
        migrations.RemoveField(
            model_name='humanreviewrequest',
            name='resolved_by',
        ),
        migrations.RemoveField(
            model_name='interviewerreview',
            name='report',
        ),
        migrations.RemoveField(
            model_name='interviewerreview',
            name='reviewer',
        ),
        migrations.DeleteModel(
            name='AnswerAnnotation',
        ),
        migrations.DeleteModel(
            name='HumanReviewRequest',
        ),
        migrations.DeleteModel(
            name='InterviewerReview',
        ),
            ]),
    ]
