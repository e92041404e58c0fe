"""What an install puts on a machine: one package of ours, at the versions the lock names."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"


def _locked() -> dict[str, str]:
    """The lock's pins that apply to this machine, by distribution name."""
    pins: dict[str, str] = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate():
            (specifier,) = requirement.specifier
            assert specifier.operator == "==", line
            pins[requirement.name] = specifier.version
    return pins


def _canonical(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


def test_the_environment_holds_the_locked_versions() -> None:
    locked = _locked()
    assert "textual" in locked
    installed = {_canonical(d.metadata["Name"]): d.version for d in metadata.distributions()}
    wrong = {
        name: (version, installed.get(_canonical(name)))
        for name, version in locked.items()
        if installed.get(_canonical(name)) != version
    }
    assert not wrong, f"installed versions differ from requirements.lock: {wrong}"


def test_the_lock_pins_every_direct_dependency_as_pyproject_allows() -> None:
    locked = _locked()
    requirements = metadata.requires("board-tui") or []
    for text in requirements:
        requirement = Requirement(text)
        if _canonical(requirement.name) == "board-tui":
            continue  # the test extra pulls in the postgres extra, checked as its own below
        if requirement.marker is not None and not any(
            requirement.marker.evaluate({"extra": extra}) for extra in ("test", "postgres")
        ):
            continue
        assert requirement.name in locked or _canonical(requirement.name) in locked, text
        version = locked.get(requirement.name) or locked[_canonical(requirement.name)]
        assert requirement.specifier.contains(version, prereleases=True), (text, version)


def test_an_install_adds_one_package_of_ours_and_the_command(tmp_path: Path) -> None:
    # Built from a clean copy: setuptools reuses whatever an earlier build left in build/lib.
    source = tmp_path / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(".git", ".venv*", "build", "*.egg-info", "__pycache__"),
    )
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(wheels),
         str(source)],
        check=True,
        timeout=300,
        capture_output=True,
    )  # fmt: skip
    target = tmp_path / "venv"
    venv.create(target, with_pip=False)
    python = target / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    scheme = sysconfig.get_paths(vars={"base": str(target), "platbase": str(target)})
    site_packages = Path(scheme["purelib"])
    before = set(p.name for p in site_packages.iterdir())
    (wheel,) = wheels.glob("board_tui-*.whl")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
         "--no-deps", "--no-index", str(wheel)],
        check=True, timeout=300, capture_output=True,
    )  # fmt: skip
    added = {p.name for p in site_packages.iterdir()} - before
    assert {name for name in added if not name.endswith(".dist-info")} == {"board_tui"}
    assert [name for name in added if name.endswith(".dist-info")] == ["board_tui-0.1.0.dist-info"]
    assert (python.parent / "board-tui").exists() or (python.parent / "board-tui.exe").exists()

    # Every source file of the card's folders is installed under board_tui, and nothing else.
    installed = {
        p.relative_to(site_packages / "board_tui").as_posix()
        for p in (site_packages / "board_tui").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    expected = {p.relative_to(ROOT / "board_tui").as_posix() for p in _sources(ROOT / "board_tui")}
    for folder in ("screens", "storage", "exporters"):
        expected |= {
            f"{folder}/{p.relative_to(ROOT / folder).as_posix()}" for p in _sources(ROOT / folder)
        }
    assert installed == expected


def _sources(folder: Path) -> list[Path]:
    return [
        p
        for p in folder.rglob("*")
        if p.suffix in (".py", ".tcss", ".json") and "__pycache__" not in p.parts
    ]
