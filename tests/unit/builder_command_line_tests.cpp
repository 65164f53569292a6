// kiosk-pack's command line: exit codes, usage, build and info output.
#include "builder_test_source_tree.hpp"

#include "command_line_test_support.hpp"
#include "db/Database.hpp"

#include <algorithm>

#include <doctest/doctest.h>

using namespace kiosk;
using builder::test::SourceTree;

namespace {

using builder::test::RunResult;
const auto run = builder::test::runKioskPack;

} // namespace

TEST_CASE("kiosk-pack: --help prints usage and succeeds") {
    for (const std::vector<std::string>& arguments :
         {std::vector<std::string>{"--help"}, {"-h"}, {"help"}, {"build", "--help"}}) {
        CAPTURE(arguments.back());
        const RunResult result = run(arguments);
        CHECK(result.exitCode == 0);
        CHECK(result.out.find("usage: kiosk-pack build SOURCE_FOLDER -o OUTPUT.kpack") != std::string::npos);
        CHECK(result.errors.empty());
    }
}

TEST_CASE("kiosk-pack: usage errors print usage and exit with 2") {
    const std::vector<std::vector<std::string>> wrongCommandLines = {
        {},
        {"frobnicate"},
        {"build"},
        {"build", "source"},
        {"build", "source", "-o"},
        {"build", "source", "-o", "a.kpack", "--colour"},
        {"build", "source", "other", "-o", "a.kpack"},
        {"build", "source", "-o", "a.kpack", "-o", "b.kpack"},
        {"info"},
        {"info", "a.kpack", "b.kpack"},
    };
    for (const std::vector<std::string>& arguments : wrongCommandLines) {
        CAPTURE(arguments.size());
        const RunResult result = run(arguments);
        CHECK(result.exitCode == 2);
        CHECK(result.errors.find("usage: kiosk-pack") != std::string::npos);
        CHECK(result.out.empty());
    }
}

TEST_CASE("kiosk-pack: build then info") {
    const SourceTree source;
    const RunResult built = run({"build", source.root().string(), "-o", source.output().string()});
    INFO(built.errors);
    REQUIRE(built.exitCode == 0);
    CHECK(built.out.find("3 pages, 5 pictures") != std::string::npos);

    const RunResult info = run({"info", source.output().string()});
    INFO(info.errors);
    REQUIRE(info.exitCode == 0);
    CHECK(info.out.find("pack id:           vn.test.pack\n") != std::string::npos);
    CHECK(info.out.find("pack version:      3\n") != std::string::npos);
    CHECK(info.out.find("default language:  vie\n") != std::string::npos);
    CHECK(info.out.find("  eng  English  \"Commune information\"\n") != std::string::npos);
    CHECK(
        info.out.find("  health  category policies, article, 3 picture(s) (cover + 2 in gallery), featured\n"
                      "      vie: Bảo hiểm y tế\n"
                      "      eng: Health insurance\n") != std::string::npos);
    CHECK(info.out.find("  programme  category programmes, programme, 1 picture(s) (cover + 0 in gallery)\n"
                        "      vie: Chương trình 135\n  meeting") != std::string::npos);
    CHECK(info.out.find("pictures:          5 (") != std::string::npos);
}

TEST_CASE("kiosk-pack: build with a broken source lists the problems and exits with 1") {
    const SourceTree source;
    source.replaceIn("vie/health.txt", "category: policies", "category: nope");
    const RunResult result = run({"build", source.root().string(), "-o", source.output().string()});
    CHECK(result.exitCode == 1);
    CHECK(result.errors.find(source.shown("vie/health.txt") + ":3: unknown category 'nope'") !=
          std::string::npos);
    CHECK(result.errors.find("nothing was written") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(source.output()));
}

TEST_CASE("kiosk-pack: --font replaces the default fonts, and an unreadable font is refused") {
    const SourceTree source;
    const std::string regular = builder::defaultFontFiles().front().string();
    const RunResult withFont =
        run({"build", source.root().string(), "--font", regular, "-o", source.output().string()});
    CHECK(withFont.exitCode == 0);
    const RunResult notAFont = run({"build", source.root().string(), "--font",
                                    (source.root() / "pack.txt").string(), "-o", source.output().string()});
    CHECK(notAFont.exitCode == 1);
    CHECK(notAFont.errors.find("not a TrueType or OpenType font") != std::string::npos);
}

TEST_CASE("kiosk-pack: info on a file that is not a pack gives one line and exits with 1") {
    const builder::test::TemporaryDirectory folder;
    const std::filesystem::path garbage = folder.path() / "garbage.kpack";
    builder::test::writeText(garbage, std::string(8192, 'x'));
    const RunResult result = run({"info", garbage.string()});
    CHECK(result.exitCode == 1);
    CHECK(result.out.empty());
    CHECK(result.errors.starts_with("kiosk-pack: " + garbage.string() + ": "));
    CHECK(std::count(result.errors.begin(), result.errors.end(), '\n') == 1);

    const RunResult missing = run({"info", (folder.path() / "missing.kpack").string()});
    CHECK(missing.exitCode == 1);
    CHECK(std::count(missing.errors.begin(), missing.errors.end(), '\n') == 1);
}

TEST_CASE("kiosk-pack: info refuses a pack whose picture was tampered with") {
    const SourceTree source;
    REQUIRE(source.build().succeeded);
    {
        db::Database database = db::Database::open(source.output(), db::Database::Mode::ReadWriteCreate);
        database.execute("UPDATE images SET thumb_data = zeroblob(100) WHERE id = 1");
    }
    const RunResult result = run({"info", source.output().string()});
    CHECK(result.exitCode == 1);
    CHECK(result.errors.find("SHA-256") != std::string::npos);
    CHECK(result.out.empty());
}
