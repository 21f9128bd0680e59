"""Archives are refused with a reason before anything is unpacked, and never unpack outside their folder."""

import io
import os

import pytest

from apps.codescan.archive import ArchiveRefused, Limits, archive_check, archive_extract

from .zips import COMMIT, repository, zip_bytes

LIMITS = Limits(unpacked_bytes=5_000_000, files=100)


def test_a_repository_with_git_gives_its_name_and_commit(tmp_path):
    summary = archive_extract(io.BytesIO(zip_bytes(repository())), tmp_path, LIMITS)
    assert summary.repositories == {"notes-service": COMMIT}
    assert (tmp_path / "notes-service/app/batch.py").exists()


def test_a_commit_in_packed_refs_is_found(tmp_path):
    files = {"svc/.git/HEAD": "ref: refs/heads/main\n", "svc/.git/packed-refs": f"# pack\n{COMMIT} refs/heads/main\n",
             "svc/a.py": "x = 1\n"}
    assert archive_extract(io.BytesIO(zip_bytes(files)), tmp_path, LIMITS).repositories == {"svc": COMMIT}


def test_several_repositories_are_told_apart(tmp_path):
    files = {**repository("one"), **repository("two")}
    assert set(archive_extract(io.BytesIO(zip_bytes(files)), tmp_path, LIMITS).repositories) == {"one", "two"}


@pytest.mark.parametrize("name", ["../evil.py", "/etc/passwd", "a/../../evil.py", "C:/windows/evil.py",
                                  "..\\evil.py"])
def test_a_zip_slip_path_is_refused(tmp_path, name):
    with pytest.raises(ArchiveRefused, match="points outside the archive"):
        archive_extract(io.BytesIO(zip_bytes({"ok.py": "x", name: "boom"})), tmp_path / "out", LIMITS)
    assert not (tmp_path / "evil.py").exists() and not (tmp_path / "out").exists()


def test_a_symbolic_link_is_never_followed_or_unpacked(tmp_path):
    archive_extract(io.BytesIO(zip_bytes({"a.py": "x"}, links=[("link", "/etc/passwd")])), tmp_path, LIMITS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.py"]


def test_a_zip_bomb_is_refused_before_unpacking():
    bomb = zip_bytes({"zeros.txt": b"\0" * 4_000_000})
    with pytest.raises(ArchiveRefused, match="compressed more than 200:1"):
        archive_check(io.BytesIO(bomb), LIMITS)


def test_too_large_unpacked_or_too_many_files_is_refused():
    with pytest.raises(ArchiveRefused, match="would unpack to 6.0 MB, more than the 5.0 MB limit"):
        noise = {f"f{i}.bin": os.urandom(1_000_000) for i in range(6)}  # incompressible
        archive_check(io.BytesIO(zip_bytes(noise)), LIMITS)
    with pytest.raises(ArchiveRefused, match="holds 101 files; at most 100"):
        archive_check(io.BytesIO(zip_bytes({f"f{i}.py": "x" for i in range(101)})), LIMITS)


def test_a_damaged_archive_is_refused_with_a_reason(tmp_path):
    content = bytearray(zip_bytes({"app.py": "print('hello world')\n" * 200}))
    content[60] ^= 0xFF  # a byte of the compressed data: the CRC no longer matches
    with pytest.raises(ArchiveRefused, match="damaged"):
        archive_extract(io.BytesIO(bytes(content)), tmp_path, LIMITS)


def test_not_a_zip_says_how_to_make_one():
    with pytest.raises(ArchiveRefused, match="not a zip archive.*git archive"):
        archive_check(io.BytesIO(b"%PDF-1.7 not a zip"), LIMITS)
