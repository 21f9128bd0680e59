"""Uploaded repository archives: checked before they are kept, unpacked without trusting them.

The central directory is read first (cheap, at upload) to refuse what is plainly wrong; unpacking
then counts the bytes really written, because a zip's declared sizes can lie."""

import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

CHUNK = 64 * 1024


class ArchiveRefused(ValueError):
    """The archive cannot be scanned; the message says why in words a person can act on."""


@dataclass(frozen=True)
class Limits:
    unpacked_bytes: int
    files: int
    ratio: int = 200  # a member compressed more than this is treated as a zip bomb


@dataclass
class Summary:
    files: int = 0
    unpacked_bytes: int = 0
    repositories: dict = field(default_factory=dict)  # top folder ("" for the archive itself) -> commit or ""


def _megabytes(size):
    return f"{size / 1_000_000:,.1f} MB"


def _safe_name(name):
    """The member's path inside the archive, or None for one that points outside it (zip-slip)."""
    name = name.replace("\\", "/")
    path = PurePosixPath(name)
    if path.is_absolute() or (path.parts and ":" in path.parts[0]) or ".." in path.parts:
        return None
    return path


def _is_link(info):
    return stat.S_ISLNK(info.external_attr >> 16)


def archive_check(fileobj, limits):
    """Summary of a zip, or ArchiveRefused: not a zip, encrypted, a path outside the archive,
    too many files, too large unpacked, or compressed like a zip bomb."""
    try:
        archive = zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ArchiveRefused("This file is not a zip archive. Zip the repository folder (for example "
                             "`git archive --format=zip HEAD > repo.zip`) and upload that.") from None
    with archive:
        members = archive.infolist()
        summary = Summary()
        for info in members:
            if _safe_name(info.filename) is None:
                raise ArchiveRefused(f"Refused: the archive entry “{info.filename[:120]}” points outside the "
                                     "archive (a zip-slip path). Nothing was unpacked.")
            if info.flag_bits & 0x1:
                raise ArchiveRefused("Refused: the archive is password-protected. Upload it without a password.")
            if info.is_dir() or _is_link(info):
                continue
            summary.files += 1
            summary.unpacked_bytes += info.file_size
            if info.file_size > 1_000_000 and info.file_size > limits.ratio * max(info.compress_size, 1):
                raise ArchiveRefused(f"Refused: “{info.filename[:120]}” is compressed more than {limits.ratio}:1 "
                                     "(a zip bomb, or a file that is not source code). Nothing was unpacked.")
        if summary.files > limits.files:
            raise ArchiveRefused(f"Refused: the archive holds {summary.files:,} files; at most {limits.files:,} "
                                 "are scanned. Leave out vendored folders and build output.")
        if summary.unpacked_bytes > limits.unpacked_bytes:
            raise ArchiveRefused(f"Refused: the archive would unpack to {_megabytes(summary.unpacked_bytes)}, "
                                 f"more than the {_megabytes(limits.unpacked_bytes)} limit. Leave out vendored "
                                 "folders and build output.")
        summary.repositories = _repositories([_safe_name(info.filename) for info in members])
    return summary


def _repositories(paths):
    """Each repository in the archive: one per top folder holding a .git (or the whole archive)."""
    tops = {path.parts[0] for path in paths if len(path.parts) > 1}
    with_git = {path.parts[0] for path in paths if len(path.parts) > 2 and path.parts[1] == ".git"}
    if with_git:
        return {top: "" for top in sorted(with_git)}
    if len(tops) == 1 and all(len(path.parts) > 1 for path in paths):
        return {next(iter(tops)): ""}
    return {"": ""}


def archive_extract(fileobj, destination, limits):
    """Unpack regular files into `destination` (never links, never outside it), stopping as soon as
    the bytes really written pass the limit. Returns the summary, with each repository's commit."""
    summary = archive_check(fileobj, limits)
    destination = Path(destination).resolve()
    try:
        _unpack(fileobj, destination, limits)
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise ArchiveRefused(f"The archive is damaged ({error}); zip the repository again and upload it.") from None
    summary.repositories = {top: git_commit(destination / top if top else destination)
                            for top in summary.repositories}
    return summary


def _unpack(fileobj, destination, limits):
    written = 0
    with zipfile.ZipFile(fileobj) as archive:
        for info in archive.infolist():
            name = _safe_name(info.filename)
            if info.is_dir() or _is_link(info) or not name.parts:
                continue
            target = destination.joinpath(*name.parts).resolve()
            if not target.is_relative_to(destination):
                raise ArchiveRefused(f"Refused: “{info.filename[:120]}” points outside the archive.")
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(info) as source, open(target, "wb") as sink:
                while chunk := source.read(CHUNK):
                    written += len(chunk)
                    if written > limits.unpacked_bytes:
                        raise ArchiveRefused("Refused: the archive unpacks to more than its entries declare "
                                             f"(past {_megabytes(limits.unpacked_bytes)}): a zip bomb.")
                    sink.write(chunk)


def git_commit(root):
    """The commit a repository's .git points at (HEAD, through a branch ref or packed-refs), or ""."""
    git = Path(root) / ".git"
    try:
        head = (git / "HEAD").read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    if not head.startswith("ref: "):
        return head if _is_sha(head) else ""
    ref = head[5:].strip()
    try:
        sha = (git / ref).read_text(encoding="ascii").strip()
        return sha if _is_sha(sha) else ""
    except (OSError, UnicodeDecodeError):
        pass
    try:
        for line in (git / "packed-refs").read_text(encoding="ascii").splitlines():
            sha, _, name = line.partition(" ")
            if name == ref and _is_sha(sha):
                return sha
    except (OSError, UnicodeDecodeError):
        pass
    return ""


def _is_sha(text):
    return len(text) in (40, 64) and all(c in "0123456789abcdef" for c in text)
