// The SQL schema of content pack format versions 1 to 3 (content-packs/FORMAT.md explains it).
// Each version is the one before plus its own tables: 2 adds story cards, 3 spoken titles and
// language pictures. The builder writes the oldest version that holds a pack's content, so
// kiosks that read only older versions keep taking packs that need nothing newer; the reader
// refuses any other version, and any schema but exactly its version's.
#pragma once

#include "audio/AudioFormat.hpp"

#include <cstdint>

namespace kiosk::pack {

inline constexpr std::int64_t kFirstFormatVersion = 1;
inline constexpr std::int64_t kStoryCardsFormatVersion = 2; // the first with story cards
// The first with recordings of category and page titles, and pictures on the language pills.
inline constexpr std::int64_t kSpokenTitlesFormatVersion = 3;
inline constexpr std::int64_t kNewestFormatVersion = kSpokenTitlesFormatVersion;
inline constexpr bool isReadableFormatVersion(std::int64_t version) {
    return version >= kFirstFormatVersion && version <= kNewestFormatVersion;
}
// PRAGMA application_id of every pack ("KPAK"), so a stray SQLite file is told apart.
inline constexpr std::int32_t kApplicationId = 0x4B50414B;
// The page size the builder writes (FORMAT.md); a reader accepts any. 16 KiB rather than 4: a
// picture spans a quarter as many pages, and reading and checking them page by page took most
// of an install's checks (bench/RESULTS.md), for files about 5 % larger.
inline constexpr int kPageBytes = 16384;
// The pack id the kiosk knows its built-in demo by.
inline constexpr const char* kDemoPackId = "vn.commune.demo";

// Limits the reader enforces on hostile packs, and the builder on its output.
inline constexpr int kMaximumImageSide = 1920; // stored pictures
inline constexpr int kThumbnailSide = 480;     // longest side of a tile picture
inline constexpr std::uint64_t kMaximumImageBytes = 16u * 1024 * 1024;
// Recordings (narrations, spoken language names): Ogg Vorbis, mono or stereo, 8 to 48 kHz,
// at most 15 minutes and 16 MiB. The reader checks the table's values against these before
// it reads a blob; the decoder checks the recording itself.
inline constexpr audio::AudioLimits kAudioLimits{2, 8000, 48000, 15 * 60 * 1000, 16u * 1024 * 1024};
inline constexpr const char* kAudioMime = "audio/ogg";

inline constexpr const char* kSchemaSql = R"SQL(
CREATE TABLE pack_meta(
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE languages(
  code        TEXT PRIMARY KEY NOT NULL,
  position    INTEGER NOT NULL,
  native_name TEXT NOT NULL,
  pack_title  TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE images(
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE,
  mime         TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg')),
  width        INTEGER NOT NULL,
  height       INTEGER NOT NULL,
  sha256       TEXT NOT NULL,
  data         BLOB NOT NULL,
  thumb_mime   TEXT NOT NULL CHECK (thumb_mime IN ('image/png', 'image/jpeg')),
  thumb_width  INTEGER NOT NULL,
  thumb_height INTEGER NOT NULL,
  thumb_sha256 TEXT NOT NULL,
  thumb_data   BLOB NOT NULL
);
CREATE TABLE categories(
  id       TEXT PRIMARY KEY NOT NULL,
  position INTEGER NOT NULL,
  image_id INTEGER NOT NULL REFERENCES images(id)
) WITHOUT ROWID;
CREATE TABLE category_texts(
  category_id TEXT NOT NULL REFERENCES categories(id),
  language    TEXT NOT NULL REFERENCES languages(code),
  title       TEXT NOT NULL,
  PRIMARY KEY (category_id, language)
) WITHOUT ROWID;
CREATE TABLE pages(
  id             TEXT PRIMARY KEY NOT NULL,
  category_id    TEXT NOT NULL REFERENCES categories(id),
  position       INTEGER NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('article', 'programme', 'meeting')),
  cover_image_id INTEGER NOT NULL REFERENCES images(id),
  source_url     TEXT,
  featured       INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE page_texts(
  page_id  TEXT NOT NULL REFERENCES pages(id),
  language TEXT NOT NULL REFERENCES languages(code),
  title    TEXT NOT NULL,
  summary  TEXT NOT NULL,
  PRIMARY KEY (page_id, language)
) WITHOUT ROWID;
CREATE TABLE page_blocks(
  page_id  TEXT NOT NULL REFERENCES pages(id),
  language TEXT NOT NULL REFERENCES languages(code),
  position INTEGER NOT NULL,
  kind     TEXT NOT NULL CHECK (kind IN ('heading', 'paragraph', 'bullet')),
  text     TEXT NOT NULL,
  PRIMARY KEY (page_id, language, position)
) WITHOUT ROWID;
CREATE TABLE gallery_images(
  page_id  TEXT NOT NULL REFERENCES pages(id),
  position INTEGER NOT NULL,
  image_id INTEGER NOT NULL REFERENCES images(id),
  PRIMARY KEY (page_id, position)
) WITHOUT ROWID;
CREATE TABLE gallery_captions(
  page_id  TEXT NOT NULL,
  position INTEGER NOT NULL,
  language TEXT NOT NULL REFERENCES languages(code),
  caption  TEXT NOT NULL,
  PRIMARY KEY (page_id, position, language)
) WITHOUT ROWID;
CREATE TABLE meetings(
  page_id   TEXT PRIMARY KEY NOT NULL REFERENCES pages(id),
  starts_at TEXT NOT NULL,
  ends_at   TEXT
) WITHOUT ROWID;
CREATE TABLE meeting_texts(
  page_id   TEXT NOT NULL REFERENCES meetings(page_id),
  language  TEXT NOT NULL REFERENCES languages(code),
  place     TEXT NOT NULL,
  organiser TEXT NOT NULL,
  PRIMARY KEY (page_id, language)
) WITHOUT ROWID;
CREATE TABLE programmes(
  page_id      TEXT PRIMARY KEY NOT NULL REFERENCES pages(id),
  period_start TEXT NOT NULL,
  period_end   TEXT
) WITHOUT ROWID;
CREATE TABLE programme_texts(
  page_id   TEXT NOT NULL REFERENCES programmes(page_id),
  language  TEXT NOT NULL REFERENCES languages(code),
  provinces TEXT NOT NULL,
  partners  TEXT NOT NULL,
  PRIMARY KEY (page_id, language)
) WITHOUT ROWID;
CREATE TABLE audio_clips(
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  mime        TEXT NOT NULL CHECK (mime = 'audio/ogg'),
  channels    INTEGER NOT NULL,
  sample_rate INTEGER NOT NULL,
  duration_ms INTEGER NOT NULL,
  synthetic   INTEGER NOT NULL CHECK (synthetic IN (0, 1)),
  sha256      TEXT NOT NULL,
  data        BLOB NOT NULL
);
CREATE TABLE page_narrations(
  page_id  TEXT NOT NULL REFERENCES pages(id),
  language TEXT NOT NULL REFERENCES languages(code),
  audio_id INTEGER NOT NULL REFERENCES audio_clips(id),
  PRIMARY KEY (page_id, language)
) WITHOUT ROWID;
CREATE TABLE language_spoken_names(
  language TEXT PRIMARY KEY NOT NULL REFERENCES languages(code),
  audio_id INTEGER NOT NULL REFERENCES audio_clips(id)
) WITHOUT ROWID;
CREATE TABLE page_polls(
  page_id TEXT PRIMARY KEY NOT NULL REFERENCES pages(id)
) WITHOUT ROWID;
CREATE TABLE poll_questions(
  page_id  TEXT NOT NULL REFERENCES page_polls(page_id),
  language TEXT NOT NULL REFERENCES languages(code),
  question TEXT NOT NULL,
  PRIMARY KEY (page_id, language)
) WITHOUT ROWID;
)SQL";

// What version 2 adds: a page's story cards, each a picture with a short text per language
// and, optionally, its own recording per language. Cards are numbered from 0 (`position`).
inline constexpr const char* kStoryCardsSchemaSql = R"SQL(
CREATE TABLE page_cards(
  page_id  TEXT NOT NULL REFERENCES pages(id),
  position INTEGER NOT NULL,
  image_id INTEGER NOT NULL REFERENCES images(id),
  PRIMARY KEY (page_id, position)
) WITHOUT ROWID;
CREATE TABLE card_texts(
  page_id  TEXT NOT NULL,
  position INTEGER NOT NULL,
  language TEXT NOT NULL REFERENCES languages(code),
  text     TEXT NOT NULL,
  PRIMARY KEY (page_id, position, language)
) WITHOUT ROWID;
CREATE TABLE card_narrations(
  page_id  TEXT NOT NULL,
  position INTEGER NOT NULL,
  language TEXT NOT NULL REFERENCES languages(code),
  audio_id INTEGER NOT NULL REFERENCES audio_clips(id),
  PRIMARY KEY (page_id, position, language)
) WITHOUT ROWID;
)SQL";

// What version 3 adds, for visitors who read little: each category's and page's title spoken per
// language, a picture per language for the language pills, and where a page's narration
// reaches each block of its text, so the page can mark the part being read.
inline constexpr const char* kSpokenTitlesSchemaSql = R"SQL(
CREATE TABLE category_title_narrations(
  category_id TEXT NOT NULL REFERENCES categories(id),
  language    TEXT NOT NULL REFERENCES languages(code),
  audio_id    INTEGER NOT NULL REFERENCES audio_clips(id),
  PRIMARY KEY (category_id, language)
) WITHOUT ROWID;
CREATE TABLE page_title_narrations(
  page_id  TEXT NOT NULL REFERENCES pages(id),
  language TEXT NOT NULL REFERENCES languages(code),
  audio_id INTEGER NOT NULL REFERENCES audio_clips(id),
  PRIMARY KEY (page_id, language)
) WITHOUT ROWID;
CREATE TABLE language_pictures(
  language TEXT PRIMARY KEY NOT NULL REFERENCES languages(code),
  image_id INTEGER NOT NULL REFERENCES images(id)
) WITHOUT ROWID;
CREATE TABLE narration_marks(
  audio_id INTEGER NOT NULL REFERENCES audio_clips(id),
  block    INTEGER NOT NULL,
  start_ms INTEGER NOT NULL,
  PRIMARY KEY (audio_id, block)
) WITHOUT ROWID;
)SQL";

} // namespace kiosk::pack
