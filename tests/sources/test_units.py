"""Work units: several bulk files and formats in one unit keep their rows, counts and element names apart."""

from __future__ import annotations

import pyarrow as pa

from sources.packaging import WorkUnit
from sources.units import FILE_INDEX, parse_unit
from tests.conftest import FIXTURES

CNIPA = sorted((FIXTURES / "cnipa").glob("*.xml"))
USPTO = FIXTURES / "uspto" / "constructed_ipg_weekly_utility_sequence_reissue_design.xml"


def test_rows_keep_the_index_of_their_file_across_files_and_formats(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_bytes(b"<business:PatentDocumentAndRelated xmlns:business='x'><unclosed>")
    paths = (str(CNIPA[0]), str(USPTO), str(broken), str(CNIPA[1]))
    result = parse_unit(WorkUnit(paths))

    publications = result.tables["publications"]
    by_file = {}
    for index, number in zip(publications[FILE_INDEX].to_pylist(), publications["pub_number"].to_pylist(),
                             strict=True):
        by_file.setdefault(index, []).append(number)
    assert by_file[0] == ["CN116806270B"]
    assert by_file[3] == ["CN219801493U"]
    assert len(by_file[1]) == result.files[1].loaded > 1 and all(n.startswith("US") for n in by_file[1])
    assert 2 not in by_file
    assert result.tables["rejects"][FILE_INDEX].to_pylist() == [2]
    assert result.tables["publications"].schema.field(FILE_INDEX).type == pa.int32()

    # every table's rows belong to the files that produced them, in order
    for table in result.tables.values():
        indexes = table[FILE_INDEX].to_pylist()
        assert indexes == sorted(indexes)

    for counts in result.files:
        assert counts.seen == counts.loaded + counts.rejected
    assert [c.rejected for c in result.files] == [0, 0, 1, 0]


def test_element_names_are_counted_per_file_and_format():
    result = parse_unit(WorkUnit((str(CNIPA[0]), str(USPTO))))
    cnipa, uspto = (f.elements for f in result.files)
    assert {fmt for fmt, _ in cnipa} == {"cnipa-new"}
    assert cnipa["cnipa-new", "PatentDocumentAndRelated"] == 1
    assert {fmt for fmt, _ in uspto} == {"uspto-grant"}
    assert not any(name.startswith("{") for _, name in cnipa | uspto)
    grants = result.files[1].loaded
    assert sum(n for (_, name), n in uspto.items() if name.startswith("us-patent-")) == grants
