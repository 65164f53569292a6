// Small helpers shared by the install_*_tests.cpp files (the bigger ones are in tests/install).
#pragma once

#include "TestPacks.hpp"
#include "db/Database.hpp"
#include "install/PackInstaller.hpp"
#include "pack/PackReader.hpp"

#include <string>

namespace kiosk::install::test {

// A pack without one of its pages (and every row that belongs to it).
inline std::vector<std::uint8_t> withoutPage(std::span<const std::uint8_t> pack, const std::string& pageId) {
    return changedPack(pack, [&](db::Database& database) {
        for (const char* table : {"page_texts", "page_blocks", "gallery_images", "gallery_captions",
                                  "meeting_texts", "meetings", "programme_texts", "programmes", "pages"}) {
            const std::string column = std::string(table) == "pages" ? "id" : "page_id";
            database.prepare("DELETE FROM " + std::string(table) + " WHERE " + column + " = ?")
                .bind(1, pageId)
                .run();
        }
    });
}

inline std::vector<std::uint8_t> withPackId(std::span<const std::uint8_t> pack, const std::string& packId) {
    return changedPack(pack, [&](db::Database& database) {
        database.prepare("UPDATE pack_meta SET value = ? WHERE key = 'pack_id'").bind(1, packId).run();
    });
}

// Writes `pack` onto the stick as `relative` and signs it for `packId` and `version`.
// The pack a start-up falls back to when nothing installed opens, as the kiosk's built-in demo.
inline const std::vector<std::uint8_t>& builtInTestPack() {
    static const std::vector<std::uint8_t> pack = withPackId(smallPack(1), "vn.commune.demo");
    return pack;
}

inline void putSignedPack(const std::filesystem::path& stick, const std::string& relative,
                          std::span<const std::uint8_t> pack, const TestKey& key, const std::string& packId,
                          std::int64_t version) {
    writeFile(stick / relative, pack);
    signPack(stick / relative, key, packId, version);
}

inline std::int64_t versionOf(const std::filesystem::path& pack) {
    return pack::PackReader::openFile(pack, KIOSK_VERSION_NUMBER).metadata().packVersion;
}

inline InstallRequest requestFor(const std::filesystem::path& stick, const DataFolder& kiosk) {
    InstallRequest request;
    request.stickRoot = stick;
    request.dataDirectory = kiosk.root();
    request.settings = testSettings();
    return request;
}

} // namespace kiosk::install::test
