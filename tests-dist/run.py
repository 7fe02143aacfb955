#!/usr/bin/env python3
"""Tests of the distributed executable (scripts/dist), run by scripts/test after the browser tests.

1. Bare Debian root: the binary from the tarball, copied into a `debootstrap --variant=minbase`
   root (no Swift, no cmark-gfm, no layouts on disk), runs --version, check and build on the
   example knowledge base, and the site it builds there is byte-identical to the one it builds
   on the host and to the one the development build (.build/debug/debrief) writes.
2. pre-commit: `pre-commit try-repo` against this repository from a scratch git repository,
   with the `debrief-check-system` hook and the tarball's debrief on the PATH: an incomplete
   postmortem is rejected with its diagnostics, a complete one passes; and an installed hook
   stops `git commit` the same way.

Needs root (chroot) and Debian's mirror for debootstrap; the root is kept in
.build-dist/bare-root so later runs start at once.
"""
import filecmp
import glob
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BARE_ROOT = os.path.join(REPO, ".build-dist", "bare-root")
AS_OF = "2026-01-01"
failures = []


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def expect(condition, message):
    print(("  ok   " if condition else "  FAIL ") + message)
    if not condition:
        failures.append(message)


def tree_difference(a, b):
    """Paths that differ between two folders (missing on one side or different bytes)."""
    names_a = {os.path.relpath(p, a) for p in glob.glob(a + "/**", recursive=True) if os.path.isfile(p)}
    names_b = {os.path.relpath(p, b) for p in glob.glob(b + "/**", recursive=True) if os.path.isfile(p)}
    # The manifest records the build cache's inputs (the executable's path, size and time), not the site.
    names_a.discard(".debrief-manifest")
    names_b.discard(".debrief-manifest")
    different = sorted(names_a ^ names_b)
    for name in sorted(names_a & names_b):
        if not filecmp.cmp(os.path.join(a, name), os.path.join(b, name), shallow=False):
            different.append(name)
    return different, len(names_a)


def unpack_tarball(work):
    tarballs = sorted(glob.glob(os.path.join(REPO, "dist", "debrief-*-linux-*.tar.gz")))
    if not tarballs:
        raise SystemExit("tests-dist: no tarball in dist/; run scripts/dist first")
    with tarfile.open(tarballs[-1]) as archive:
        archive.extractall(work, filter="data")
    folder = glob.glob(os.path.join(work, "debrief-*"))[0]
    for name in ("debrief", "LICENSE", "NOTICE", "README.md"):
        expect(os.path.exists(os.path.join(folder, name)), f"the tarball holds {name}")
    return os.path.join(folder, "debrief")


def example_copy(destination):
    os.makedirs(destination)
    for name in ("content", "layouts", "monitoring", "debrief.yml"):
        source = os.path.join(REPO, name)
        if os.path.isdir(source):
            shutil.copytree(source, os.path.join(destination, name))
        elif os.path.exists(source):
            shutil.copy(source, destination)


def test_bare_debian_root(binary, work):
    print("bare Debian root")
    if not os.path.exists(os.path.join(BARE_ROOT, "bin", "sh")):
        subprocess.run([os.path.join(REPO, "scripts", "ensure-apt-packages"), "debootstrap"], check=True)
        made = run(["debootstrap", "--variant=minbase", "bookworm", BARE_ROOT, "http://deb.debian.org/debian"])
        if made.returncode != 0:
            shutil.rmtree(BARE_ROOT, ignore_errors=True)
            expect(False, "debootstrap made a bare root: " + made.stderr[-2000:])
            return
    expect(run(["chroot", BARE_ROOT, "sh", "-c", "command -v swift"]).returncode != 0, "the root has no swift")
    expect(not glob.glob(os.path.join(BARE_ROOT, "usr/lib/*/libcmark-gfm*")), "the root has no cmark-gfm")
    expect(not glob.glob(os.path.join(BARE_ROOT, "usr/lib/swift*")), "the root has no Swift runtime")

    # A fresh knowledge base folder inside the root on every run.
    inside = os.path.join(BARE_ROOT, "kb")
    shutil.rmtree(inside, ignore_errors=True)
    example_copy(inside)
    shutil.copy(binary, os.path.join(BARE_ROOT, "usr/local/bin/debrief"))

    # Any Linux system has /proc, which the Swift runtime reads for the arguments.
    proc = os.path.join(BARE_ROOT, "proc")
    if not os.path.ismount(proc):
        subprocess.run(["mount", "-t", "proc", "proc", proc], check=True)
    try:
        run_in_root(inside, binary, work)
    finally:
        subprocess.run(["umount", proc])


def run_in_root(inside, binary, work):
    version = run(["chroot", BARE_ROOT, "debrief", "--version"])
    expect(version.returncode == 0 and version.stdout.startswith("debrief "), f"--version in the root: {version.stdout.strip()}{version.stderr.strip()}")
    check = run(["chroot", BARE_ROOT, "debrief", "check", "--root", "/kb", "--as-of", AS_OF])
    expect(check.returncode == 0 and "no problems" in check.stdout, f"check in the root: {check.stdout.strip()[-200:]}{check.stderr.strip()[-500:]}")
    build = run(["chroot", BARE_ROOT, "debrief", "build", "--root", "/kb", "--as-of", AS_OF, "--output", "/kb/public"])
    expect(build.returncode == 0, f"build in the root: exit {build.returncode} {build.stderr.strip()[-500:]}")

    host = os.path.join(work, "host-kb")
    example_copy(host)
    host_build = run([binary, "build", "--root", host, "--as-of", AS_OF, "--output", os.path.join(host, "public")])
    expect(host_build.returncode == 0, "build on the host with the same binary")
    different, count = tree_difference(os.path.join(inside, "public"), os.path.join(host, "public"))
    expect(count > 50 and not different, f"the root's site ({count} files) is byte-identical to the host's; differing: {different[:5]}")
    development = os.path.join(REPO, ".build", "debug", "debrief")
    if os.path.exists(development):
        dev_out = os.path.join(work, "dev-public")
        run([development, "build", "--root", host, "--as-of", AS_OF, "--output", dev_out])
        different, _ = tree_difference(os.path.join(inside, "public"), dev_out)
        expect(not different, f"and to the development build's; differing: {different[:5]}")


INCOMPLETE = """---
title: "Search was slow"
date: 2025-11-02
severity: SEV2
---

# Search was slow

## Summary

Search was slow for an hour.
"""


def test_pre_commit(binary, work):
    print("pre-commit")
    if run([sys.executable, "-c", "import pre_commit"]).returncode != 0:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "pre-commit"], check=True)
    scratch = os.path.join(work, "scratch-repo")
    os.makedirs(scratch)
    env = dict(os.environ, PATH=os.path.dirname(binary) + os.pathsep + os.environ["PATH"],
               PRE_COMMIT_HOME=os.path.join(work, "pre-commit-home"),
               GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.com")
    git = lambda *args: run(["git", *args], cwd=scratch, env=env)
    git("init", "-q")
    init = run([binary, "init", "--as-of", AS_OF], cwd=scratch, env=env)
    expect(init.returncode == 0, "debrief init in the scratch repository")
    git("add", "-A")
    try_repo = [sys.executable, "-m", "pre_commit", "try-repo", REPO, "debrief-check-system", "--verbose"]
    complete = run(try_repo, cwd=scratch, env=env)
    expect(complete.returncode == 0, "try-repo passes the complete example postmortem" + ("" if complete.returncode == 0 else ":\n" + complete.stdout[-1500:]))
    git("commit", "-qm", "knowledge base")

    path = os.path.join(scratch, "content", "postmortems", "2025-11-02-search-was-slow.md")
    with open(path, "w") as handle:
        handle.write(INCOMPLETE)
    git("add", "-A")
    incomplete = run(try_repo, cwd=scratch, env=env)
    expect(incomplete.returncode == 1 and "error[required-section]" in incomplete.stdout
           and "2025-11-02-search-was-slow.md" in incomplete.stdout,
           "try-repo rejects the incomplete postmortem with its diagnostics")

    # The same hook installed from a .pre-commit-config.yaml stops the commit itself.
    head = run(["git", "-C", REPO, "rev-parse", "HEAD"]).stdout.strip()
    with open(os.path.join(scratch, ".pre-commit-config.yaml"), "w") as handle:
        handle.write(f"repos:\n  - repo: {REPO}\n    rev: {head}\n    hooks:\n      - id: debrief-check-system\n")
    install = run([sys.executable, "-m", "pre_commit", "install"], cwd=scratch, env=env)
    expect(install.returncode == 0, "pre-commit install")
    git("add", "-A")
    commit = git("commit", "-qm", "incomplete postmortem")
    expect(commit.returncode != 0 and "required-section" in commit.stdout + commit.stderr, "git commit of the incomplete postmortem is rejected")
    with open(path, "w") as handle:
        handle.write(INCOMPLETE.replace("severity: SEV2", "severity: SEV4")
                     + "\n## Root Cause\n\nThe index lost a replica and queries went to one node.\n")
    git("add", "-A")
    commit = git("commit", "-qm", "complete postmortem")
    expect(commit.returncode == 0, "the completed postmortem commits" + ("" if commit.returncode == 0 else ":\n" + commit.stdout + commit.stderr))


def main():
    if os.geteuid() != 0:
        raise SystemExit("tests-dist: needs root (chroot into the bare Debian root)")
    with tempfile.TemporaryDirectory(prefix="debrief-dist-") as work:
        binary = unpack_tarball(work)
        test_bare_debian_root(binary, work)
        test_pre_commit(binary, work)
    if failures:
        print(f"tests-dist: {len(failures)} failed", file=sys.stderr)
        sys.exit(1)
    print("tests-dist: all passed")


if __name__ == "__main__":
    main()
