"""The JSON Schemas and the data reference are generated from the models and kept current."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from pydantic import BaseModel

from site_builder.loading.yaml_fast import parse
from site_builder.models import FILE_KINDS
from site_builder.schema.json_schema import modeline, schema_files, stale_schemas
from site_builder.schema.reference import data_reference

ROOT = Path(__file__).resolve().parent.parent


def test_committed_schemas_match_the_models() -> None:
    assert stale_schemas(ROOT / "schemas") == [], "run `netdash schema`"


def test_committed_data_reference_matches_the_models() -> None:
    page = (ROOT / "docs" / "guide" / "data-format.md").read_text(encoding="utf-8")
    assert page == data_reference(), "run `netdash schema`"


def _models_of(annotation: object, found: set[type[BaseModel]]) -> None:
    if (
        isinstance(annotation, type)
        and issubclass(annotation, BaseModel)
        and annotation not in found
    ):
        found.add(annotation)
        for field in annotation.model_fields.values():
            _models_of(field.annotation, found)
    for argument in getattr(annotation, "__args__", ()):
        _models_of(argument, found)


def test_every_model_field_is_in_the_data_reference() -> None:
    models: set[type[BaseModel]] = set()
    for kind in FILE_KINDS:
        _models_of(kind.shape, models)
    page = data_reference()
    missing = [
        f"{model.__name__}.{info.alias or name}"
        for model in models
        for name, info in model.model_fields.items()
        if f"| `{info.alias or name}` |" not in page.split(f"### {model.__name__}\n")[-1]
    ]
    assert len(models) > 15
    assert missing == []


def test_schemas_accept_a_valid_file_and_reject_a_typo() -> None:
    contact = json.loads(schema_files()["contact.schema.json"])
    jsonschema.validate(parse("name: Ada\ncircle: inner\nmet: {on: 2024-05-02}\n"), contact)
    errors = list(
        jsonschema.Draft202012Validator(contact).iter_errors(
            parse("name: Ada\ncircle: inner\ncompnay: X\n")
        )
    )
    assert any("compnay" in error.message for error in errors)


def test_demo_files_carry_the_modeline_of_their_kind() -> None:
    data = ROOT / "data"
    for kind in FILE_KINDS:
        for path in sorted(data.glob(kind.pattern)):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == modeline(kind), path
