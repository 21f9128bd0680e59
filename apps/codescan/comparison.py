"""What the code calls beside what the request declares. Pure: plain dicts in, plain dicts out."""

from dataclasses import dataclass, field


@dataclass
class EndpointInCode:
    endpoint: str
    evidence: list = field(default_factory=list)
    features: list = field(default_factory=list)
    models: list = field(default_factory=list)
    declared: bool = False
    missing_features: list = field(default_factory=list)
    in_catalog: bool = True

    @property
    def is_missing(self):
        return self.in_catalog and (not self.declared or bool(self.missing_features))


@dataclass
class Comparison:
    endpoints: list  # EndpointInCode, in the catalog's order, then unknown paths
    declared_unused: list  # endpoint paths the request declares and the code never calls

    @property
    def missing(self):
        return [row for row in self.endpoints if row.is_missing]


def compare(findings, declared, catalog_paths):
    """`findings` are the scan's dicts, `declared` maps each declared path to its feature keys,
    `catalog_paths` lists the request's catalog version's paths in order."""
    rows = {}
    for finding in findings:
        row = rows.setdefault(finding["endpoint"], EndpointInCode(finding["endpoint"]))
        row.evidence.append(finding)
        row.features = sorted({*row.features, *finding["features"]})
        row.models = sorted({*row.models, *finding["models"]})
    order = {path: index for index, path in enumerate(catalog_paths)}
    for row in rows.values():
        row.in_catalog = row.endpoint in order
        row.declared = row.endpoint in declared
        row.missing_features = [key for key in row.features if key not in declared.get(row.endpoint, ())]
    ordered = sorted(rows.values(), key=lambda row: (order.get(row.endpoint, len(order)), row.endpoint))
    unused = [path for path in declared if path not in rows]
    return Comparison(endpoints=ordered, declared_unused=unused)


def locate(finding, repositories):
    """(repository, path inside it) of a finding whose file is relative to the archive's root."""
    first, _, rest = finding["file"].partition("/")
    if first in repositories and rest:
        return first, rest
    return next(iter(repositories), ""), finding["file"]
