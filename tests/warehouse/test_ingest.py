"""End to end: bulk files in every packaging → warehouse; counts reconcile, reloads are idempotent."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import duckdb
import pytest

from sources.packaging import PackagingError
from warehouse.ingest import ingest

COUNTED = ("publications", "applications", "parties", "classifications", "priorities", "related_documents",
           "citations", "texts", "load_findings", "rejects")


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {t: con.execute(f"select count(*) from {t}").fetchone()[0] for t in COUNTED}
        out["patents"] = con.execute("select count(*) from patents").fetchone()[0]
        return out
    finally:
        con.close()


def query(db: Path, sql: str, params=None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def fixture_bytes(cnipa_fixtures: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(cnipa_fixtures.glob("*.xml"))}


def weekly_zip(path: Path, docs: dict[str, bytes], per_subzip: int = 2) -> Path:
    """CNIPA's packaging: weekly zip → sub-zips → one folder per document (XML + images)."""
    names = sorted(docs)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as outer:
        for n in range(0, len(names), per_subzip):
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as inner:
                for name in names[n : n + per_subzip]:
                    folder = name.removesuffix(".xml")
                    inner.writestr(f"{folder}/{folder}.XML", docs[name])
                    inner.writestr(f"{folder}/{folder}.JPG", b"\xff\xd8\xff\xe0 not really an image")
            outer.writestr(f"sub_{n // per_subzip + 1:03d}.zip", buf.getvalue())
    return path


def test_weekly_zip_with_a_malformed_document(tmp_path, cnipa_fixtures):
    docs = fixture_bytes(cnipa_fixtures)
    docs["broken.xml"] = docs["constructed_CN219801493U_utility_model.xml"][:900]
    docs["legal_status.xml"] = b'<?xml version="1.0"?><business:PRSRecord xmlns:business="x"/>'
    z = weekly_zip(tmp_path / "20231003.zip", docs)
    db = tmp_path / "w.duckdb"
    s = ingest([z], warehouse=db, workers=2)
    assert (s.files, s.documents_seen, s.documents_loaded, s.documents_rejected) == (1, 5, 3, 2)
    rejects = query(db, "select member, stage, reason, raw_xml is not null from rejects order by member")
    assert rejects[0][0].endswith("broken/broken.XML") and rejects[0][1] == "parse"
    assert "XML syntax error" in rejects[0][2] and rejects[0][3]
    assert "not a recognised patent document" in rejects[1][2]
    (seen, loaded, rejected, status), = query(
        db, "select documents_seen, documents_loaded, documents_rejected, status from load_manifest")
    assert seen == loaded + rejected and status == "loaded"
    members = query(db, "select member from publications order by member")
    assert all("!" in m for (m,) in members)  # sub-zip ! folder/file.XML


def test_reloading_a_file_is_idempotent(tmp_path, cnipa_fixtures):
    z = weekly_zip(tmp_path / "week.zip", fixture_bytes(cnipa_fixtures))
    db = tmp_path / "w.duckdb"
    ingest([z], warehouse=db)
    first = counts(db)
    ingest([z], warehouse=db)
    assert counts(db) == first
    assert query(db, "select count(*) from load_manifest") == [(1,)]


def test_a_publication_in_two_files_is_counted_once(tmp_path, cnipa_fixtures):
    docs = fixture_bytes(cnipa_fixtures)
    name = "constructed_CN219801493U_utility_model.xml"
    older = tmp_path / "a" / "old.xml"
    newer = tmp_path / "b" / "new.xml"
    older.parent.mkdir()
    newer.parent.mkdir()
    older.write_bytes(docs[name])
    # a later delivery of the same publication, with a corrected title
    newer.write_bytes(docs[name].replace(b'dateProduced="20230926"', b'dateProduced="20231010"')
                      .replace("一种电磁阀".encode(), "一种改进的电磁阀".encode()))
    db = tmp_path / "w.duckdb"
    ingest([newer], warehouse=db)
    ingest([older], warehouse=db)  # loaded last, but its batch is older: it must not win
    assert query(db, "select count(*), any_value(title) from patents") == [(1, "一种改进的电磁阀")]
    sup = query(db, "select pub_number, superseded_path, current_path from superseded_publications")
    assert len(sup) == 1 and sup[0][0] == "CN219801493U" and sup[0][1].endswith("old.xml")
    assert sup[0][2].endswith("new.xml")


def test_same_batch_date_the_file_loaded_last_wins(tmp_path, cnipa_fixtures):
    data = fixture_bytes(cnipa_fixtures)["constructed_CN307654321S_design.xml"]
    a, b = tmp_path / "a.xml", tmp_path / "b.xml"
    a.write_bytes(data)
    b.write_bytes(data.replace("智能手表</business:DesignTitle>".encode(), "智能手环</business:DesignTitle>".encode()))
    db = tmp_path / "w.duckdb"
    ingest([a], warehouse=db)
    ingest([b], warehouse=db)
    assert query(db, "select title from patents") == [("智能手环",)]


def test_folder_tree_of_documents_and_plain_files(tmp_path, cnipa_fixtures, cnipa_samples):
    db = tmp_path / "w.duckdb"
    s = ingest([cnipa_samples, cnipa_fixtures], warehouse=db, workers=2)
    assert (s.files, s.documents_loaded, s.documents_rejected) == (9, 9, 0)
    rows = query(db, "select pub_number, app_type, applicant_province_code from patents order by 1")
    assert rows == [
        ("CN104223352A", "invention", "53"),
        ("CN104223590A", "invention", "33"),
        ("CN104245143A", "pct_invention", None),
        ("CN113781974A", "invention", None),
        ("CN113783949A", "invention", "33"),
        ("CN115212463A", "invention", "11"),
        ("CN116806270B", "invention", "44"),
        ("CN219801493U", "utility_model", "33"),
        ("CN307654321S", "design", "44"),
    ]
    assert query(db, "select count(*) from patent_applicants") == [(10,)]
    assert query(db, "select count(*) from patents where not is_republication") == [(9,)]
    elements = dict(query(db, "select source_format || ':' || element, sum(occurrences) from file_elements "
                              "group by 1"))
    assert elements["cnipa-new:PatentDocumentAndRelated"] == 6
    assert elements["cnipa-old:cn-patent-document"] == 3
    assert elements["cnipa-new:ClassificationIPCR"] == 3 + 5 + 1 + 2 + 1  # 3 samples + grant + UM


def test_truncated_zip_fails_clearly_and_other_files_still_load(tmp_path, cnipa_fixtures):
    good = weekly_zip(tmp_path / "good.zip", fixture_bytes(cnipa_fixtures))
    data = good.read_bytes()
    bad = tmp_path / "truncated.zip"
    bad.write_bytes(data[: len(data) // 2])
    db = tmp_path / "w.duckdb"
    s = ingest([bad, good], warehouse=db)
    assert s.files == 2 and s.files_failed == 1 and s.documents_loaded == 3
    assert "truncated" in s.failures[0]["error"] and s.failures[0]["path"].endswith("truncated.zip")
    status = dict(query(db, "select file_name, status from load_manifest"))
    assert status == {"truncated.zip": "failed", "good.zip": "loaded"}


def test_corrupt_inner_zip_rolls_back_the_whole_file(tmp_path, cnipa_fixtures):
    z = tmp_path / "week.zip"
    docs = fixture_bytes(cnipa_fixtures)
    with zipfile.ZipFile(z, "w") as outer:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as inner:
            inner.writestr("a/a.XML", docs["constructed_CN307654321S_design.xml"])
        outer.writestr("sub_001.zip", buf.getvalue())
        outer.writestr("sub_002.zip", b"PK\x03\x04 this is not a zip")
    db = tmp_path / "w.duckdb"
    s = ingest([z], warehouse=db)
    assert s.files_failed == 1 and "sub_002.zip" in s.failures[0]["error"]
    assert query(db, "select count(*) from publications") == [(0,)]


def test_split_archive_is_refused_with_instructions(tmp_path):
    (tmp_path / "20231003.zip").write_bytes(b"PK")
    (tmp_path / "20231003.z01").write_bytes(b"PK")
    with pytest.raises(PackagingError, match="split zip archive.*zip -s 0"):
        ingest([tmp_path], warehouse=tmp_path / "w.duckdb")


def test_zip_flat_with_xml_members(tmp_path, cnipa_fixtures):
    z = tmp_path / "flat.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in fixture_bytes(cnipa_fixtures).items():
            zf.writestr(name, data)
    s = ingest([z], warehouse=tmp_path / "w.duckdb")
    assert (s.documents_seen, s.documents_loaded) == (3, 3)


def test_an_interrupted_load_is_invisible_then_recovered(tmp_path, cnipa_fixtures):
    from sources.packaging import WorkUnit
    from sources.units import parse_unit
    from warehouse.db import connect
    from warehouse.ingest import bulk_file
    from warehouse.load import Loader

    path = str(sorted(cnipa_fixtures.glob("*.xml"))[0])
    db = tmp_path / "w.duckdb"
    con = connect(db)
    loader = Loader(con)
    files = [bulk_file(path)]
    loader.begin(files)
    loader.insert(parse_unit(WorkUnit((path,))), files)  # ... and the process dies before finish()
    assert con.execute("select count(*) from publications").fetchone()[0] == 1
    assert con.execute("select count(*) from patents").fetchone()[0] == 0  # readers never see it
    con.close()
    s = ingest([cnipa_fixtures], warehouse=db)
    assert s.recovered == [files[0].path]
    assert query(db, "select count(*), count(distinct pub_number) from publications") == [(3, 3)]
    assert query(db, "select count(*) from load_manifest where status = 'loaded'") == [(3,)]


def test_parsers_started_ahead_are_used_by_the_next_ingest(tmp_path, cnipa_fixtures):
    from warehouse import ingest as ingest_module

    ingest_module.start_parsers(2)
    pool = ingest_module._started[2]
    ingest_module.start_parsers(2)  # a second call keeps the pool already started
    assert ingest_module._started[2] is pool
    z = weekly_zip(tmp_path / "20231003.zip", fixture_bytes(cnipa_fixtures))
    s = ingest([z], warehouse=tmp_path / "w.duckdb", workers=2)
    assert 2 not in ingest_module._started  # taken, and shut down with the run
    assert s.documents_loaded == s.documents_seen > 0
    assert pool._shutdown_thread
