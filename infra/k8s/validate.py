"""`make test-infra`: Vitrin's Kubernetes manifests (infra/k8s/) checked offline.

    .venv/bin/python infra/k8s/validate.py [k8s directory]

1. Every resource file that a kustomization lists, against the schemas of Kubernetes
   KUBERNETES_VERSION, strictly (kubernetes-validate): a misspelt or misplaced field fails.
2. Every patch reaches something: its target (kind and name, regular expressions as kustomize
   reads them) matches a resource of its kustomization, and each path of a JSON patch exists
   there (for `add`, its parent).
3. When kubectl is installed, `kubectl kustomize` renders each kustomization (each `*.env` that
   has a committed `*.env.example` is replaced by the example, so secrets are never read) and
   every rendered resource is validated the same way; each container must have resource requests
   and limits, run as non-root, without privilege escalation, on a read-only root filesystem.

Prints what is wrong and exits 1, or prints what was checked and exits 0.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import kubernetes_validate
import yaml

KUBERNETES_VERSION = "1.32.0"
K8S = Path(__file__).resolve().parent
KUSTOMIZATION = "kustomization.yaml"
WORKLOADS = {"Deployment", "StatefulSet", "DaemonSet", "Job"}


def load_documents(path: Path) -> list[dict[str, Any]]:
    return [document for document in yaml.safe_load_all(path.read_text()) if document]


def kustomizations(root: Path) -> list[Path]:
    return sorted(path.parent for path in root.rglob(KUSTOMIZATION))


def resources_of(directory: Path) -> list[tuple[Path, dict[str, Any]]]:
    """The resources a kustomization lists, its bases' included, each with the file it is in."""
    kustomization = yaml.safe_load((directory / KUSTOMIZATION).read_text())
    found: list[tuple[Path, dict[str, Any]]] = []
    for entry in kustomization.get("resources", []):
        path = (directory / entry).resolve()
        if path.is_dir():
            found.extend(resources_of(path))
        else:
            found.extend((path, document) for document in load_documents(path))
    return found


def schema_problems(where: str, resource: dict[str, Any]) -> list[str]:
    name = f"{resource.get('kind')}/{resource.get('metadata', {}).get('name')}"
    try:
        kubernetes_validate.validate(resource, KUBERNETES_VERSION, strict=True)
    except kubernetes_validate.ValidationError as error:
        path = ".".join(str(part) for part in error.path) or "(top level)"
        return [f"{where}: {name}: {path}: {error.message}"]
    except (kubernetes_validate.SchemaNotFoundError, kubernetes_validate.InvalidSchemaError) as error:
        return [f"{where}: {name}: {error}"]
    return []


def _matches(target: dict[str, Any], resource: dict[str, Any]) -> bool:
    """kustomize's patch target: each field given is a regular expression for the whole value."""
    values = {"kind": resource.get("kind", ""), "name": resource.get("metadata", {}).get("name", "")}
    return all(re.fullmatch(str(target[field]), values[field]) for field in values if field in target)


def _has_path(document: Any, pointer: str) -> bool:
    for raw in pointer.split("/")[1:]:
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(document, list) and part.isdigit() and int(part) < len(document):
            document = document[int(part)]
        elif isinstance(document, dict) and part in document:
            document = document[part]
        else:
            return False
    return True


def patch_problems(directory: Path, root: Path) -> list[str]:
    kustomization = yaml.safe_load((directory / KUSTOMIZATION).read_text())
    pool = [resource for _, resource in resources_of(directory)]
    problems: list[str] = []
    for patch in kustomization.get("patches", []):
        where = f"{(directory / patch['path']).relative_to(root)}"
        body = yaml.safe_load((directory / patch["path"]).read_text())
        target = patch.get("target") or {"kind": body.get("kind"), "name": body.get("metadata", {}).get("name")}
        targets = [resource for resource in pool if _matches(target, resource)]
        if not targets:
            problems.append(f"{where}: no resource of {directory.relative_to(root)} matches its target {target}")
        if isinstance(body, list):  # a JSON patch: its paths must lead somewhere in every target
            for operation in body:
                pointer = operation["path"]
                needed = pointer.rsplit("/", 1)[0] if operation["op"] == "add" else pointer
                for resource in targets:
                    if not _has_path(resource, needed):
                        name = resource["metadata"]["name"]
                        problems.append(f"{where}: {operation['op']} {pointer}: no {needed or '/'} in {name}")
    return problems


def workload_problems(where: str, resource: dict[str, Any]) -> list[str]:
    if resource.get("kind") not in WORKLOADS:
        return []
    name = f"{resource['kind']}/{resource['metadata']['name']}"
    pod = resource["spec"]["template"]["spec"]
    problems = []
    if not pod.get("securityContext", {}).get("runAsNonRoot"):
        problems.append(f"{where}: {name}: the pod must set securityContext.runAsNonRoot")
    for container in pod.get("initContainers", []) + pod["containers"]:
        security = container.get("securityContext", {})
        resources = container.get("resources", {})
        label = f"{where}: {name}: container {container['name']}"
        if not (resources.get("requests") and resources.get("limits")):
            problems.append(f"{label}: resource requests and limits are required")
        if security.get("allowPrivilegeEscalation") is not False:
            problems.append(f"{label}: securityContext.allowPrivilegeEscalation must be false")
        if security.get("readOnlyRootFilesystem") is not True:
            problems.append(f"{label}: securityContext.readOnlyRootFilesystem must be true")
    return problems


def rendered_problems(root: Path, kubectl: str) -> list[str]:
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="vitrin-k8s-") as scratch:
        copy = Path(scratch) / "k8s"
        shutil.copytree(root, copy)
        for example in copy.rglob("*.env.example"):
            shutil.copyfile(example, example.with_suffix(""))
        for directory in kustomizations(copy):
            where = f"{directory.relative_to(copy)} (rendered)"
            rendered = subprocess.run(  # noqa: S603 - kubectl from PATH, on our own files
                [kubectl, "kustomize", str(directory)], capture_output=True, text=True, check=False
            )
            if rendered.returncode != 0:
                problems.append(f"{where}: kubectl kustomize failed: {rendered.stderr.strip()}")
                continue
            for resource in (document for document in yaml.safe_load_all(rendered.stdout) if document):
                problems += schema_problems(where, resource) + workload_problems(where, resource)
    return problems


def main() -> int:
    root = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else K8S
    problems: list[str] = []
    files: dict[Path, list[dict[str, Any]]] = {}  # each file once, though several kustomizations list it
    for directory in kustomizations(root):
        files.update((path, load_documents(path)) for path, _ in resources_of(directory))
        problems += patch_problems(directory, root)
    for path, resources in sorted(files.items()):
        for resource in resources:
            problems += schema_problems(str(path.relative_to(root)), resource)
    kubectl = shutil.which("kubectl")
    if kubectl:
        problems += rendered_problems(root, kubectl)
    for problem in problems:
        print(problem)
    if problems:
        print(f"\n{len(problems)} problems in the Kubernetes manifests ({root}).", file=sys.stderr)
        return 1
    rendering = "rendered with kubectl kustomize" if kubectl else "not rendered: kubectl is not installed"
    print(
        f"Kubernetes manifests valid for Kubernetes {KUBERNETES_VERSION} (strict): {len(files)} files, "
        f"{len(kustomizations(root))} kustomizations, patch targets found; {rendering}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
