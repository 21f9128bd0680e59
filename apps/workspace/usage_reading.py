"""What one endpoint usage really uses, read from all of it: the features ticked, the models
named, and the `store` choice against the endpoint's default. Pure, no database.

- `store` is "true", "false" or "" (not set: the endpoint's default, from the catalog row). On an
  endpoint whose default is true (/v1/responses) a usage that does not set it stores, so the
  store=true rule applies; a row without a default (version 1 catalogs) implies nothing.
- A feature with model patterns counts as used when a model named in the usage matches one
  (`dall-e-3` is the DALL-E feature), on the endpoints the feature is listed for.
"""

import re
from dataclasses import dataclass
from fnmatch import fnmatchcase

STORE_CHOICES = ("", "true", "false")
STORE_FEATURE = "store_true"


@dataclass(frozen=True)
class UsageReading:
    features: tuple[str, ...]  # ticked, then derived (store, models), each once
    derived: dict  # feature key -> why it counts although not ticked
    store: bool | None  # the effective store value; None when the endpoint has no store parameter
    store_explicit: bool
    models: tuple[str, ...]


def model_names(text):
    """The model names typed in a usage ("gpt-5.1, dall-e-3"), lower-cased, each once."""
    return tuple(dict.fromkeys(name for name in re.split(r"[\s,;]+", (text or "").lower()) if name))


def read_usage(usage, row, features):
    """`usage` is a snapshot usage, `row` its catalog endpoint row (or None), `features` the
    catalog's features by key."""
    path = (usage.get("endpoint_path") or "").strip()
    ticked = list(dict.fromkeys(usage.get("features") or []))
    choice = usage.get("store") or ""
    if choice not in STORE_CHOICES:
        raise ValueError(f"Unknown store choice: {choice!r}")
    models = model_names(usage.get("models_used") or usage.get("models"))
    derived = {}
    if choice == "true":
        store = True
    elif choice == "false":
        store = False
        ticked = [key for key in ticked if key != STORE_FEATURE]  # the explicit choice wins over an old tick
    else:
        default = (row or {}).get("store_default")
        store = True if STORE_FEATURE in ticked else default
    store_rule = features.get(STORE_FEATURE)
    if store and STORE_FEATURE not in ticked and store_rule and path in store_rule["endpoints"]:
        derived[STORE_FEATURE] = "store=true" if choice == "true" else "store is not set, and it defaults to true here"
    for key, feature in features.items():
        if key in ticked or key in derived or path not in feature["endpoints"]:
            continue
        named = [m for m in models if any(fnmatchcase(m, p) for p in feature.get("model_patterns") or ())]
        if named:
            derived[key] = f"model{'s' if len(named) > 1 else ''} {', '.join(named)} named in this usage"
    return UsageReading(features=tuple(ticked) + tuple(derived), derived=derived, store=store,
                        store_explicit=bool(choice), models=models)
