// Replays every input kept in tests/fuzz/regressions through the fuzzer's entry point: each
// once crashed, hung or tripped a sanitizer, or is an edge case worth keeping.
#include "FuzzEntry.hpp"
#include "TestPacks.hpp"

#include <doctest/doctest.h>

using namespace kiosk;

TEST_CASE("fuzz regressions: every kept input runs through pack open, page load and decode") {
    const std::filesystem::path folder = std::filesystem::path(KIOSK_TEST_SOURCE_DIR) / "tests/fuzz/regressions";
    int replayed = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (!entry.is_regular_file() || entry.path().filename().string().starts_with("README"))
            continue;
        CAPTURE(entry.path().filename().string());
        const std::vector<std::uint8_t> bytes = install::test::readFile(entry.path());
        CHECK_NOTHROW(install::fuzz::explorePackBytes(bytes));
        ++replayed;
    }
    CHECK(replayed >= 3);
}

TEST_CASE("fuzz entry: a good pack goes all the way through") {
    CHECK_NOTHROW(install::fuzz::explorePackBytes(install::test::smallPack(3)));
}
