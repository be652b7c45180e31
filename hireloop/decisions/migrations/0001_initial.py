"""The review models moved here from the assessment app. Their tables keep their names, so
this migration changes the state only, and renames the content types so that permissions
granted on them carry over."""

import django.db.models.deletion
import hireloop.privacy.fields
from django.conf import settings
from django.db import migrations, models


MOVED = ["interviewerreview", "answerannotation", "humanreviewrequest"]


def _relabel(apps, old: str, new: str) -> None:
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label=old, model__in=MOVED).update(app_label=new)


def move_content_types(apps, schema_editor) -> None:
    _relabel(apps, "assessment", "decisions")


def move_content_types_back(apps, schema_editor) -> None:
    _relabel(apps, "decisions", "assessment")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('assessment', '0005_report_injection_flags'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('interviews', '0006_question_code_problem'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
        migrations.CreateModel(
            name='InterviewerReview',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('scores', models.JSONField(default=dict, help_text='dimension id → 0–10', verbose_name='scores')),
                ('comments', hireloop.privacy.fields.EncryptedTextField(blank=True, verbose_name='comments')),
                ('decision', models.CharField(choices=[('offer', 'Make an offer'), ('reject', 'Reject'), ('hold', 'Hold, no decision yet')], max_length=10, verbose_name='decision')),
                ('divergences', models.JSONField(blank=True, default=list)),
                ('divergence_note', hireloop.privacy.fields.EncryptedTextField(blank=True, verbose_name='why the scores differ')),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('report', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reviews', to='assessment.report')),
                ('reviewer', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'interviewer review',
                'verbose_name_plural': 'interviewer reviews',
                'db_table': 'assessment_interviewerreview',
                'ordering': ['-created_at'],
            },
        ),
        migrations.CreateModel(
            name='AnswerAnnotation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('text', hireloop.privacy.fields.EncryptedTextField(verbose_name='annotation')),
                ('answer', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='annotations', to='interviews.answer')),
                ('review', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='annotations', to='decisions.interviewerreview')),
            ],
            options={
                'verbose_name': 'answer annotation',
                'verbose_name_plural': 'answer annotations',
                'db_table': 'assessment_answerannotation',
                'ordering': ['answer_id', 'id'],
            },
        ),
        migrations.CreateModel(
            name='HumanReviewRequest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('message', hireloop.privacy.fields.EncryptedTextField(blank=True, verbose_name='message')),
                ('status', models.CharField(choices=[('open', 'Open'), ('resolved', 'Resolved')], default='open', max_length=10)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('resolved_at', models.DateTimeField(blank=True, null=True)),
                ('resolution', hireloop.privacy.fields.EncryptedTextField(blank=True, verbose_name='outcome')),
                ('report', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='review_requests', to='assessment.report')),
                ('resolved_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'human review request',
                'verbose_name_plural': 'human review requests',
                'db_table': 'assessment_humanreviewrequest',
                'ordering': ['-created_at'],
                'constraints': [models.UniqueConstraint(condition=models.Q(('status', 'open')), fields=('report',), name='one_open_review_request_per_report')],
            },
        ),
            ]),
        migrations.RunPython(move_content_types, reverse_code=move_content_types_back),
    ]
