"""infra/k8s/validate.py catches what would break a deployment, on a copy of the manifests."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

K8S = Path(__file__).resolve().parent.parent


def validate(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own script
        [sys.executable, str(K8S / "validate.py"), str(root)], capture_output=True, text=True, check=False
    )


def copy_of_manifests(tmp_path: Path) -> Path:
    copy = tmp_path / "k8s"
    shutil.copytree(K8S, copy, ignore=shutil.ignore_patterns("tests", "__pycache__", "secrets.env"))
    return copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert text.count(old) == 1
    path.write_text(text.replace(old, new))


def test_the_committed_manifests_are_valid() -> None:
    checked = validate(K8S)

    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_misspelt_field_fails(tmp_path: Path) -> None:
    root = copy_of_manifests(tmp_path)
    edit(root / "base" / "web.yaml", "readinessProbe:", "readinesProbe:")

    checked = validate(root)

    assert checked.returncode == 1
    assert (
        "base/web.yaml: Deployment/vitrin-web: spec.template.spec.containers.0: "
        "Additional properties are not allowed ('readinesProbe' was unexpected)"
    ) in checked.stdout.splitlines()


def test_a_patch_that_reaches_nothing_fails(tmp_path: Path) -> None:
    # kustomize itself applies a patch whose target matches nothing without a word.
    root = copy_of_manifests(tmp_path)
    edit(root / "overlays" / "production" / "kustomization.yaml", "name: vitrin-egress", "name: vitrin-egres")

    checked = validate(root)

    assert checked.returncode == 1
    assert (
        "overlays/production/data-network.yaml: no resource of overlays/production matches its target "
        "{'kind': 'NetworkPolicy', 'name': 'vitrin-egres'}"
    ) in checked.stdout.splitlines()


def test_a_json_patch_path_that_does_not_exist_fails(tmp_path: Path) -> None:
    root = copy_of_manifests(tmp_path)
    edit(root / "overlays" / "production" / "data-network.yaml", "/spec/egress/1/", "/spec/egress/7/")

    checked = validate(root)

    assert checked.returncode == 1
    assert (
        "overlays/production/data-network.yaml: replace /spec/egress/7/to/0/ipBlock/cidr: "
        "no /spec/egress/7/to/0/ipBlock/cidr in vitrin-egress"
    ) in checked.stdout.splitlines()
