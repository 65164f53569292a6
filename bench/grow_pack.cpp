// bench-grow-pack PACK [--to-mib N] [--version N]: changes a built pack in place for the
// emulated board's install figures and power cuts. --to-mib adds random-pixel pictures (the
// install tests' growPackWithPictures) until the pack holds at least N MiB, so its install is
// as slow as a real 200 MB pack's: the pictures do not compress and every one is decoded by
// the install check. --version sets the pack's version, so that the same content can be
// installed again as a newer pack. Sign the result afterwards (kiosk-pack sign): the
// signature covers the whole file.
#include "TestPacks.hpp"

#include "db/Database.hpp"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>

using namespace kiosk;

namespace {

std::int64_t wholeNumber(const std::string& option, const std::string& text) {
    std::size_t used = 0;
    try {
        const long long value = std::stoll(text, &used);
        if (used == text.size() && value >= 0)
            return value;
    } catch (const std::logic_error&) {
    }
    throw std::invalid_argument(option + " wants a whole number, not '" + text + "'");
}

} // namespace

int main(int argumentCount, char** argumentValues) {
    if (argumentCount < 2 || argumentCount % 2 != 0) {
        std::fprintf(stderr, "usage: bench-grow-pack PACK [--to-mib N] [--version N]\n");
        return 2;
    }
    const std::filesystem::path pack = argumentValues[1];
    std::optional<std::uint64_t> targetMiB;
    std::optional<std::int64_t> version;
    try {
        for (int index = 2; index + 1 < argumentCount; index += 2) {
            const std::string option = argumentValues[index];
            if (option == "--to-mib")
                targetMiB = wholeNumber(option, argumentValues[index + 1]);
            else if (option == "--version")
                version = wholeNumber(option, argumentValues[index + 1]);
            else
                throw std::invalid_argument("unknown option " + option);
        }
        if (!std::filesystem::is_regular_file(pack))
            throw std::invalid_argument(pack.string() + " is not a pack file");
        if (targetMiB)
            install::test::growPackWithPictures(pack, *targetMiB * 1024 * 1024);
        if (version) {
            db::Database database = db::Database::open(pack, db::Database::Mode::ReadWriteCreate);
            database.prepare("UPDATE pack_meta SET value = ? WHERE key = 'pack_version'")
                .bind(1, std::to_string(*version))
                .run();
        }
        std::printf("%s: %ju bytes\n", pack.c_str(),
                    static_cast<std::uintmax_t>(std::filesystem::file_size(pack)));
        return 0;
    } catch (const std::exception& error) {
        std::cerr << "bench-grow-pack: " << error.what() << "\n";
        return 1;
    }
}
