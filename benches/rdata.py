#!/usr/bin/env python3
"""Read the character vectors of an R lazy-load database (a package's data/Rdata.rdb
and .rdx) without R, and write each one as a text file, one element per line.

    python3 rdata.py DATA_DIR OUT_DIR NAME...

The .rdx index is a gzip'd serialized R list whose `variables` element maps each name
to (offset, length) in the .rdb; each .rdb record is a 4-byte big-endian length and a
zlib stream (R's default compression) of a serialized object in XDR format. Only what
a character vector needs is decoded: vectors, pairlists, symbols and references.
"""
import bz2
import gzip
import lzma
import struct
import sys
import zlib
from pathlib import Path

NILVALUE, REFSXP, GLOBALENV, EMPTYENV, BASEENV, MISSINGARG, UNBOUNDVALUE = 254, 255, 253, 242, 241, 251, 252


class Reader:
    def __init__(self, data):
        if data[:2] != b"X\n":
            raise ValueError("not an XDR serialization")
        self.data, self.pos, self.refs = data, 2, []
        version = self.int()
        self.int()  # writer's R version
        self.int()  # minimal R version
        if version == 3:
            n = self.int()
            self.pos += n  # native encoding name

    def int(self):
        (v,) = struct.unpack_from(">i", self.data, self.pos)
        self.pos += 4
        return v

    def item(self):
        flags = self.int()
        kind, has_attr, has_tag = flags & 0xFF, flags & (1 << 9), flags & (1 << 10)
        if kind in (NILVALUE, GLOBALENV, EMPTYENV, BASEENV, MISSINGARG, UNBOUNDVALUE):
            return None
        if kind == REFSXP:
            index = flags >> 8 or self.int()
            return self.refs[index - 1]
        if kind == 1:  # symbol
            name = self.item()
            self.refs.append(name)
            return name
        if kind in (2, 17):  # pairlist (attributes)
            out = {}
            while True:
                attr = self.item() if has_attr else None
                tag = self.item() if has_tag else None
                out[tag] = self.item()
                flags = self.int()
                kind, has_attr, has_tag = flags & 0xFF, flags & (1 << 9), flags & (1 << 10)
                if kind == NILVALUE:
                    return out
                if kind not in (2, 17):
                    raise ValueError(f"pairlist continues with type {kind}")
        if kind == 9:  # CHARSXP
            n = self.int()
            if n == -1:
                return None
            s = self.data[self.pos:self.pos + n]
            self.pos += n
            latin1 = (flags >> 12) & (1 << 2)
            return s.decode("latin-1" if latin1 else "utf-8")
        if kind in (10, 13):  # logical, integer
            n = self.int()
            v = list(struct.unpack_from(f">{n}i", self.data, self.pos))
            self.pos += 4 * n
        elif kind == 14:  # double
            n = self.int()
            v = list(struct.unpack_from(f">{n}d", self.data, self.pos))
            self.pos += 8 * n
        elif kind in (16, 19, 20):  # character, list, expression
            n = self.int()
            v = [self.item() for _ in range(n)]
        else:
            raise ValueError(f"unsupported R type {kind}")
        if has_attr:
            attrs = self.item()
            names = attrs.get("names")
            if kind == 19 and names:
                return dict(zip(names, v))
        return v


def unpack_record(record):
    (n,) = struct.unpack_from(">i", record)
    body = record[4:]
    if body[:1] in (b"Z", b"2", b"X"):  # type 2 (bzip2), 3 (xz) or stored
        kind, body = body[:1], body[1:]
        return {b"Z": lzma.decompress, b"2": bz2.decompress, b"X": lambda b: b}[kind](body)
    data = zlib.decompress(body)
    assert len(data) == n, "record length"
    return data


def main():
    data_dir, out_dir, names = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]
    index = Reader(gzip.decompress((data_dir / "Rdata.rdx").read_bytes())).item()
    rdb = (data_dir / "Rdata.rdb").read_bytes()
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in names:
        offset, length = index["variables"][name]
        vector = Reader(unpack_record(rdb[offset:offset + length])).item()
        if not all(isinstance(x, str) or x is None for x in vector):
            raise SystemExit(f"{name}: not a character vector")
        (out_dir / f"{name}.txt").write_text("\n".join(x or "" for x in vector) + "\n")


if __name__ == "__main__":
    main()
