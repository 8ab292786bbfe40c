"""Shared helpers of the data generators: fetch a Debian package, build an fst."""
import hashlib
import glob
import os
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def debian_package(name, tmp):
    """Download Debian package `name` into `tmp` and unpack it; return (version, root)."""
    subprocess.run(["apt-get", "download", name], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL)
    deb = glob.glob(os.path.join(tmp, name + "_*.deb"))[0]
    version = subprocess.run(["dpkg-deb", "-f", deb, "Version"], check=True,
                             capture_output=True, text=True).stdout.strip()
    root = os.path.join(tmp, name)
    subprocess.run(["dpkg-deb", "-x", deb, root], check=True)
    return version, root


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def build_fst(entries, out):
    """Write `entries` ({str: int}) as an fst map to `out` (a path under data/)."""
    items = sorted((k.encode("utf-8"), v) for k, v in entries.items())
    with tempfile.NamedTemporaryFile("wb", suffix=".tsv", delete=False) as f:
        for k, v in items:
            assert b"\t" not in k and b"\n" not in k and 0 <= v < 2**64, k
            f.write(k + b"\t" + str(v).encode() + b"\n")
        tsv = f.name
    try:
        with open(tsv, "rb") as stdin:
            subprocess.run(["cargo", "run", "--quiet", "--example", "build_fst", "--",
                            out], cwd=ROOT, stdin=stdin, check=True)
    finally:
        os.unlink(tsv)
    print(f"{os.path.relpath(out, ROOT)}: {len(items)} keys, "
          f"{os.path.getsize(out)} bytes, sha256 {sha256(out)}")
