-- Kiosk statistics exports in PostgreSQL, for organisations with thousands of kiosks.
-- The tables mirror the export files: one kiosk_export row per header (<n>.json) and
-- the CSV (<n>.csv) rows in kiosk_count. Loading is idempotent exactly like
-- `kiosk-stats merge`: exports are cumulative, so the newest export of a kiosk's counting
-- database replaces the previous one and an older or repeated export changes nothing.
-- See README.md ("Loading exports into PostgreSQL") for the COPY commands.

CREATE TABLE IF NOT EXISTS kiosk_export (
    kiosk_id      text        NOT NULL CHECK (kiosk_id ~ '^[0-9a-f]{16}$'),
    database_id   text        NOT NULL CHECK (database_id ~ '^[0-9a-f]{16}$'),
    sequence      bigint      NOT NULL CHECK (sequence >= 1),
    place_name    text        NOT NULL DEFAULT '',
    exported_at   timestamptz,          -- NULL when the kiosk's clock was not trustworthy
    clock_status  text        NOT NULL, -- synchronised, set_by_staff, not_synchronised, before_build_date
    first_day     date,
    last_day      date,
    counts_rows   bigint      NOT NULL,
    counts_sha256 text        NOT NULL,
    header        jsonb       NOT NULL, -- the whole header: packs, catalog of pages and categories
    loaded_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kiosk_id, database_id)
);

CREATE TABLE IF NOT EXISTS kiosk_count (
    kiosk_id    text    NOT NULL,
    database_id text    NOT NULL,
    date        date,             -- local calendar day; NULL for undated rows
    boot        integer,          -- undated rows: the kiosk's boot counter
    uptime_day  integer,          -- undated rows: day of uptime within that boot
    metric      text    NOT NULL,
    subject     text    NOT NULL DEFAULT '',
    language    text    NOT NULL DEFAULT '',
    detail      text    NOT NULL DEFAULT '',
    count       bigint  NOT NULL CHECK (count >= 0),
    FOREIGN KEY (kiosk_id, database_id) REFERENCES kiosk_export ON DELETE CASCADE,
    CHECK ((date IS NOT NULL AND boot IS NULL AND uptime_day IS NULL)
        OR (date IS NULL AND boot >= 1 AND uptime_day >= 0))
);
CREATE INDEX IF NOT EXISTS kiosk_count_by_export ON kiosk_count (kiosk_id, database_id);
CREATE INDEX IF NOT EXISTS kiosk_count_by_metric_date ON kiosk_count (metric, date);

-- Exactly the CSV's columns, so `\copy ... WITH (FORMAT csv, HEADER true)` fills it as is.
-- Empty CSV fields arrive as NULL.
CREATE UNLOGGED TABLE IF NOT EXISTS kiosk_count_staging (
    date date, boot integer, uptime_day integer,
    metric text, subject text, language text, detail text, count bigint
);

-- Moves the staged CSV in as the export described by `export_header` (the <n>.json text).
-- Call it in the same transaction as the \copy; one loader at a time (one staging table).
CREATE OR REPLACE PROCEDURE kiosk_load_export(export_header jsonb)
LANGUAGE plpgsql AS $$
DECLARE
    staged bigint;
BEGIN
    IF export_header ->> 'format' IS DISTINCT FROM 'commune-kiosk-stats' OR (export_header ->> 'format_version')::int > 1 THEN
        RAISE EXCEPTION 'not a kiosk statistics header this schema knows';
    END IF;
    IF EXISTS (SELECT 1 FROM kiosk_export e
               WHERE e.kiosk_id = export_header ->> 'kiosk_id' AND e.database_id = export_header ->> 'database_id'
                 AND e.sequence >= (export_header ->> 'sequence')::bigint) THEN
        RAISE NOTICE 'export % of kiosk % is not newer than the one loaded: unchanged',
            export_header ->> 'sequence', export_header ->> 'kiosk_id';
        TRUNCATE kiosk_count_staging;
        RETURN;
    END IF;
    SELECT count(*) INTO staged FROM kiosk_count_staging;
    IF staged <> (export_header ->> 'counts_rows')::bigint THEN
        RAISE EXCEPTION 'the CSV has % rows, its header promises %', staged, export_header ->> 'counts_rows';
    END IF;

    DELETE FROM kiosk_export
     WHERE kiosk_id = export_header ->> 'kiosk_id' AND database_id = export_header ->> 'database_id';
    INSERT INTO kiosk_export (kiosk_id, database_id, sequence, place_name, exported_at, clock_status,
                              first_day, last_day, counts_rows, counts_sha256, header)
    VALUES (export_header ->> 'kiosk_id', export_header ->> 'database_id', (export_header ->> 'sequence')::bigint,
            coalesce(export_header ->> 'place_name', ''), (export_header ->> 'exported_at')::timestamptz,
            coalesce(export_header #>> '{clock,status}', 'unknown'),
            (export_header #>> '{period,first_day}')::date, (export_header #>> '{period,last_day}')::date,
            (export_header ->> 'counts_rows')::bigint, export_header ->> 'counts_sha256', export_header);
    INSERT INTO kiosk_count (kiosk_id, database_id, date, boot, uptime_day, metric, subject, language, detail, count)
    SELECT export_header ->> 'kiosk_id', export_header ->> 'database_id', date, boot, uptime_day, metric,
           coalesce(subject, ''), coalesce(language, ''), coalesce(detail, ''), count
      FROM kiosk_count_staging;
    TRUNCATE kiosk_count_staging;
END;
$$;

-- Page titles, categories and kinds from the catalogs the kiosks exported (newest pack version wins).
CREATE OR REPLACE VIEW kiosk_page AS
SELECT DISTINCT ON (pack ->> 'pack', page ->> 'id')
       pack ->> 'pack' AS pack_id, page ->> 'id' AS page_id, page ->> 'category' AS category_id,
       page ->> 'kind' AS kind, page ->> 'title' AS title
  FROM kiosk_export e, jsonb_array_elements(e.header -> 'catalog') AS pack,
       jsonb_array_elements(pack -> 'pages') AS page
 ORDER BY pack ->> 'pack', page ->> 'id', (pack ->> 'version')::bigint DESC;
