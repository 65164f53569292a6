#include "stats/ExportFormat.hpp"

#include "os/ConfinedDirectory.hpp"
#include "os/FileSystem.hpp"
#include "stats/Calendar.hpp"
#include "stats/CsvCells.hpp"
#include "stats/ExportSigning.hpp"
#include "stats/Json.hpp"
#include "stats/KioskIdentity.hpp"

#include <array>
#include <charconv>
#include <sodium.h>

namespace kiosk::stats {

namespace {

constexpr std::size_t maximumFieldBytes = 256;

bool isLowerHex(std::string_view text, std::size_t length) {
    if (text.size() != length)
        return false;
    for (const char character : text)
        if (!((character >= '0' && character <= '9') || (character >= 'a' && character <= 'f')))
            return false;
    return true;
}

std::optional<std::int64_t> parseInteger(std::string_view text) {
    std::int64_t value = 0;
    if (text.empty())
        return std::nullopt;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size())
        return std::nullopt;
    return value;
}

// Splits one CSV record starting at `position`; quoted fields are unescaped into `scratch`.
// Returns false at the end of the text.
class CsvCursor {
  public:
    explicit CsvCursor(std::string_view text) : text_(text) {}

    bool nextRecord(std::vector<std::string_view>& fields) {
        fields.clear();
        scratchUsed_ = 0;
        if (position_ >= text_.size())
            return false;
        ++line_;
        while (true) {
            fields.push_back(nextField());
            if (position_ >= text_.size())
                return true;
            const char separator = text_[position_++];
            if (separator == ',')
                continue;
            if (separator == '\r' && position_ < text_.size() && text_[position_] == '\n')
                ++position_;
            else if (separator != '\n')
                throw ExportFormatError("line " + std::to_string(line_) + ": text after a quoted field");
            return true;
        }
    }
    std::size_t line() const { return line_; }

  private:
    std::string_view nextField() {
        if (position_ < text_.size() && text_[position_] == '"') {
            ++position_;
            const std::size_t start = scratchUsed_;
            while (true) {
                if (position_ >= text_.size())
                    throw ExportFormatError("line " + std::to_string(line_) + ": unterminated quoted field");
                const char character = text_[position_++];
                if (character == '"') {
                    if (position_ < text_.size() && text_[position_] == '"') {
                        ++position_;
                    } else {
                        break;
                    }
                }
                if (scratchUsed_ >= scratch_.size())
                    throw ExportFormatError("line " + std::to_string(line_) + ": field too long");
                scratch_[scratchUsed_++] = character;
            }
            return std::string_view(scratch_.data() + start, scratchUsed_ - start);
        }
        const std::size_t start = position_;
        while (position_ < text_.size() && text_[position_] != ',' && text_[position_] != '\n' &&
               text_[position_] != '\r') {
            if (text_[position_] == '"')
                throw ExportFormatError("line " + std::to_string(line_) + ": quote inside an unquoted field");
            ++position_;
        }
        return text_.substr(start, position_ - start);
    }

    std::string_view text_;
    std::size_t position_ = 0;
    std::size_t line_ = 0;
    std::array<char, 8 * maximumFieldBytes> scratch_{};
    std::size_t scratchUsed_ = 0;
};

std::string jsonPackList(const std::vector<PackCatalog>& packs) {
    std::string out = "[";
    for (std::size_t index = 0; index < packs.size(); ++index) {
        out += index ? ",\n    " : "\n    ";
        out += "{\"id\": " + jsonQuoted(packs[index].packId) +
               ", \"version\": " + std::to_string(packs[index].version) + "}";
    }
    out += packs.empty() ? "]" : "\n  ]";
    return out;
}

std::string jsonCatalog(const std::vector<PackCatalog>& catalog) {
    std::string out = "[";
    for (std::size_t index = 0; index < catalog.size(); ++index) {
        const PackCatalog& pack = catalog[index];
        out += index ? ",\n    {" : "\n    {";
        out += "\"pack\": " + jsonQuoted(pack.packId) + ", \"version\": " + std::to_string(pack.version);
        out += ",\n     \"languages\": [";
        for (std::size_t entry = 0; entry < pack.languages.size(); ++entry)
            out += std::string(entry ? ", " : "") + "{\"code\": " + jsonQuoted(pack.languages[entry].code) +
                   ", \"name\": " + jsonQuoted(pack.languages[entry].name) + "}";
        out += "],\n     \"categories\": [";
        for (std::size_t entry = 0; entry < pack.categories.size(); ++entry)
            out += std::string(entry ? ",\n       " : "\n       ") +
                   "{\"id\": " + jsonQuoted(pack.categories[entry].id) +
                   ", \"title\": " + jsonQuoted(pack.categories[entry].title) + "}";
        out += "],\n     \"pages\": [";
        for (std::size_t entry = 0; entry < pack.pages.size(); ++entry) {
            const CatalogPage& page = pack.pages[entry];
            out += std::string(entry ? ",\n       " : "\n       ") + "{\"id\": " + jsonQuoted(page.id) +
                   ", \"category\": " + jsonQuoted(page.categoryId) + ", \"kind\": " + jsonQuoted(page.kind) +
                   ", \"title\": " + jsonQuoted(page.title) + "}";
        }
        out += "]}";
    }
    out += catalog.empty() ? "]" : "\n  ]";
    return out;
}

std::string requiredText(const JsonDocument& document, const std::string& path) {
    auto value = document.text(path);
    if (!value)
        throw ExportFormatError("header: missing or not text: " + path);
    return *value;
}

std::int64_t requiredInteger(const JsonDocument& document, const std::string& path) {
    auto value = document.integer(path);
    if (!value)
        throw ExportFormatError("header: missing or not an integer: " + path);
    return *value;
}

std::string limited(std::string text) {
    if (text.size() > maximumFieldBytes)
        throw ExportFormatError("header: text longer than " + std::to_string(maximumFieldBytes) + " bytes");
    return text;
}

std::vector<PackCatalog> parseCatalog(const JsonDocument& document) {
    std::vector<PackCatalog> catalog;
    for (const JsonDocument& packEntry : document.objects("$.catalog")) {
        PackCatalog pack;
        pack.packId = limited(requiredText(packEntry, "$.pack"));
        pack.version = packEntry.integer("$.version").value_or(0);
        for (const JsonDocument& entry : packEntry.objects("$.languages"))
            pack.languages.push_back(
                {limited(requiredText(entry, "$.code")), limited(entry.text("$.name").value_or(""))});
        for (const JsonDocument& entry : packEntry.objects("$.categories"))
            pack.categories.push_back(
                {limited(requiredText(entry, "$.id")), limited(entry.text("$.title").value_or(""))});
        for (const JsonDocument& entry : packEntry.objects("$.pages"))
            pack.pages.push_back({limited(requiredText(entry, "$.id")),
                                  limited(entry.text("$.category").value_or("")),
                                  limited(entry.text("$.kind").value_or("article")),
                                  limited(entry.text("$.title").value_or(""))});
        catalog.push_back(std::move(pack));
    }
    return catalog;
}

// Fast, strict YYYY-MM-DD: this runs once per CSV row in a merge of millions.
std::optional<std::int64_t> fastParseDay(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    int digits[8];
    const std::size_t positions[8] = {0, 1, 2, 3, 5, 6, 8, 9};
    for (int index = 0; index < 8; ++index) {
        const char character = text[positions[index]];
        if (character < '0' || character > '9')
            return std::nullopt;
        digits[index] = character - '0';
    }
    const int year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3];
    const int month = digits[4] * 10 + digits[5];
    const int day = digits[6] * 10 + digits[7];
    static constexpr int daysIn[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1970 || month < 1 || month > 12 || day < 1 || day > daysIn[month - 1])
        return std::nullopt;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month == 2 && day == 29 && !leap)
        return std::nullopt;
    return dayNumberFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

bool isMetricName(std::string_view text) {
    if (text.empty() || text.size() > 40)
        return false;
    for (const char character : text)
        if (!((character >= 'a' && character <= 'z') || character == '_'))
            return false;
    return true;
}

} // namespace

std::string sha256Hex(std::string_view bytes) {
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not be initialised");
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

std::string formatCountsCsv(const CountTable& counts) {
    std::string out;
    out.reserve(64 * (counts.size() + 1));
    out += countsCsvHeader;
    out += '\n';
    for (const auto& [key, count] : counts) {
        if (key.period.isDated()) {
            out += key.period.date;
            out += ",,,";
        } else {
            out += ',';
            out += std::to_string(key.period.boot);
            out += ',';
            out += std::to_string(key.period.uptimeDay);
            out += ',';
        }
        appendCsvCell(out, key.metric);
        out += ',';
        appendCsvCell(out, key.subject);
        out += ',';
        appendCsvCell(out, key.language);
        out += ',';
        appendCsvCell(out, key.detail);
        out += ',';
        out += std::to_string(count);
        out += '\n';
    }
    return out;
}

ExportPeriod periodOf(const CountTable& counts) {
    ExportPeriod period;
    for (const auto& [key, count] : counts) {
        if (key.period.isDated()) {
            if (period.firstDay.empty() || key.period.date < period.firstDay)
                period.firstDay = key.period.date;
            if (period.lastDay.empty() || key.period.date > period.lastDay)
                period.lastDay = key.period.date;
        } else {
            ++period.undatedRows;
            if (period.firstBoot == 0 || key.period.boot < period.firstBoot)
                period.firstBoot = key.period.boot;
            if (key.period.boot > period.lastBoot)
                period.lastBoot = key.period.boot;
        }
    }
    return period;
}

std::string formatHeaderJson(const ExportHeader& header) {
    auto textOrNull = [](const std::string& text) {
        return text.empty() ? std::string("null") : jsonQuoted(text);
    };
    std::string out = "{\n";
    out += "  \"format\": " + jsonQuoted(exportFormatName) + ",\n";
    out += "  \"format_version\": " + std::to_string(exportFormatVersion) + ",\n";
    out += "  \"kiosk_id\": " + jsonQuoted(header.kioskId) + ",\n";
    out += "  \"database_id\": " + jsonQuoted(header.databaseId) + ",\n";
    out += "  \"sequence\": " + std::to_string(header.sequence) + ",\n";
    out += "  \"place_name\": " + jsonQuoted(header.placeName) + ",\n";
    out += "  \"kiosk_version\": " + std::to_string(header.kioskVersion) + ",\n";
    out += "  \"exported_at\": " + textOrNull(header.exportedAt) + ",\n";
    out += "  \"clock\": {\"status\": " + jsonQuoted(header.clockStatus) +
           ", \"trusted\": " + (header.clockTrusted ? "true" : "false") + "},\n";
    out += "  \"period\": {\"first_day\": " + textOrNull(header.period.firstDay) +
           ", \"last_day\": " + textOrNull(header.period.lastDay) +
           ", \"undated_rows\": " + std::to_string(header.period.undatedRows) +
           ", \"first_boot\": " + std::to_string(header.period.firstBoot) +
           ", \"last_boot\": " + std::to_string(header.period.lastBoot) + "},\n";
    out += "  \"counts_file\": " + jsonQuoted(header.countsFile) + ",\n";
    out += "  \"counts_rows\": " + std::to_string(header.countsRows) + ",\n";
    out += "  \"counts_sha256\": " + jsonQuoted(header.countsSha256) + ",\n";
    out += "  \"packs\": " + jsonPackList(header.installedPacks) + ",\n";
    out += "  \"catalog\": " + jsonCatalog(header.catalog);
    if (!header.kioskPublicKey.empty()) {
        // Last, each on its own line: ExportSigning finds the signature's one occurrence in
        // the file and blanks it to get back the exact bytes that were signed.
        out += ",\n  \"kiosk_public_key\": " + jsonQuoted(header.kioskPublicKey);
        out += ",\n  \"signature\": " + jsonQuoted(header.signature);
    }
    out += "\n}\n";
    return out;
}

void parseCountsCsv(std::string_view text, const std::function<void(const CsvCount&)>& onRow) {
    CsvCursor cursor(text);
    std::vector<std::string_view> fields;
    fields.reserve(8);
    if (!cursor.nextRecord(fields) || fields.size() != 8)
        throw ExportFormatError("line 1: not a statistics CSV header");
    {
        std::string header;
        for (std::size_t index = 0; index < fields.size(); ++index)
            header += std::string(index ? "," : "") + std::string(fields[index]);
        if (header != countsCsvHeader)
            throw ExportFormatError("line 1: not a statistics CSV header");
    }
    std::string lastDate;
    std::int64_t lastDayNumber = 0;
    CsvCount row;
    while (cursor.nextRecord(fields)) {
        const std::string where = "line ";
        auto fail = [&](const std::string& why) {
            throw ExportFormatError(where + std::to_string(cursor.line()) + ": " + why);
        };
        if (fields.size() != 8)
            fail("expected 8 fields, found " + std::to_string(fields.size()));
        row.date = fields[0];
        if (!row.date.empty()) {
            if (row.date != lastDate) {
                const auto day = fastParseDay(row.date);
                if (!day)
                    fail("bad date");
                lastDate.assign(row.date);
                lastDayNumber = *day;
            }
            row.dayNumber = lastDayNumber;
            if (!fields[1].empty() || !fields[2].empty())
                fail("a dated row has a boot number");
            row.boot = 0;
            row.uptimeDay = 0;
        } else {
            row.dayNumber.reset();
            const auto boot = parseInteger(fields[1]);
            const auto uptimeDay = parseInteger(fields[2]);
            if (!boot || *boot < 1 || !uptimeDay || *uptimeDay < 0)
                fail("an undated row needs a boot number and an uptime day");
            row.boot = *boot;
            row.uptimeDay = *uptimeDay;
        }
        if (!isMetricName(fields[3]))
            fail("bad metric name");
        for (int index = 4; index <= 6; ++index)
            if (fields[static_cast<std::size_t>(index)].size() > maximumFieldBytes)
                fail("field too long");
        row.metric = fields[3];
        row.subject = withoutFormulaGuard(fields[4]);
        row.language = withoutFormulaGuard(fields[5]);
        row.detail = withoutFormulaGuard(fields[6]);
        const auto count = parseInteger(fields[7]);
        if (!count || *count < 0 || *count > 1'000'000'000'000)
            fail("bad count");
        row.count = *count;
        onRow(row);
    }
}

ExportHeader parseHeaderJson(std::string text, bool& isForeign) {
    isForeign = true;
    const auto document = JsonDocument::parse(std::move(text));
    if (!document || document->text("$.format") != std::string(exportFormatName))
        throw ExportFormatError("not a kiosk statistics header");
    isForeign = false;
    const std::int64_t version = requiredInteger(*document, "$.format_version");
    if (version > exportFormatVersion)
        throw ExportFormatError("written by a newer kiosk (format " + std::to_string(version) +
                                "); update kiosk-stats");
    ExportHeader header;
    header.kioskId = requiredText(*document, "$.kiosk_id");
    if (!isValidKioskId(header.kioskId))
        throw ExportFormatError("header: bad kiosk id");
    header.databaseId = requiredText(*document, "$.database_id");
    if (!isLowerHex(header.databaseId, 16))
        throw ExportFormatError("header: bad database id");
    header.sequence = requiredInteger(*document, "$.sequence");
    if (header.sequence < 1 || header.sequence > kMaximumExportSequence)
        throw ExportFormatError("header: sequence " + std::to_string(header.sequence) +
                                " is not between 1 and " + std::to_string(kMaximumExportSequence));
    header.countsFile = requiredText(*document, "$.counts_file");
    // Only the sibling named after the sequence: a header must not point anywhere else.
    if (header.countsFile != std::to_string(header.sequence) + ".csv")
        throw ExportFormatError("header: counts file must be " + std::to_string(header.sequence) + ".csv");
    header.countsRows = requiredInteger(*document, "$.counts_rows");
    header.countsSha256 = requiredText(*document, "$.counts_sha256");
    if (!isLowerHex(header.countsSha256, 64))
        throw ExportFormatError("header: bad checksum");
    header.placeName = limited(document->text("$.place_name").value_or(""));
    header.kioskVersion = document->integer("$.kiosk_version").value_or(0);
    header.exportedAt = limited(document->text("$.exported_at").value_or(""));
    header.clockStatus = limited(document->text("$.clock.status").value_or("unknown"));
    header.clockTrusted = document->boolean("$.clock.trusted").value_or(false);
    header.period.firstDay = document->text("$.period.first_day").value_or("");
    header.period.lastDay = document->text("$.period.last_day").value_or("");
    header.period.undatedRows = document->integer("$.period.undated_rows").value_or(0);
    header.period.firstBoot = document->integer("$.period.first_boot").value_or(0);
    header.period.lastBoot = document->integer("$.period.last_boot").value_or(0);
    for (const JsonDocument& entry : document->objects("$.packs")) {
        PackCatalog pack;
        pack.packId = limited(requiredText(entry, "$.id"));
        pack.version = entry.integer("$.version").value_or(0);
        header.installedPacks.push_back(std::move(pack));
    }
    header.catalog = parseCatalog(*document);
    header.kioskPublicKey = document->text("$.kiosk_public_key").value_or("");
    header.signature = document->text("$.signature").value_or("");
    if (!header.kioskPublicKey.empty() || !header.signature.empty()) {
        if (!isLowerHex(header.kioskPublicKey, 64))
            throw ExportFormatError("header: bad kiosk public key");
        if (!isLowerHex(header.signature, 128))
            throw ExportFormatError("header: bad signature");
    }
    return header;
}

std::filesystem::path exportFolderFor(const std::filesystem::path& stickKioskFolder,
                                      const std::string& kioskId) {
    return stickKioskFolder / "stats" / kioskId;
}

std::optional<std::int64_t> parseExportSequence(std::string_view text) {
    // Digits only: no sign, no spaces, no leading zeros (so one number has one file name).
    if (text.empty() || text.size() > 10 || (text.size() > 1 && text.front() == '0'))
        return std::nullopt;
    for (const char character : text)
        if (character < '0' || character > '9')
            return std::nullopt;
    const auto value = parseInteger(text);
    if (!value || *value < 1 || *value > kMaximumExportSequence)
        return std::nullopt;
    return value;
}

std::int64_t highestSequenceIn(const std::filesystem::path& stickKioskFolder, const std::string& kioskId) {
    std::int64_t highest = 0;
    try {
        const os::ConfinedDirectory folder =
            os::ConfinedDirectory::open(stickKioskFolder)
                .subdirectory("stats/" + kioskId, os::ConfinedDirectory::IfMissing::Fail);
        for (const os::DirectoryEntry& entry : folder.list()) {
            const std::size_t dot = entry.name.find('.');
            if (dot == std::string::npos)
                continue;
            const std::string_view extension = std::string_view(entry.name).substr(dot);
            if (extension != ".csv" && extension != ".json")
                continue;
            // A name beyond kMaximumExportSequence is not a number this kiosk ever wrote.
            if (const auto sequence = parseExportSequence(std::string_view(entry.name).substr(0, dot));
                sequence && *sequence > highest)
                highest = *sequence;
        }
    } catch (const os::FileError&) {
        // No folder yet, or one that is a link: nothing on the stick to number above.
    }
    return highest;
}

WrittenExport writeExport(const std::filesystem::path& stickKioskFolder, ExportHeader header,
                          const CountTable& counts, const signing::SecretKey* key) {
    return writeExportText(stickKioskFolder, std::move(header), formatCountsCsv(counts),
                           static_cast<std::int64_t>(counts.size()), periodOf(counts), key);
}

WrittenExport writeExportText(const std::filesystem::path& stickKioskFolder, ExportHeader header,
                              const std::string& csv, std::int64_t rows, const ExportPeriod& period,
                              const signing::SecretKey* key) {
    // Only ever beneath the kiosk folder, whatever the stick holds: a `stats` or `<kiosk-id>`
    // that is a link, FIFO or mount refuses the export (os::ConfinementError) instead of
    // leading it off the stick.
    const os::ConfinedDirectory folder =
        os::ConfinedDirectory::open(stickKioskFolder, os::ConfinedDirectory::IfMissing::Create)
            .subdirectory("stats/" + header.kioskId, os::ConfinedDirectory::IfMissing::Create);

    header.countsFile = std::to_string(header.sequence) + ".csv";
    header.countsRows = rows;
    header.countsSha256 = sha256Hex(csv);
    header.period = period;

    WrittenExport written;
    const std::string headerName = std::to_string(header.sequence) + ".json";
    written.countsFile = folder.path() / header.countsFile;
    written.headerFile = folder.path() / headerName;
    written.rows = rows;
    folder.writeFileAtomically(header.countsFile, csv);
    folder.writeFileAtomically(headerName,
                               key ? formatSignedHeaderJson(header, *key) : formatHeaderJson(header));
    return written;
}

} // namespace kiosk::stats
