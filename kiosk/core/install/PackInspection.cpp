#include "install/PackInspection.hpp"

#include "db/Database.hpp"
#include "image/ImageCodec.hpp"
#include "os/LargeAllocationReuse.hpp"
#include "pack/PackIds.hpp"
#include "pack/PackLimits.hpp"
#include "pack/PackReader.hpp"
#include "pack/PackSchema.hpp"
#include "pack/PackTextTotal.hpp"
#include "signing/Sha256.hpp"
#include "text/Unicode.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <climits>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace kiosk::install {

namespace {

struct SchemaObject {
    std::string type;
    std::string name;
    std::string table;
    std::string sql;
    bool operator==(const SchemaObject&) const = default;
};

std::vector<SchemaObject> schemaOf(const db::Database& database) {
    std::vector<SchemaObject> objects;
    db::Statement rows = database.prepare(
        "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name");
    while (rows.step())
        objects.push_back(SchemaObject{rows.text(0), rows.text(1), rows.text(2), rows.text(3)});
    return objects;
}

// A format version's schema exactly as the builder creates it; a pack must match it object for object.
struct ReferenceSchema {
    std::vector<SchemaObject> objects;
    // The TEXT columns of every table, for the text checks (but isCheckedWithThePicture).
    std::vector<std::pair<std::string, std::vector<std::string>>> textColumns;
};

// The text columns of the images table that come after a picture's bytes in its rows. Reading
// them means walking the row's overflow pages, all of the picture; the picture check reads those
// pages anyway and checks these texts there (Inspector::checkPicture), not checkAllTexts.
bool isCheckedWithThePicture(const std::string& table, const std::string& column) {
    return table == "images" && (column == "thumb_mime" || column == "thumb_sha256");
}

ReferenceSchema makeReferenceSchema(std::int64_t formatVersion) {
    db::Database database = db::Database::open(":memory:", db::Database::Mode::ReadWriteCreate);
    database.execute(pack::kSchemaSql);
    if (formatVersion >= pack::kStoryCardsFormatVersion)
        database.execute(pack::kStoryCardsSchemaSql);
    if (formatVersion >= pack::kSpokenTitlesFormatVersion)
        database.execute(pack::kSpokenTitlesSchemaSql);
    ReferenceSchema schema;
    schema.objects = schemaOf(database);
    for (const SchemaObject& object : schema.objects) {
        if (object.type != "table")
            continue;
        std::vector<std::string> columns;
        db::Statement info =
            database.prepare("SELECT name, type FROM pragma_table_info('" + object.name + "')");
        while (info.step())
            if (info.text(1) == "TEXT" && !isCheckedWithThePicture(object.name, info.text(0)))
                columns.push_back(info.text(0));
        schema.textColumns.emplace_back(object.name, std::move(columns));
    }
    return schema;
}

// `formatVersion` must be readable (pack::isReadableFormatVersion).
const ReferenceSchema& referenceSchema(std::int64_t formatVersion) {
    static const ReferenceSchema first = makeReferenceSchema(pack::kFirstFormatVersion);
    static const ReferenceSchema storyCards = makeReferenceSchema(pack::kStoryCardsFormatVersion);
    static const ReferenceSchema spokenTitles = makeReferenceSchema(pack::kSpokenTitlesFormatVersion);
    if (formatVersion >= pack::kSpokenTitlesFormatVersion)
        return spokenTitles;
    return formatVersion >= pack::kStoryCardsFormatVersion ? storyCards : first;
}

// Each of the format's limits has its own reason, so the villager's screen and the staff view
// say what to cut ("too many pages") rather than that something is wrong.
Reason reasonFor(pack::Limit limit) {
    switch (limit) {
    case pack::Limit::Languages:
        return Reason::PackTooManyLanguages;
    case pack::Limit::Categories:
        return Reason::PackTooManyCategories;
    case pack::Limit::Pages:
        return Reason::PackTooManyPages;
    case pack::Limit::PageBlocks:
    case pack::Limit::PageCharacters:
        return Reason::PackPageTooLong;
    case pack::Limit::TextTotal:
        return Reason::PackTooMuchText;
    case pack::Limit::GalleryPictures:
        return Reason::PackGalleryTooLarge;
    case pack::Limit::StoryCards:
        return Reason::PackTooManyCards;
    case pack::Limit::Recordings:
        return Reason::PackTooManyRecordings;
    case pack::Limit::RecordingMinutes:
        return Reason::PackRecordingsTooLong;
    case pack::Limit::Characters:
        return Reason::PackTooManyCharacters;
    case pack::Limit::TextLength:
        return Reason::PackTextTooLong;
    case pack::Limit::WordLength:
        return Reason::PackWordTooLong;
    }
    return Reason::PackContentInvalid;
}

// The reader's refusal as the installer's: a limit's own reason, else `otherwise`.
Refusal refusalFor(const pack::PackError& error, Reason otherwise) {
    if (const auto* overLimit = dynamic_cast<const pack::PackLimitError*>(&error))
        return Refusal(reasonFor(overLimit->limit()), error.what());
    if (dynamic_cast<const pack::PackIdError*>(&error))
        return Refusal(Reason::PackIdInvalid, error.what());
    return Refusal(otherwise, error.what());
}

std::string shortened(const std::string& text) {
    return text.size() > 60 ? text.substr(0, 60) + "…" : text;
}

// The progress of checks running on two threads at once, as one fraction: the pictures are most
// of the work, the integrity check and the rest run beside them.
class CheckProgress {
  public:
    explicit CheckProgress(const std::function<bool(double)>& onProgress) : onProgress_(onProgress) {}

    void setPictureCount(std::size_t count) {
        const std::lock_guard lock(mutex_);
        pictures_ = count;
    }
    // `fraction` (0..1) of the checks other than the pictures are done.
    void otherChecksDone(double fraction) {
        const std::lock_guard lock(mutex_);
        others_ = std::max(others_, fraction);
        reportLocked();
    }
    void pictureChecked() {
        const std::lock_guard lock(mutex_);
        ++checked_;
        reportLocked();
    }
    void finished() {
        const std::lock_guard lock(mutex_);
        others_ = 1;
        checked_ = pictures_;
        reportLocked();
    }
    bool cancelled() const { return cancelled_; }

  private:
    static constexpr double kPictureShare = 0.65;

    void reportLocked() {
        if (!onProgress_ || cancelled_)
            return;
        const double pictures =
            pictures_ == 0 ? 1.0 : static_cast<double>(checked_) / static_cast<double>(pictures_);
        if (!onProgress_((1 - kPictureShare) * others_ + kPictureShare * pictures))
            cancelled_ = true;
    }

    const std::function<bool(double)>& onProgress_;
    std::mutex mutex_; // also keeps onProgress from being called by both threads at once
    double others_ = 0;
    std::size_t pictures_ = 0;
    std::size_t checked_ = 0;
    std::atomic<bool> cancelled_{false};
};

class Inspector {
  public:
    explicit Inspector(const InspectionRequest& request) : request_(request), progress_(request.onProgress) {}

    pack::PackIndex run() {
        // Every picture takes and frees buffers of megabytes: keep them for the next one.
        const os::LargeAllocationReuse reuse;
        try {
            pack::PackIndex index = runChecks();
            reportTimings();
            return index;
        } catch (...) {
            reportTimings();
            throw;
        }
    }

  private:
    struct ImageVariant {
        const char* label;
        const char* dataColumn; // for messages only
        int maximumSide;
        std::string mime;
        std::int64_t width = 0;
        std::int64_t height = 0;
        std::string sha256;
        std::int64_t length = 0;
    };

    // The pictures, shared by the two checking threads: each takes the next unchecked one.
    struct PictureWork {
        std::vector<std::int64_t> ids;         // in id order
        std::optional<Refusal> listingFailure; // the images table could not be read
        std::atomic<std::size_t> next{0};
        std::atomic<std::size_t> firstFailure{0};
        std::atomic<bool> stopped{false};
        std::mutex mutex;
        std::map<std::size_t, Refusal> failures; // by index, so the first in id order wins
        std::exception_ptr unexpected;           // anything but a Refusal (out of memory...)
    };

    pack::PackIndex runChecks() {
        StageStopwatch stopwatch(recordTiming_);
        db::Database database = openDatabase();
        formatVersion_ = checkIdentity(database);
        checkSchema(database, formatVersion_);
        PictureWork pictures;
        listPictures(database, pictures);
        progress_.setPictureCount(pictures.ids.size());
        stopwatch.lap("checks: open, schema, picture list");

        std::optional<pack::PackIndex> index;
        {
            // Each thread its own connection: an SQLite connection is not for two threads at once.
            std::optional<db::Database> second;
            if (pictures.ids.size() > 1)
                second.emplace(openDatabase());
            std::jthread helper;
            if (second)
                helper = std::jthread(
                    [&] { checkPictures(*second, pictures, "checks: pictures, second thread"); });
            try {
                index = checkAllButPictures(database);
            } catch (...) {
                pictures.stopped = true; // its refusal would not be reported: stop early
                throw;
            }
            checkPictures(database, pictures, "checks: pictures, first thread (after the other checks)");
            stopwatch.lap();
        }
        stopwatch.lap("checks: waiting for the second thread");
        if (progress_.cancelled())
            throw Refusal(Reason::Cancelled, "checking the pack was cancelled");
        if (pictures.unexpected)
            std::rethrow_exception(pictures.unexpected);
        if (pictures.listingFailure)
            throw *pictures.listingFailure;
        if (!pictures.failures.empty())
            throw pictures.failures.begin()->second;
        progress_.finished();
        return std::move(*index);
    }

    // Everything but the pictures, in the order whose first refusal is reported.
    pack::PackIndex checkAllButPictures(const db::Database& database) {
        StageStopwatch stopwatch(recordTiming_);
        checkIntegrity(database);
        stopwatch.lap("checks: SQLite integrity_check, foreign keys");
        reportOtherChecks(0.6);
        const pack::PackMetadata metadata = checkMetadata(database);
        if (request_.checkMetadata)
            request_.checkMetadata(metadata);
        checkTextTotal(database);
        checkAllTexts(database);
        stopwatch.lap("checks: metadata, every text (UTF-8, NFC)");
        reportOtherChecks(0.7);
        pack::PackReader reader = openReader();
        checkDrawable(reader);
        stopwatch.lap("checks: every page in every language, fonts");
        reportOtherChecks(0.8);
        checkAudio(reader);
        stopwatch.lap("checks: every recording decodes");
        reportOtherChecks(1.0);
        return reader.index();
    }

    void reportOtherChecks(double fraction) {
        progress_.otherChecksDone(fraction);
        if (progress_.cancelled())
            throw Refusal(Reason::Cancelled, "checking the pack was cancelled");
    }

    void reportTimings() {
        if (!request_.onStageTimed)
            return;
        const std::lock_guard lock(timingMutex_);
        for (const auto& [stage, seconds] : timings_)
            request_.onStageTimed(stage, seconds);
        timings_.clear();
    }

    template <typename Function> static auto damagedOnError(const std::string& context, Function&& function) {
        try {
            return function();
        } catch (const db::DatabaseError& error) {
            throw Refusal(Reason::PackDamaged, context + ": " + error.what());
        }
    }

    db::Database openDatabase() const {
        return damagedOnError("cannot open the pack", [&] {
            if (const auto* path = std::get_if<std::filesystem::path>(&request_.pack))
                return db::Database::open(*path, db::Database::Mode::ReadOnly);
            return db::Database::openReadOnlyMemory(std::get<std::span<const std::uint8_t>>(request_.pack));
        });
    }

    pack::PackReader openReader() const {
        try {
            pack::PackReader reader = [&] {
                if (const auto* path = std::get_if<std::filesystem::path>(&request_.pack))
                    return pack::PackReader::openFile(*path, request_.kioskVersion);
                return pack::PackReader::openMemory(std::get<std::span<const std::uint8_t>>(request_.pack),
                                                    request_.kioskVersion);
            }();
            reader.validateAllPages();
            return reader;
        } catch (const pack::PackError& error) {
            throw refusalFor(error, Reason::PackContentInvalid);
        } catch (const db::DatabaseError& error) {
            throw Refusal(Reason::PackDamaged, error.what());
        }
    }

    static std::int64_t pragmaNumber(const db::Database& database, const std::string& pragma) {
        return damagedOnError("the pack is not a readable SQLite file", [&] {
            db::Statement statement = database.prepare("PRAGMA " + pragma);
            return statement.step() ? statement.integer(0) : std::int64_t{0};
        });
    }

    static std::string readableVersions() {
        return "this kiosk reads versions " + std::to_string(pack::kFirstFormatVersion) + " to " +
               std::to_string(pack::kNewestFormatVersion);
    }

    // The pack's format version, once it is one this kiosk reads.
    static std::int64_t checkIdentity(const db::Database& database) {
        if (pragmaNumber(database, "application_id") != pack::kApplicationId)
            throw Refusal(Reason::PackNotAPack,
                          "an SQLite file, but not a kiosk content pack (wrong application id)");
        const std::int64_t format = pragmaNumber(database, "user_version");
        if (!pack::isReadableFormatVersion(format))
            throw Refusal(Reason::PackFormatUnsupported,
                          "pack format version " + std::to_string(format) + "; " + readableVersions());
        return format;
    }

    static void checkSchema(const db::Database& database, std::int64_t formatVersion) {
        const std::vector<SchemaObject> found =
            damagedOnError("cannot read the pack's schema", [&] { return schemaOf(database); });
        const std::vector<SchemaObject>& expected = referenceSchema(formatVersion).objects;
        // Objects that could run code or write: refused as unsafe, whatever else is wrong.
        for (const SchemaObject& object : found) {
            const bool virtualTable =
                object.type == "table" && object.sql.find("VIRTUAL") != std::string::npos;
            if (object.type == "trigger" || object.type == "view" || virtualTable)
                throw Refusal(Reason::PackSchemaUnsafe,
                              "the pack contains a " + (virtualTable ? "virtual table" : object.type) +
                                  " ('" + shortened(object.name) + "'); content packs never have one");
        }
        for (const SchemaObject& object : expected)
            if (std::find(found.begin(), found.end(), object) == found.end())
                throw Refusal(Reason::PackSchemaInvalid, "the " + object.type + " '" + object.name +
                                                             "' is missing or differs from format version " +
                                                             std::to_string(formatVersion));
        for (const SchemaObject& object : found)
            if (std::find(expected.begin(), expected.end(), object) == expected.end())
                throw Refusal(Reason::PackSchemaInvalid,
                              "the pack has an extra " + object.type + " '" + shortened(object.name) + "'");
    }

    static void checkIntegrity(const db::Database& database) {
        damagedOnError("the pack is damaged", [&] {
            db::Statement check = database.prepare("PRAGMA integrity_check(3)");
            std::string findings;
            while (check.step() && check.text(0) != "ok")
                findings += (findings.empty() ? "" : "; ") + shortened(check.text(0));
            if (!findings.empty())
                throw Refusal(Reason::PackDamaged, "SQLite integrity check: " + findings);
            db::Statement keys = database.prepare("PRAGMA foreign_key_check");
            if (keys.step())
                throw Refusal(Reason::PackContentInvalid, "a row of table '" + keys.text(0) +
                                                              "' refers to a missing row of '" +
                                                              keys.text(2) + "'");
            return 0;
        });
    }

    static std::int64_t wholeNumber(const std::map<std::string, std::string>& meta, const std::string& key) {
        const auto found = meta.find(key);
        if (found == meta.end())
            throw Refusal(Reason::PackContentInvalid, "pack_meta has no '" + key + "'");
        std::int64_t value = 0;
        const std::string& text = found->second;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || error != std::errc() || end != text.data() + text.size())
            throw Refusal(Reason::PackContentInvalid, "pack_meta '" + key + "' is not a whole number");
        return value;
    }

    pack::PackMetadata checkMetadata(const db::Database& database) const {
        std::map<std::string, std::string> meta;
        damagedOnError("cannot read pack_meta", [&] {
            db::Statement rows = database.prepare("SELECT key, value FROM pack_meta LIMIT 101");
            while (rows.step()) {
                checkText(rows.text(0), "pack_meta key");
                checkText(rows.text(1), "pack_meta '" + shortened(rows.text(0)) + "'");
                meta[rows.text(0)] = rows.text(1);
            }
            return 0;
        });
        pack::PackMetadata metadata;
        metadata.formatVersion = wholeNumber(meta, "format_version");
        if (metadata.formatVersion != formatVersion_)
            throw Refusal(
                pack::isReadableFormatVersion(metadata.formatVersion) ? Reason::PackContentInvalid
                                                                      : Reason::PackFormatUnsupported,
                "pack_meta says format version " + std::to_string(metadata.formatVersion) +
                    ", the file's header " + std::to_string(formatVersion_) + "; " + readableVersions());
        metadata.minimumKioskVersion = wholeNumber(meta, "min_kiosk_version");
        if (metadata.minimumKioskVersion > request_.kioskVersion)
            throw Refusal(Reason::PackNeedsNewerKiosk,
                          "the pack needs kiosk version " + std::to_string(metadata.minimumKioskVersion) +
                              "; this kiosk is version " + std::to_string(request_.kioskVersion));
        metadata.packVersion = wholeNumber(meta, "pack_version");
        for (const char* key : {"pack_id", "publisher", "created", "default_language"})
            if (!meta.contains(key))
                throw Refusal(Reason::PackContentInvalid, std::string("pack_meta has no '") + key + "'");
        metadata.packId = meta.at("pack_id");
        metadata.publisher = meta.at("publisher");
        metadata.created = meta.at("created");
        metadata.defaultLanguage = meta.at("default_language");
        return metadata;
    }

    // Before every text is checked: a pack with a gigabyte of text is refused after reading
    // the limit's worth of it.
    static void checkTextTotal(const db::Database& database) {
        damagedOnError("cannot read the pack's text", [&] {
            try {
                pack::checkStoredTextTotal(database);
            } catch (const pack::PackError& error) {
                throw refusalFor(error, Reason::PackContentInvalid);
            }
            return 0;
        });
    }

    static void checkText(const std::string& value, const std::string& where) {
        if (!text::isValidUtf8(value))
            throw Refusal(Reason::PackTextInvalid, where + ": invalid UTF-8");
        if (!text::isNfc(value))
            throw Refusal(Reason::PackTextNotNfc,
                          where + ": text is not in Unicode NFC form (decomposed accents)");
        if (const std::optional<std::string> problem = text::packTextProblem(value))
            throw Refusal(Reason::PackTextInvalid, where + ": " + *problem);
    }

    void checkAllTexts(const db::Database& database) const {
        for (const auto& tableColumns : referenceSchema(formatVersion_).textColumns) {
            // Not a structured binding: clang 14 (the fuzzing build) cannot capture those.
            const std::string& table = tableColumns.first;
            const std::vector<std::string>& columns = tableColumns.second;
            if (columns.empty())
                continue;
            std::string select = "SELECT ";
            for (std::size_t index = 0; index < columns.size(); ++index)
                select += (index ? ", \"" : "\"") + columns[index] + "\"";
            select += " FROM \"" + table + "\"";
            damagedOnError("cannot read table " + table, [&] {
                db::Statement rows = database.prepare(select);
                std::int64_t rowNumber = 0;
                while (rows.step()) {
                    ++rowNumber;
                    for (std::size_t index = 0; index < columns.size(); ++index)
                        checkText(rows.text(static_cast<int>(index)),
                                  table + "." + columns[index] + " (row " + std::to_string(rowNumber) + ")");
                }
                return 0;
            });
        }
    }

    void checkDrawable(const pack::PackReader& reader) const {
        auto named = [](char32_t codePoint) {
            char hex[16];
            std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(codePoint));
            return hex + std::string(" '") + text::encodeUtf8(codePoint) + "'";
        };
        // The kiosk makes its font atlas from the pack's own character list: a character
        // missing from it would show as a box. (One listed but not used only costs a glyph;
        // the list's parser caps its length.)
        const std::vector<char32_t> used = reader.usedCodePoints();
        // A listed pack's list was counted when it was opened; without one, the text is the list.
        if (!reader.metadata().characters && used.size() > static_cast<std::size_t>(pack::kMaximumCharacters))
            throw Refusal(Reason::PackTooManyCharacters,
                          "the pack's text has " + pack::describeCountLimit(pack::Limit::Characters) + " (" +
                              std::to_string(used.size()) +
                              "): its font atlas would not fit the smallest "
                              "supported GPU's texture");
        if (const std::optional<std::vector<char32_t>>& listed = reader.metadata().characters)
            for (const char32_t codePoint : used)
                if (!std::binary_search(listed->begin(), listed->end(), codePoint))
                    throw Refusal(Reason::PackTextNotDrawable,
                                  "the pack's character list (pack_meta 'characters') lacks " +
                                      named(codePoint) + ", which its text uses");
        if (!request_.glyphs)
            return;
        for (const char32_t codePoint : used)
            if (!request_.glyphs->canDraw(codePoint))
                throw Refusal(Reason::PackTextNotDrawable,
                              "the kiosk's fonts cannot draw " + named(codePoint));
    }

    void checkAudio(const pack::PackReader& reader) const {
        try {
            reader.validateAllAudio();
        } catch (const pack::PackError& error) {
            throw refusalFor(error, Reason::AudioDamaged);
        } catch (const db::DatabaseError& error) {
            throw Refusal(Reason::PackDamaged, error.what());
        }
    }

    // The id of every picture. A failure is kept, not thrown: it is reported only when the
    // other checks pass.
    static void listPictures(const db::Database& database, PictureWork& pictures) {
        try {
            damagedOnError("cannot read table images", [&] {
                db::Statement select = database.prepare("SELECT id FROM images ORDER BY id");
                while (select.step())
                    pictures.ids.push_back(select.integer(0));
                return 0;
            });
        } catch (const Refusal& refusal) {
            pictures.ids.clear();
            pictures.listingFailure = refusal;
        }
        pictures.firstFailure = pictures.ids.size();
    }

    // Checks pictures until none is left. Both threads run this; pictures are taken in id
    // order, and a thread stops only past the first failure found so far, so every picture
    // before the reported one has been checked whichever thread was faster.
    void checkPictures(const db::Database& connection, PictureWork& pictures, const char* stage) {
        StageStopwatch stopwatch(recordTiming_);
        while (!pictures.stopped && !progress_.cancelled()) {
            const std::size_t index = pictures.next++;
            if (index >= pictures.ids.size() || index > pictures.firstFailure)
                break;
            try {
                checkPicture(connection, pictures.ids[index]);
            } catch (const Refusal& refusal) {
                const std::lock_guard lock(pictures.mutex);
                pictures.failures.emplace(index, refusal);
                if (index < pictures.firstFailure)
                    pictures.firstFailure = index;
                continue;
            } catch (...) {
                const std::lock_guard lock(pictures.mutex);
                pictures.unexpected = std::current_exception();
                pictures.stopped = true;
                break;
            }
            progress_.pictureChecked();
        }
        stopwatch.lap(stage);
    }

    // One row of the images table: the picture, then its thumbnail. The row is read in two
    // steps. First the columns in front of the picture's bytes: SQLite finds them, and the
    // length of both blobs, on the row's first page, so a blob over the limit is refused
    // before it is read. Then everything from the picture's bytes on, the bytes first: SQLite
    // reads a big blob straight from the file into its buffer and remembers where each of the
    // row's overflow pages is, so the thumbnail's columns after it cost nothing more. (Asking
    // for a thumbnail column first, or in a statement of its own, walks the overflow pages
    // through the page cache once more: that made the picture checks several times slower.)
    void checkPicture(const db::Database& database, std::int64_t id) const {
        db::Statement head = damagedOnError("cannot read picture " + std::to_string(id), [&] {
            db::Statement select = database.prepare("SELECT name, mime, width, height, sha256, length(data), "
                                                    "length(thumb_data) FROM images WHERE id = ?");
            select.bind(1, id);
            if (!select.step())
                throw Refusal(Reason::PackDamaged,
                              "picture " + std::to_string(id) + " vanished while it was checked");
            return select;
        });
        const std::string name = head.text(0);
        const ImageVariant full{"picture",    "data",          pack::kMaximumImageSide,
                                head.text(1), head.integer(2), head.integer(3),
                                head.text(4), head.integer(5)};
        const std::int64_t thumbnailLength = head.integer(6);
        checkClaims(name, full);
        const bool thumbnailReadable =
            thumbnailLength >= 1 && static_cast<std::uint64_t>(thumbnailLength) <= pack::kMaximumImageBytes;
        db::Statement rest = damagedOnError("cannot read picture '" + shortened(name) + "'", [&] {
            db::Statement select = database.prepare(
                thumbnailReadable
                    ? "SELECT data, thumb_mime, thumb_width, thumb_height, thumb_sha256, thumb_data "
                      "FROM images WHERE id = ?"
                    : "SELECT data, thumb_mime, thumb_width, thumb_height, thumb_sha256 "
                      "FROM images WHERE id = ?");
            select.bind(1, id);
            if (!select.step())
                throw Refusal(Reason::PackDamaged,
                              "picture " + std::to_string(id) + " vanished while it was checked");
            return select;
        });
        // The two text columns checkAllTexts leaves to this pass, which reads them anyway.
        const std::string row = " (picture '" + shortened(name) + "')";
        checkText(rest.text(1), "images.thumb_mime" + row);
        checkText(rest.text(4), "images.thumb_sha256" + row);
        // Views of SQLite's buffers, not copies: checked before the statement moves on.
        checkBytes(name, full, rest.blobView(0));
        const ImageVariant thumbnail{"thumbnail",     "thumb_data",    pack::kThumbnailSide, rest.text(1),
                                     rest.integer(2), rest.integer(3), rest.text(4),         thumbnailLength};
        checkClaims(name, thumbnail);
        checkBytes(name, thumbnail, rest.blobView(5));
    }

    // What the table claims about a picture, before its bytes are read.
    static void checkClaims(const std::string& name, const ImageVariant& variant) {
        const std::string where = std::string(variant.label) + " '" + shortened(name) + "'";
        if (variant.width < 1 || variant.height < 1)
            throw Refusal(Reason::ImageDamaged, where + " has no size");
        if (variant.width > variant.maximumSide || variant.height > variant.maximumSide)
            throw Refusal(Reason::ImageTooLarge, where + " claims to be " + std::to_string(variant.width) +
                                                     "x" + std::to_string(variant.height) +
                                                     "; the limit is " + std::to_string(variant.maximumSide) +
                                                     " pixels a side");
        if (variant.length < 1 || static_cast<std::uint64_t>(variant.length) > pack::kMaximumImageBytes)
            throw Refusal(Reason::ImageTooLarge, where + " is " + std::to_string(variant.length) +
                                                     " bytes; the limit is " +
                                                     std::to_string(pack::kMaximumImageBytes));
        if (variant.mime != "image/png" && variant.mime != "image/jpeg")
            throw Refusal(Reason::ImageDamaged,
                          where + " has the unsupported type '" + shortened(variant.mime) + "'");
    }

    // The bytes: their hash, the header (a bomb is told from a damaged picture), a full decode.
    void checkBytes(const std::string& name, const ImageVariant& variant,
                    std::span<const std::uint8_t> bytes) const {
        const std::string where = std::string(variant.label) + " '" + shortened(name) + "'";
        // Why the hash may be skipped: see InspectionRequest::bytesMatchSignedHash. The
        // picture is still read, its header checked and decoded in full below.
        if (!request_.bytesMatchSignedHash && signing::sha256Hex(bytes) != variant.sha256)
            throw Refusal(Reason::ImageDamaged, where + " does not match its SHA-256");
        // First the header alone, with no limit, to tell a bomb from a damaged picture.
        image::ImageHeader header;
        try {
            header = image::probeImage(bytes, image::ImageLimits{INT_MAX, UINT64_MAX});
        } catch (const image::ImageError& error) {
            throw Refusal(Reason::ImageDamaged, where + ": " + error.what());
        }
        if (header.mime != variant.mime)
            throw Refusal(Reason::ImageDamaged,
                          where + " is stored as " + variant.mime + " but is " + header.mime);
        if (header.width > variant.maximumSide || header.height > variant.maximumSide)
            throw Refusal(Reason::ImageDecompressionBomb,
                          where + " would decode to " + std::to_string(header.width) + "x" +
                              std::to_string(header.height) + " pixels (the table says " +
                              std::to_string(variant.width) + "x" + std::to_string(variant.height) + ")");
        if (header.width != variant.width || header.height != variant.height)
            throw Refusal(Reason::ImageDamaged, where + " is " + std::to_string(header.width) + "x" +
                                                    std::to_string(header.height) + " but the table says " +
                                                    std::to_string(variant.width) + "x" +
                                                    std::to_string(variant.height));
        try {
            const std::uint64_t side = static_cast<std::uint64_t>(variant.maximumSide);
            image::checkImageDecodes(bytes, image::ImageLimits{variant.maximumSide, side * side});
        } catch (const image::ImageTooCostlyError& error) {
            throw Refusal(Reason::ImageDecompressionBomb, where + ": " + error.what());
        } catch (const image::ImageError& error) {
            throw Refusal(Reason::ImageDamaged, where + ": " + error.what());
        }
    }

    const InspectionRequest& request_;
    CheckProgress progress_;
    std::int64_t formatVersion_ = 0; // the pack's, once checkIdentity has read it
    std::mutex timingMutex_;
    std::vector<std::pair<std::string, double>> timings_;
    // Collects stage times from both threads; reportTimings() hands them on from the caller's.
    const StageTimeSink recordTiming_ = [this](std::string_view stage, double seconds) {
        const std::lock_guard lock(timingMutex_);
        timings_.emplace_back(std::string(stage), seconds);
    };
};

} // namespace

pack::PackIndex inspectPack(const InspectionRequest& request) {
    return Inspector(request).run();
}

} // namespace kiosk::install
