"""Nightly jobs: batch scoring, fine-tuning data and evals."""

from pathlib import Path

from openai import OpenAI


def nightly(client: OpenAI, requests_path: Path):
    batch_input = client.files.create(file=requests_path.open("rb"), purpose="batch")
    batch = client.batches.create(
        input_file_id=batch_input.id,
        endpoint="/v1/chat/completions",
        completion_window="24h",
    )
    return batch


def big_upload(client: OpenAI, path: Path):
    return client.uploads.upload_file_chunked(file=path, mime_type="text/jsonl", purpose="fine-tune")


def train(client: OpenAI, training_file_id):
    job = client.fine_tuning.jobs.create(model="gpt-4o-mini-2024-07-18", training_file=training_file_id)
    events = client.fine_tuning.jobs.list_events(fine_tuning_job_id=job.id)
    return job, events


def evaluate(client: OpenAI, file_id):
    evaluation = client.evals.create(name="tone", data_source_config={"type": "custom"}, testing_criteria=[])
    return client.evals.runs.create(evaluation.id, data_source={"type": "jsonl", "source": file_id})


def sandbox(client: OpenAI):
    return client.containers.create(name="scratch")


def download(client: OpenAI, file_id):
    return client.files.content(file_id)
# ruff: noqa
