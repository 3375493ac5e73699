"""Statistics and HTML reports for thematic databases (产业态势分析).

`stats.compute_statistics` writes `stats_*` tables into a theme file; `render` turns them into an
offline HTML page per theme; `landscape` compares the node's themes on one page.
"""
