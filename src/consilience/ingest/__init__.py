"""Ingest: inputs -> raw documents, each format read by a well-kept library inside a sandbox."""

from consilience.ingest.sources import InputFile, expand_inputs
from consilience.ingest.worker import Task, run_inline, run_sandboxed

__all__ = ["InputFile", "Task", "expand_inputs", "run_inline", "run_sandboxed"]
