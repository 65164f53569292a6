// Marking the part being read: where a narration starts each block of its page, from a
// person's timings file (<lang>/<page-id>.timings.txt) or from the computer voice read block by
// block; what kiosk-pack refuses, and what the reader refuses in a hostile pack.
#include "audio_test_support.hpp"
#include "builder/NarrationTimings.hpp"
#include "builder_test_source_tree.hpp"
#include "db/Database.hpp"
#include "pack/PackReader.hpp"
#include "pack/PackSchema.hpp"

#include <doctest/doctest.h>

#include <limits>

using namespace kiosk;
using builder::test::joinedProblems;
using builder::test::mentions;
using builder::test::SourceTree;

namespace {

// The health page (7 blocks in Vietnamese) recorded in 1.5 s.
void addRecording(const SourceTree& source) {
    source.writeBytes("vie/health.ogg", audio::test::encodeOggVorbis(audio::test::makeTone(1, 16000, 1500)));
}

constexpr const char* kSevenTimes = "# where each block of vie/health.txt starts\n"
                                    "0:00.2\n0:00.35\n0:00.5\n\n0:00.65\n0:00.8\n0:01\n0:01.25\n";

} // namespace

TEST_CASE("narration timings: minutes and seconds with up to three decimals") {
    CHECK(builder::parseTimestampMilliseconds("0:00") == 0);
    CHECK(builder::parseTimestampMilliseconds("1:05") == 65'000);
    CHECK(builder::parseTimestampMilliseconds("1:05.5") == 65'500);
    CHECK(builder::parseTimestampMilliseconds("12:59.125") == 779'125);
    CHECK(builder::parseTimestampMilliseconds("0:00.05") == 50);
    for (const char* bad : {"", "5", "1:5", "1:60", "1:05.", "1:05.1234", "-1:05", "1:05 ", "100:00", "a:bc",
                            "1:05,5", ":05"}) {
        CAPTURE(bad);
        CHECK_FALSE(builder::parseTimestampMilliseconds(bad));
    }
}

TEST_CASE(
    "narration timings: a recorded narration's timings file marks each block, and the reader gives them "
    "back") {
    const SourceTree source;
    addRecording(source);
    source.writeText("vie/health.timings.txt", kSevenTimes);
    const builder::BuildResult result = source.build();
    REQUIRE_MESSAGE(result.succeeded, joinedProblems(result));
    const pack::PackReader reader = builder::test::openBuiltPack(source);
    CHECK(reader.metadata().formatVersion == pack::kSpokenTitlesFormatVersion);
    const pack::AudioClipInfo* narration = reader.index().narration("health", "vie");
    REQUIRE(narration != nullptr);
    REQUIRE(narration->marks.size() == 7);
    CHECK(narration->marks[0].block == 0);
    CHECK(narration->marks[0].startMilliseconds == 200);
    CHECK(narration->marks[6].block == 6);
    CHECK(narration->marks[6].startMilliseconds == 1250);
    CHECK_FALSE(narration->blockReadAt(199)); // the title and summary
    CHECK(narration->blockReadAt(200) == 0);
    CHECK(narration->blockReadAt(649) == 2);
    CHECK(narration->blockReadAt(650) == 3);
    CHECK(narration->blockReadAt(1499) == 6);
}

TEST_CASE("narration timings: kiosk-pack refuses timings that do not fit the page or the recording, with the "
          "line") {
    const SourceTree source;
    addRecording(source);
    const std::string file = source.shown("vie/health.timings.txt");
    SUBCASE("too few") {
        source.writeText("vie/health.timings.txt", "0:00.2\n0:00.4\n");
        const builder::BuildResult refused = source.build();
        CHECK(mentions(refused, file + ":2: 2 times for a page of 7 blocks"));
    }
    SUBCASE("too many") {
        source.writeText("vie/health.timings.txt", std::string(kSevenTimes) + "0:01.4\n");
        CHECK(mentions(source.build(), file + ":10: more times than the page has blocks (7)"));
    }
    SUBCASE("going back") {
        source.writeText("vie/health.timings.txt",
                         "0:00.2\n0:00.35\n0:00.3\n0:00.65\n0:00.8\n0:01\n0:01.25\n");
        CHECK(mentions(source.build(), file + ":3: block 3 starts at 0:00.3, not after block 2 (0:00.35)"));
    }
    SUBCASE("past the recording's end") {
        source.writeText("vie/health.timings.txt", "0:00.2\n0:00.35\n0:00.5\n0:00.65\n0:00.8\n0:01\n0:02\n");
        CHECK(mentions(source.build(),
                       file + ":7: block 7 starts at 0:02, after the recording's end (0:01.5)"));
    }
    SUBCASE("not a time") {
        source.writeText("vie/health.timings.txt", "0:00.2\nhalf a minute\n");
        CHECK(mentions(source.build(), file + ":2: a time must be minutes:seconds"));
    }
    SUBCASE("without a recording, or without text in the language") {
        source.remove("vie/health.ogg");
        source.writeText("vie/health.timings.txt", kSevenTimes);
        source.writeText("vie/programme.timings.txt", "0:01\n");
        source.writeBytes("hmn/health.ogg",
                          audio::test::encodeOggVorbis(audio::test::makeTone(1, 16000, 900)));
        source.writeText("hmn/health.timings.txt", "0:00.5\n");
        source.replaceIn("pack.txt", "languages: vie, eng", "languages: vie, eng, hmn");
        source.replaceIn("pack.txt", "name.eng: English\n", "name.eng: English\nname.hmn: Hmoob\n");
        const builder::BuildResult refused = source.build();
        CHECK(mentions(refused, "timings without a recording: add vie/health.ogg"));
        CHECK(mentions(refused, "timings for a page with no text in 'hmn'"));
    }
}

TEST_CASE("narration marks: the computer voice reads a page block by block and marks where each starts") {
    const SourceTree source;
    source.replaceIn("pack.txt", "title.eng:", "narrate-missing: vie\ntitle.eng:");
    const builder::BuildResult result = source.build();
    REQUIRE_MESSAGE(result.succeeded, joinedProblems(result));
    const pack::PackReader reader = builder::test::openBuiltPack(source);
    const pack::AudioClipInfo* narration = reader.index().narration("health", "vie");
    REQUIRE(narration != nullptr);
    CHECK(narration->synthetic);
    const std::size_t blocks = reader.loadPage("health", "vie").blocks.size();
    REQUIRE(narration->marks.size() == blocks);
    MESSAGE("health (vie): " << narration->durationMilliseconds << " ms, block 1 at "
                             << narration->marks.front().startMilliseconds << " ms, block " << blocks
                             << " at " << narration->marks.back().startMilliseconds << " ms");
    // The title and summary come first, then each block, in order, all inside the recording.
    CHECK(narration->marks.front().startMilliseconds > 1000);
    for (std::size_t block = 0; block < blocks; ++block) {
        CHECK(narration->marks[block].block == static_cast<int>(block));
        if (block > 0)
            CHECK(narration->marks[block].startMilliseconds > narration->marks[block - 1].startMilliseconds);
    }
    CHECK(narration->marks.back().startMilliseconds < narration->durationMilliseconds - 300);
    // The recording itself is whole: the install check decodes it against its row.
    reader.validateAllAudio();
}

TEST_CASE("narration marks: the reader refuses marks that go back in time or past their recording") {
    const SourceTree source;
    addRecording(source);
    source.writeText("vie/health.timings.txt", kSevenTimes);
    REQUIRE(source.build().succeeded);
    const std::vector<std::uint8_t> good = builder::test::readBytes(source.output());
    for (const char* change : {"UPDATE narration_marks SET start_ms = 5000 - start_ms",
                               "UPDATE narration_marks SET start_ms = 99999999 WHERE block = 6",
                               "UPDATE narration_marks SET block = 5000 WHERE block = 6"}) {
        CAPTURE(change);
        const std::filesystem::path changed = source.outputFolder() / "changed.kpack";
        builder::test::writeBytes(changed, good);
        {
            db::Database database = db::Database::open(changed, db::Database::Mode::ReadWriteCreate);
            database.execute(change);
        }
        CHECK_THROWS_AS(pack::PackReader::openFile(changed, std::numeric_limits<std::int64_t>::max()),
                        pack::PackError);
    }
}
