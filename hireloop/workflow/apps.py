from django.apps import AppConfig


class WorkflowConfig(AppConfig):
    name = "hireloop.workflow"
    label = "workflow"
