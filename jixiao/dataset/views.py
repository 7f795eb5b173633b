"""The panel's SQL: DuckDB views that line up one department's indicators across years.

Part of the dataset layer; pure SQL text and one function that creates the views on a DuckDB
connection holding the ``forms`` and ``indicators`` tables (the duckdb writers call it, and so
does ``jixiao panel``). A row of the panel is one department (``department_key``) × indicator
(``indicator_key``) × year; the other views count what links across years.

- ``panel``: department_key, indicator_key, year, the place, the standard levels, how many rows
  and forms it gathers, the target (when the rows agree on it), mean standard values, the share of
  decided rows that were achieved, mean completion.
- ``panel_links``: one row per department_key × indicator_key: years seen, first and last.
- ``panel_departments``: one row per department_key: years seen, indicators.
- ``linkage``: the linkage report as (what, linked, single_year, total) rows.
"""
from __future__ import annotations

PANEL_ROWS = """
SELECT f.department_key, i.indicator_key, f.year,
       any_value(f.province) AS province, any_value(f.city) AS city, any_value(f.county) AS county,
       min(i.level1_std) AS level1_std, min(i.level2_std) AS level2_std,
       count(*) AS n_rows, count(DISTINCT i.form_id) AS n_forms,
       string_agg(DISTINCT i.form_type, ',' ORDER BY i.form_type) AS form_types,
       CASE WHEN count(DISTINCT i.target_raw) = 1 THEN min(i.target_raw) END AS target_raw,
       CASE WHEN count(DISTINCT i.comparator) = 1 THEN min(i.comparator) END AS comparator,
       CASE WHEN count(DISTINCT i.unit_std) = 1 THEN min(i.unit_std) END AS unit_std,
       CASE WHEN count(DISTINCT i.unit_std) <= 1 THEN avg(i.value_std) END AS value_std,
       CASE WHEN count(DISTINCT i.unit_std) <= 1 THEN avg(i.actual_value_std) END AS actual_value_std,
       bool_or(i.is_quantitative) AS is_quantitative,
       count(i.achieved) AS n_decided,
       avg(CASE WHEN i.achieved THEN 1.0 WHEN NOT i.achieved THEN 0.0 END) AS achieved_share,
       avg(i.completion) AS completion
FROM indicators AS i JOIN forms AS f ON f.form_id = i.form_id
WHERE f.department_key IS NOT NULL AND i.indicator_key IS NOT NULL AND f.year IS NOT NULL
GROUP BY f.department_key, i.indicator_key, f.year
"""

VIEWS = {
    "panel": PANEL_ROWS + "ORDER BY department_key, indicator_key, year",
    "panel_links": """
SELECT department_key, indicator_key, count(*) AS n_years, min(year) AS first_year, max(year) AS last_year,
       string_agg(CAST(year AS VARCHAR), ',' ORDER BY year) AS years
FROM panel GROUP BY department_key, indicator_key ORDER BY department_key, indicator_key""",
    "panel_departments": """
SELECT f.department_key, any_value(f.province) AS province, any_value(f.city) AS city,
       any_value(f.county) AS county, count(DISTINCT f.year) AS n_years,
       string_agg(DISTINCT CAST(f.year AS VARCHAR), ',' ORDER BY CAST(f.year AS VARCHAR)) AS years,
       count(DISTINCT f.form_id) AS n_forms
FROM forms AS f WHERE f.department_key IS NOT NULL AND f.year IS NOT NULL
GROUP BY f.department_key ORDER BY f.department_key""",
    "linkage": """
SELECT 'departments' AS what, count(*) FILTER (WHERE n_years > 1) AS linked,
       count(*) FILTER (WHERE n_years = 1) AS single_year, count(*) AS total
FROM panel_departments
UNION ALL
SELECT 'department_indicators', count(*) FILTER (WHERE n_years > 1), count(*) FILTER (WHERE n_years = 1), count(*)
FROM panel_links
UNION ALL
SELECT 'forms_outside_panel', NULL, NULL, count(*)
FROM forms WHERE department_key IS NULL OR year IS NULL
UNION ALL
SELECT 'indicator_rows_outside_panel', NULL, NULL, count(*)
FROM indicators AS i LEFT JOIN forms AS f ON f.form_id = i.form_id
WHERE f.department_key IS NULL OR f.year IS NULL OR i.indicator_key IS NULL""",
}


def create_views(con) -> None:
    """Create (or replace) the panel views on a DuckDB connection that has forms and indicators."""
    for name, sql in VIEWS.items():
        con.execute(f'CREATE OR REPLACE VIEW "{name}" AS {sql}')
