"""The audit log gets keyed MACs, writer-given ids and a signed head row.

Existing entries are re-chained once with the key from settings: their old unkeyed hashes
proved nothing against anyone able to recompute them.
"""

import hashlib
import hmac
import json
import secrets

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def _entry_mac(entry, key):
    body = json.dumps(
        [
            entry.id,
            entry.previous_mac,
            entry.at.isoformat(),
            entry.actor_id,
            entry.actor_label,
            entry.action,
            entry.object_type,
            entry.object_id,
            entry.detail,
        ],
        sort_keys=True,
        ensure_ascii=False,
    )
    return hmac.new(key, body.encode(), hashlib.sha256).hexdigest()


def rechain(apps, schema_editor):
    entry_model = apps.get_model("privacy", "AuditEntry")
    head_model = apps.get_model("privacy", "AuditHead")
    key = bytes(settings.AUDIT_MAC_KEY)
    previous, count, last_id = "", 0, 0
    # The historical model has a plain manager, so this one-time update is allowed.
    for entry in entry_model.objects.order_by("id"):
        entry.previous_mac = previous
        entry.mac = _entry_mac(entry, key)
        entry_model.objects.filter(pk=entry.pk).update(previous_mac=entry.previous_mac, mac=entry.mac)
        previous, count, last_id = entry.mac, count + 1, entry.id
    head = head_model(pk=1, log_id=secrets.token_hex(16), count=count, last_id=last_id, last_mac=previous)
    body = json.dumps([head.pk, head.log_id, head.count, head.last_id, head.last_mac])
    head.mac = hmac.new(key, body.encode(), hashlib.sha256).hexdigest()
    head.save()


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField("auditentry", "previous_hash", "previous_mac"),
        migrations.RenameField("auditentry", "entry_hash", "mac"),
        migrations.AlterField(
            model_name="auditentry",
            name="id",
            field=models.BigIntegerField(primary_key=True, serialize=False),
        ),
        migrations.AlterField(
            model_name="auditentry",
            name="actor",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.CreateModel(
            name="AuditHead",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("log_id", models.CharField(max_length=32)),
                ("count", models.BigIntegerField(default=0)),
                ("last_id", models.BigIntegerField(default=0)),
                ("last_mac", models.CharField(blank=True, max_length=64)),
                ("mac", models.CharField(blank=True, max_length=64)),
            ],
        ),
        migrations.RunPython(rechain, migrations.RunPython.noop),
    ]
