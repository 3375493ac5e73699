"""The tables of a theme database, each column described once; the data dictionary written into every
theme file is derived from these and from the analyst views of `schemas.views`."""

from __future__ import annotations

from schemas.labels import label
from schemas.views import View, patent_applicants, patent_classifications, patents

members = View("members", "One row per member publication, with what admitted it.", (
    ("pub_number", "publication number"),
    ("file_id", "bulk file of the current version (join snapshot)"),
    ("rules", "top-level include rules that matched"),
    ("fields", "where they matched: title, abstract, claims, description, IPC, CPC, LOC, applicant"),
    ("terms", "matched keywords and classification patterns"),
    ("branches", "branch tags"),
))
evidence = View("evidence", "Every match behind the membership: one row per rule, publication and matched item.", (
    ("side", "include, exclude or branch"),
    ("rule_id", "top-level rule or branch id"),
    ("pub_number", "publication number"),
    ("leaf_id", "the (nested) rule that matched, e.g. battery-in-vehicle.2"),
    ("field", "where it matched"),
    ("term", "the keyword or pattern that matched"),
    ("value", "what it matched: the symbol, the applicant name or a snippet of the text"),
))
exclusions = View("exclusions", "Publications an include rule admitted and an exclusion removed.", (
    ("pub_number", "publication number"),
    ("rule_id", "exclusion rule"),
    ("reason", "why the definition excludes them"),
    ("terms", "what the exclusion matched"),
))
quarantined = View("quarantined", "Publications that match but the warehouse's quality quarantine holds back.", (
    ("pub_number", "publication number"),
    ("file_id", "bulk file of the quarantined version"),
    ("is_member", "included anyway (built with --include-quarantined)"),
))
branches = View("branches", "The branches (industry-chain segments) of the definition, with member counts.", (
    ("branch_id", "branch id"),
    ("name", "branch name"),
    ("parent_id", "enclosing branch, if nested"),
    ("level", "depth, from 1"),
    ("members", "member publications tagged"),
))
member_branches = View("member_branches", "One row per member and branch tag.", (
    ("pub_number", "publication number"),
    ("branch_id", "branch id"),
    ("terms", "what matched the branch condition"),
))
wipo_fields = View("wipo_fields", "WIPO technology fields of the members (IPC–technology concordance).", (
    ("pub_number", "publication number"),
    ("field_no", "WIPO technology field, 1-35"),
    ("sector", "WIPO sector"),
    ("field_en", "field name"),
    ("field_zh", "field name in Chinese"),
    ("is_main", "the main IPC symbol falls in the field"),
))
changes = View("changes", "What entered and left since the previous build of this theme and variant.", (
    ("change", "entered or left"),
    ("reason", "new_file, rule_change, reclassification, quarantined, quarantine_lifted, withdrawn, first_build"),
    ("pub_number", "publication number"),
    ("file_id", "bulk file of the current version"),
    ("source_file", "its path"),
    ("built_at", "build that recorded the change (UTC)"),
))
snapshot = View("snapshot", "The warehouse's load manifest at build time: what the build saw.", (
    ("file_id", "sha256 of the bulk file"),
    ("file_name", "file name"),
    ("path", "path it was loaded from"),
    ("load_seq", "order of loading"),
    ("batch_date", "delivery date"),
    ("status", "loaded or failed"),
    ("members", "members whose current version comes from the file"),
))

change_history = View("change_history", "Every build's changes, carried from theme file to theme file.",
                      changes.columns)
definition = View("definition", "The definition the build used, as written.", (
    ("theme_id", "theme id"),
    ("name", "theme name"),
    ("version", "version label written in the definition"),
    ("digest", "sha256 of what decides membership (scope, rules, branches), in validated form"),
    ("path", "definition file"),
    ("text", "the YAML as written"),
))
build_info = View("build_info", "One row about this build: variant, warehouse snapshot, counts and time.", (
    ("theme_id", "theme id"),
    ("theme_name", "theme name"),
    ("definition_version", "version label of the definition"),
    ("definition_digest", "digest of the definition (see definition.digest)"),
    ("definition_path", "definition file"),
    ("variant_province", "GB/T 2260 province of the variant; NULL for the whole theme"),
    ("any_applicant", "the variant's province may be any applicant's, not only the first's"),
    ("include_quarantined", "quarantined publications were kept"),
    ("built_at", "start of the build (UTC)"),
    ("seconds", "time to write the database (exports not included)"),
    ("warehouse", "warehouse file read"),
    ("previous_digest", "definition digest of the previous build; NULL on a first build"),
    ("previous_built_at", "time of the previous build"),
    ("zhuanti_version", "zhuanti version"),
    ("snapshot_files", "bulk files in the warehouse's load manifest"),
    ("snapshot_max_load_seq", "newest load_seq: the load batch the build saw"),
    ("snapshot_file_ids", "file ids of the load manifest, in load order"),
    ("matched", "publications an include rule matched"),
    ("members", "members"),
    ("excluded", "publications removed by exclusions"),
    ("quarantined", "matching publications the quarantine holds back"),
    ("entered", "members that entered since the previous build"),
    ("left_members", "members that left since the previous build"),
    ("source_files", "bulk files the members' current versions come from"),
    ("duckdb_version", "DuckDB version that wrote the file"),
))
builds = View("builds", "Every build of this theme and variant so far, one build_info row each.",
              build_info.columns)
data_dictionary = View("data_dictionary", "This dictionary: every table and column of the theme file.", (
    ("table_name", "table"),
    ("column_name", "column"),
    ("label", "Chinese label (spreadsheet header)"),
    ("description", "what it holds"),
))

TABLES = (members, evidence, exclusions, quarantined, branches, member_branches, wipo_fields, changes,
          change_history, snapshot, definition, build_info, builds, data_dictionary)
VIEWS = (patents, patent_applicants, patent_classifications)


def dictionary_rows() -> list[tuple[str, str, str, str]]:
    """(table, column, Chinese label, description) for every table of a theme file."""
    return [(t.name, column, label(column, t.name), description) for t in (*VIEWS, *TABLES) for column, description in t.columns]
