#include "install/PackInspection.hpp"

#include "db/Database.hpp"
#include "image/ImageCodec.hpp"
#include "pack/PackReader.hpp"
#include "pack/PackSchema.hpp"
#include "signing/Sha256.hpp"
#include "text/Unicode.hpp"

#include <atomic>
#include <charconv>
#include <climits>
#include <map>
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
    db::Statement rows =
        database.prepare("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema ORDER BY type, name");
    while (rows.step())
        objects.push_back(SchemaObject{rows.text(0), rows.text(1), rows.text(2), rows.text(3)});
    return objects;
}

// Format version 1's schema exactly as kSchemaSql creates it; a pack must match it object for object.
struct ReferenceSchema {
    std::vector<SchemaObject> objects;
    // The TEXT columns of every table, for the text checks.
    std::vector<std::pair<std::string, std::vector<std::string>>> textColumns;
};

const ReferenceSchema& referenceSchema() {
    static const ReferenceSchema reference = [] {
        db::Database database = db::Database::open(":memory:", db::Database::Mode::ReadWriteCreate);
        database.execute(pack::kSchemaSql);
        ReferenceSchema schema;
        schema.objects = schemaOf(database);
        for (const SchemaObject& object : schema.objects) {
            if (object.type != "table")
                continue;
            std::vector<std::string> columns;
            db::Statement info = database.prepare("SELECT name, type FROM pragma_table_info('" + object.name + "')");
            while (info.step())
                if (info.text(1) == "TEXT")
                    columns.push_back(info.text(0));
            schema.textColumns.emplace_back(object.name, std::move(columns));
        }
        return schema;
    }();
    return reference;
}

std::string shortened(const std::string& text) { return text.size() > 60 ? text.substr(0, 60) + "…" : text; }

class Inspector {
public:
    explicit Inspector(const InspectionRequest& request) : request_(request) {}

    pack::PackIndex run() {
        db::Database database = openDatabase();
        checkIdentity(database);
        checkSchema(database);
        report(0.05);
        checkIntegrity(database);
        report(0.15);
        const pack::PackMetadata metadata = checkMetadata(database);
        if (request_.checkMetadata)
            request_.checkMetadata(metadata);
        checkAllTexts(database);
        report(0.25);
        pack::PackReader reader = openReader();
        checkDrawable(reader);
        report(0.3);
        checkImages(database, 0.3, 1.0);
        return reader.index();
    }

private:
    void report(double fraction) const {
        if (request_.onProgress && !request_.onProgress(fraction))
            throw Refusal(Reason::Cancelled, "checking the pack was cancelled");
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
            throw Refusal(Reason::PackContentInvalid, error.what());
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

    static void checkIdentity(const db::Database& database) {
        if (pragmaNumber(database, "application_id") != pack::kApplicationId)
            throw Refusal(Reason::PackNotAPack, "an SQLite file, but not a kiosk content pack (wrong application id)");
        const std::int64_t format = pragmaNumber(database, "user_version");
        if (format != pack::kFormatVersion)
            throw Refusal(Reason::PackFormatUnsupported, "pack format version " + std::to_string(format) +
                                                             "; this kiosk reads version " +
                                                             std::to_string(pack::kFormatVersion));
    }

    static void checkSchema(const db::Database& database) {
        const std::vector<SchemaObject> found =
            damagedOnError("cannot read the pack's schema", [&] { return schemaOf(database); });
        const std::vector<SchemaObject>& expected = referenceSchema().objects;
        // Objects that could run code or write: refused as unsafe, whatever else is wrong.
        for (const SchemaObject& object : found) {
            const bool virtualTable = object.type == "table" && object.sql.find("VIRTUAL") != std::string::npos;
            if (object.type == "trigger" || object.type == "view" || virtualTable)
                throw Refusal(Reason::PackSchemaUnsafe, "the pack contains a " + (virtualTable ? "virtual table" : object.type) +
                                                            " ('" + shortened(object.name) +
                                                            "'); content packs never have one");
        }
        for (const SchemaObject& object : expected)
            if (std::find(found.begin(), found.end(), object) == found.end())
                throw Refusal(Reason::PackSchemaInvalid, "the " + object.type + " '" + object.name +
                                                             "' is missing or differs from format version 1");
        for (const SchemaObject& object : found)
            if (std::find(expected.begin(), expected.end(), object) == expected.end())
                throw Refusal(Reason::PackSchemaInvalid, "the pack has an extra " + object.type + " '" +
                                                             shortened(object.name) + "'");
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
                                                              "' refers to a missing row of '" + keys.text(2) + "'");
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
        if (metadata.formatVersion != pack::kFormatVersion)
            throw Refusal(Reason::PackFormatUnsupported,
                          "pack_meta says format version " + std::to_string(metadata.formatVersion) +
                              "; this kiosk reads version " + std::to_string(pack::kFormatVersion));
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

    static void checkText(const std::string& value, const std::string& where) {
        if (!text::isValidUtf8(value))
            throw Refusal(Reason::PackTextInvalid, where + ": invalid UTF-8");
        if (!text::isNfc(value))
            throw Refusal(Reason::PackTextNotNfc, where + ": text is not in Unicode NFC form (decomposed accents)");
        if (const std::optional<std::string> problem = text::packTextProblem(value))
            throw Refusal(Reason::PackTextInvalid, where + ": " + *problem);
    }

    void checkAllTexts(const db::Database& database) const {
        for (const auto& tableColumns : referenceSchema().textColumns) {
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
        if (!request_.glyphs)
            return;
        for (const char32_t codePoint : reader.usedCodePoints()) {
            if (!request_.glyphs->canDraw(codePoint)) {
                char hex[16];
                std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(codePoint));
                throw Refusal(Reason::PackTextNotDrawable,
                              std::string("the kiosk's fonts cannot draw ") + hex + " '" + text::encodeUtf8(codePoint) + "'");
            }
        }
    }

    struct ImageVariant {
        const char* label;
        const char* dataColumn;
        int maximumSide;
        std::string mime;
        std::int64_t width = 0;
        std::int64_t height = 0;
        std::string sha256;
        std::int64_t length = 0;
    };

    void checkImages(const db::Database& database, double progressStart, double progressEnd) const {
        struct Row {
            std::int64_t id;
            std::string name;
            ImageVariant full;
            ImageVariant thumbnail;
        };
        std::vector<Row> rows;
        damagedOnError("cannot read table images", [&] {
            db::Statement select = database.prepare(
                "SELECT id, name, mime, width, height, sha256, length(data), "
                "thumb_mime, thumb_width, thumb_height, thumb_sha256, length(thumb_data) FROM images ORDER BY id");
            while (select.step()) {
                // Columns 2..6 describe the picture, 7..11 its thumbnail, in the same order.
                auto variant = [&](const char* label, const char* dataColumn, int maximumSide, int first) {
                    return ImageVariant{label,
                                        dataColumn,
                                        maximumSide,
                                        select.text(first),
                                        select.integer(first + 1),
                                        select.integer(first + 2),
                                        select.text(first + 3),
                                        select.integer(first + 4)};
                };
                rows.push_back(Row{select.integer(0), select.text(1),
                                   variant("picture", "data", pack::kMaximumImageSide, 2),
                                   variant("thumbnail", "thumb_data", pack::kThumbnailSide, 7)});
            }
            return 0;
        });
        // Decoding every picture is most of the work for a big pack: share it between two
        // threads, each with its own read-only connection. The refusal reported is that of the
        // first bad picture in id order, whichever thread finds it, so results never depend on
        // timing: a thread stops only past the first failure found so far.
        constexpr std::size_t kWorkers = 2;
        std::atomic<std::size_t> firstFailure{rows.size()};
        std::atomic<std::size_t> checked{0};
        std::vector<std::optional<std::pair<std::size_t, Refusal>>> failures(kWorkers);
        std::atomic<bool> cancelled{false};
        auto work = [&](std::size_t worker, const db::Database& connection) {
            for (std::size_t index = worker; index < rows.size() && index < firstFailure && !cancelled;
                 index += kWorkers) {
                const Row& row = rows[index];
                try {
                    for (const ImageVariant* variant : {&row.full, &row.thumbnail})
                        checkImage(connection, row.id, row.name, *variant);
                } catch (const Refusal& refusal) {
                    failures[worker].emplace(index, refusal);
                    std::size_t known = firstFailure;
                    while (index < known && !firstFailure.compare_exchange_weak(known, index)) {
                    }
                    return;
                }
                ++checked;
                // Only the calling thread reports (and learns of a cancel).
                if (worker == 0 && request_.onProgress &&
                    !request_.onProgress(progressStart + (progressEnd - progressStart) *
                                                             static_cast<double>(checked) /
                                                             static_cast<double>(std::max<std::size_t>(rows.size(), 1))))
                    cancelled = true;
            }
        };
        {
            std::optional<db::Database> second;
            if (rows.size() > 1)
                second.emplace(openDatabase());
            std::jthread helper;
            if (second)
                helper = std::jthread([&] { work(1, *second); });
            else
                failures.resize(1);
            work(0, database);
        }
        if (cancelled)
            throw Refusal(Reason::Cancelled, "checking the pack was cancelled");
        std::optional<std::pair<std::size_t, Refusal>> first;
        for (const auto& failure : failures)
            if (failure && (!first || failure->first < first->first))
                first = failure;
        if (first)
            throw first->second;
        report(progressEnd);
    }

    static void checkImage(const db::Database& database, std::int64_t id, const std::string& name,
                           const ImageVariant& variant) {
        const std::string where = std::string(variant.label) + " '" + shortened(name) + "'";
        if (variant.width < 1 || variant.height < 1)
            throw Refusal(Reason::ImageDamaged, where + " has no size");
        if (variant.width > variant.maximumSide || variant.height > variant.maximumSide)
            throw Refusal(Reason::ImageTooLarge, where + " claims to be " + std::to_string(variant.width) + "x" +
                                                     std::to_string(variant.height) + "; the limit is " +
                                                     std::to_string(variant.maximumSide) + " pixels a side");
        if (variant.length < 1 || static_cast<std::uint64_t>(variant.length) > pack::kMaximumImageBytes)
            throw Refusal(Reason::ImageTooLarge, where + " is " + std::to_string(variant.length) +
                                                     " bytes; the limit is " + std::to_string(pack::kMaximumImageBytes));
        if (variant.mime != "image/png" && variant.mime != "image/jpeg")
            throw Refusal(Reason::ImageDamaged, where + " has the unsupported type '" + shortened(variant.mime) + "'");
        const std::vector<std::uint8_t> bytes = damagedOnError("cannot read " + where, [&] {
            db::Statement select =
                database.prepare(std::string("SELECT ") + variant.dataColumn + " FROM images WHERE id = ?");
            select.bind(1, id);
            return select.step() ? select.blob(0) : std::vector<std::uint8_t>();
        });
        if (signing::sha256Hex(bytes) != variant.sha256)
            throw Refusal(Reason::ImageDamaged, where + " does not match its SHA-256");
        // First the header alone, with no limit, to tell a bomb from a damaged picture.
        image::ImageHeader header;
        try {
            header = image::probeImage(bytes, image::ImageLimits{INT_MAX, UINT64_MAX});
        } catch (const image::ImageError& error) {
            throw Refusal(Reason::ImageDamaged, where + ": " + error.what());
        }
        if (header.mime != variant.mime)
            throw Refusal(Reason::ImageDamaged, where + " is stored as " + variant.mime + " but is " + header.mime);
        if (header.width > variant.maximumSide || header.height > variant.maximumSide)
            throw Refusal(Reason::ImageDecompressionBomb,
                          where + " would decode to " + std::to_string(header.width) + "x" +
                              std::to_string(header.height) + " pixels (the table says " + std::to_string(variant.width) +
                              "x" + std::to_string(variant.height) + ")");
        if (header.width != variant.width || header.height != variant.height)
            throw Refusal(Reason::ImageDamaged, where + " is " + std::to_string(header.width) + "x" +
                                                    std::to_string(header.height) + " but the table says " +
                                                    std::to_string(variant.width) + "x" + std::to_string(variant.height));
        try {
            const std::uint64_t side = static_cast<std::uint64_t>(variant.maximumSide);
            image::decodeImage(bytes, image::ImageLimits{variant.maximumSide, side * side});
        } catch (const image::ImageError& error) {
            throw Refusal(Reason::ImageDamaged, where + ": " + error.what());
        }
    }

    const InspectionRequest& request_;
};

} // namespace

pack::PackIndex inspectPack(const InspectionRequest& request) { return Inspector(request).run(); }

} // namespace kiosk::install
