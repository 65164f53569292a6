// Narrations and spoken language names in a pack: from the source folder (recorded files,
// and espeak-ng for the missing ones) through kiosk-pack into the reader, and the reader's
// refusal of recordings that were damaged after the build.
#include "audio/VorbisDecoding.hpp"
#include "audio_test_support.hpp"
#include "builder/CommandLine.hpp"
#include "builder/SpeechSynthesis.hpp"
#include "builder_test_source_tree.hpp"
#include "db/Database.hpp"
#include "pack/PackReader.hpp"
#include "pack/PackSchema.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <sstream>

using namespace kiosk;
using builder::test::SourceTree;

namespace {

std::vector<std::uint8_t> toneRecording(std::int64_t milliseconds) {
    return audio::test::encodeOggVorbis(audio::test::makeTone(1, 22050, milliseconds), 0);
}

pack::PackReader buildAndOpen(const SourceTree& source, bool narrateMissing = false) {
    builder::BuildOptions options{source.root(), source.output(), builder::defaultFontFiles()};
    options.narrateMissing = narrateMissing;
    const builder::BuildResult result = builder::buildPack(options);
    INFO(builder::test::joinedProblems(result));
    REQUIRE(result.succeeded);
    return pack::PackReader::openFile(source.output(), KIOSK_VERSION_NUMBER);
}

void checkRefused(const SourceTree& source, const std::string& expectedStart) {
    const builder::BuildResult result = source.build();
    INFO("expected: " << expectedStart);
    INFO("problems:\n" << builder::test::joinedProblems(result));
    CHECK_FALSE(result.succeeded);
    CHECK(std::any_of(result.problems.begin(), result.problems.end(),
                      [&](const std::string& problem) { return problem.starts_with(expectedStart); }));
    CHECK(std::filesystem::is_empty(source.outputFolder()));
}

// Changes a built pack the way a damaged USB stick or a meddler might.
void tamper(const std::filesystem::path& pack, const std::string& sql) {
    db::Database database = db::Database::open(pack, db::Database::Mode::ReadWriteCreate);
    database.execute(sql);
}

// Flips one bit of a recording's bytes, leaving its stored checksum as it was.
void flipRecordingBit(const std::filesystem::path& pack, std::int64_t audioId, std::size_t offset) {
    db::Database database = db::Database::open(pack, db::Database::Mode::ReadWriteCreate);
    db::Statement select = database.prepare("SELECT data FROM audio_clips WHERE id = ?");
    select.bind(1, audioId);
    REQUIRE(select.step());
    std::vector<std::uint8_t> bytes = select.blob(0);
    REQUIRE(offset < bytes.size());
    bytes[offset] ^= 0x10;
    database.prepare("UPDATE audio_clips SET data = ? WHERE id = ?")
        .bind(1, std::span(bytes))
        .bind(2, audioId)
        .run();
}

} // namespace

TEST_CASE("narration: a recorded narration round trips, bytes intact") {
    const SourceTree source;
    const std::vector<std::uint8_t> vietnamese = toneRecording(1500);
    const std::vector<std::uint8_t> english = toneRecording(700);
    source.writeBytes("vie/health.ogg", vietnamese);
    source.writeBytes("eng/health.ogg", english);
    const pack::PackReader reader = buildAndOpen(source);
    const pack::PackIndex& index = reader.index();

    const pack::AudioClipInfo* narration = index.narration("health", "vie");
    REQUIRE(narration != nullptr);
    CHECK(narration->language == "vie");
    CHECK_FALSE(narration->synthetic);
    CHECK(narration->durationMilliseconds == 1500);
    const pack::EncodedAudio clip = reader.loadAudio(narration->audioId);
    CHECK(clip.bytes == vietnamese);
    CHECK(clip.mime == "audio/ogg");
    CHECK(clip.name == "vie/health.ogg");
    CHECK(clip.channels == 1);
    CHECK(clip.sampleRate == 22050);
    CHECK(clip.durationMilliseconds == 1500);
    CHECK_FALSE(clip.synthetic);

    const pack::AudioClipInfo* englishNarration = index.narration("health", "eng");
    REQUIRE(englishNarration != nullptr);
    CHECK(englishNarration->durationMilliseconds == 700);
    CHECK(reader.loadAudio(englishNarration->audioId).bytes == english);
    // Pages without a recording have none (no narrate-missing here).
    CHECK(index.narration("meeting", "vie") == nullptr);
    CHECK(index.findPage("meeting")->narrations.empty());
    CHECK_NOTHROW(reader.validateAllAudio());
}

TEST_CASE("narration: which recording a visitor hears") {
    const SourceTree source;
    source.writeBytes("vie/health.ogg", toneRecording(400));
    source.writeBytes("vie/meeting.ogg", toneRecording(400));
    source.writeBytes("vie/programme.ogg", toneRecording(400));
    // The programme page has no English text but an English recording; the meeting page
    // has neither (its translation is removed here).
    source.writeBytes("eng/programme.ogg", toneRecording(300));
    source.remove("eng/meeting.txt");
    const pack::PackReader reader = buildAndOpen(source);
    const pack::PackIndex& index = reader.index();

    // Translated into English, no English recording: no speaker (Vietnamese speech would not match the
    // English text).
    CHECK(index.narrationFor("health", "eng") == nullptr);
    REQUIRE(index.narrationFor("health", "vie") != nullptr);
    CHECK(index.narrationFor("health", "vie")->language == "vie");
    // An English recording is preferred even though the text falls back to Vietnamese.
    REQUIRE(index.narrationFor("programme", "eng") != nullptr);
    CHECK(index.narrationFor("programme", "eng")->language == "eng");
    // A visitor whose language the page falls back from hears the default language, like the text they see.
    REQUIRE(index.narrationFor("meeting", "eng") != nullptr);
    CHECK(index.narrationFor("meeting", "eng")->language == "vie");
    CHECK(index.narrationFor("nothere", "vie") == nullptr);
}

TEST_CASE("narration: a spoken language name round trips") {
    const SourceTree source;
    const std::vector<std::uint8_t> name = toneRecording(800);
    source.writeBytes("names/vie.ogg", name);
    const pack::PackReader reader = buildAndOpen(source);
    const pack::AudioClipInfo* spoken = reader.index().spokenName("vie");
    REQUIRE(spoken != nullptr);
    CHECK(spoken->language == "vie");
    CHECK(spoken->durationMilliseconds == 800);
    CHECK(reader.loadAudio(spoken->audioId).bytes == name);
    CHECK(reader.index().spokenName("eng") == nullptr);
    CHECK(reader.index().languages[0].spokenName.has_value());
}

TEST_CASE("narration: narrate-missing synthesises Vietnamese narration, marked synthetic") {
    const SourceTree source;
    source.replaceIn("pack.txt", "title.eng:", "narrate-missing: vie\ntitle.eng:");
    source.writeBytes("vie/meeting.ogg", toneRecording(600)); // a person's recording wins
    const pack::PackReader reader = buildAndOpen(source);
    const pack::PackIndex& index = reader.index();

    for (const char* pageId : {"health", "programme"}) {
        CAPTURE(pageId);
        const pack::AudioClipInfo* narration = index.narration(pageId, "vie");
        REQUIRE(narration != nullptr);
        CHECK(narration->synthetic);
        CHECK(narration->durationMilliseconds > 1000);
        const pack::EncodedAudio clip = reader.loadAudio(narration->audioId);
        CHECK(clip.synthetic);
        CHECK(clip.sampleRate == 16000);
        // Speech, not silence.
        const audio::DecodedAudio speech = audio::decodeVorbis(clip.bytes, pack::kAudioLimits);
        CHECK(audio::test::audibleFrames(speech.samples, speech.channels) > speech.frames() / 4);
    }
    const pack::AudioClipInfo* recorded = index.narration("meeting", "vie");
    REQUIRE(recorded != nullptr);
    CHECK_FALSE(recorded->synthetic);
    // The language's name is spoken too, for the picker.
    const pack::AudioClipInfo* spokenName = index.spokenName("vie");
    REQUIRE(spokenName != nullptr);
    CHECK(spokenName->synthetic);
    CHECK(spokenName->durationMilliseconds > 300);
    CHECK(spokenName->durationMilliseconds < 3000);
    // Only the languages asked for.
    CHECK(index.narration("health", "eng") == nullptr);
    CHECK(index.spokenName("eng") == nullptr);
}

TEST_CASE("narration: synthesis gives the same pack byte for byte") {
    const SourceTree source;
    source.replaceIn("pack.txt", "title.eng:", "narrate-missing: yes\ntitle.eng:");
    const builder::BuildResult first = source.build(source.outputFolder() / "first.kpack");
    const builder::BuildResult second = source.build(source.outputFolder() / "second.kpack");
    INFO(builder::test::joinedProblems(first));
    REQUIRE(first.succeeded);
    REQUIRE(second.succeeded);
    // Both languages have an espeak-ng voice: every page in its own text's languages, and both names.
    // vie: 3 pages and their titles, 3 category titles; eng: health and meeting and their titles,
    // the 2 categories with an English title; 2 names.
    CHECK(first.synthesisedCount == 17);
    CHECK(first.recordingCount == 17);
    CHECK(builder::test::readBytes(source.outputFolder() / "first.kpack") ==
          builder::test::readBytes(source.outputFolder() / "second.kpack"));
}

TEST_CASE("narration: kiosk-pack build --narrate-missing") {
    const SourceTree source;
    std::ostringstream out;
    std::ostringstream errors;
    const std::vector<std::string> arguments = {"build", source.root().string(), "-o",
                                                source.output().string(), "--narrate-missing"};
    CHECK(builder::runCommandLine(arguments, out, errors) == builder::kExitSuccess);
    INFO(errors.str());
    CHECK(out.str().find("17 recordings (17 synthesised)") != std::string::npos); // as above
    const pack::PackReader reader = pack::PackReader::openFile(source.output(), KIOSK_VERSION_NUMBER);
    REQUIRE(reader.index().narration("health", "eng") != nullptr);
    CHECK(reader.index().narration("health", "eng")->synthetic);
}

TEST_CASE("narration: the text a synthetic narration reads") {
    builder::PageTexts texts;
    texts.title = "Bảo hiểm y tế";
    texts.summary = "Thẻ cho mọi người.";
    texts.blocks = {{pack::BlockKind::Heading, "Ai được cấp thẻ?"},
                    {pack::BlockKind::Bullet, "Trẻ em dưới 6 tuổi"}};
    CHECK(builder::narrationText(texts) ==
          "Bảo hiểm y tế.\nThẻ cho mọi người.\nAi được cấp thẻ?\nTrẻ em dưới 6 tuổi.\n");
    CHECK(builder::espeakVoiceFor("vie") == "vi");
    CHECK(builder::espeakVoiceFor("hmn") == std::nullopt);
}

TEST_CASE("narration: the reader refuses a recording that does not match its SHA-256") {
    const SourceTree source;
    source.writeBytes("vie/health.ogg", toneRecording(500));
    buildAndOpen(source);
    flipRecordingBit(source.output(), 1, 2000);
    const pack::PackReader reader = pack::PackReader::openFile(source.output(), KIOSK_VERSION_NUMBER);
    const pack::AudioClipInfo* narration = reader.index().narration("health", "vie");
    REQUIRE(narration != nullptr);
    CHECK_THROWS_WITH_AS(
        reader.loadAudio(narration->audioId),
        "recording 1 ('vie/health.ogg') does not match its SHA-256: the pack is damaged (copy it again)",
        pack::PackError);
    CHECK_THROWS_AS(reader.validateAllAudio(), pack::PackError);
}

TEST_CASE("narration: the reader refuses impossible recording rows when it opens a pack") {
    const SourceTree source;
    source.writeBytes("vie/health.ogg", toneRecording(500));
    buildAndOpen(source);
    const std::filesystem::path original = source.outputFolder() / "original.kpack";
    std::filesystem::copy_file(source.output(), original);
    auto refusedWith = [&](const std::string& sql, const std::string& message) {
        std::filesystem::copy_file(original, source.output(),
                                   std::filesystem::copy_options::overwrite_existing);
        tamper(source.output(), sql);
        CHECK_THROWS_WITH_AS(pack::PackReader::openFile(source.output(), KIOSK_VERSION_NUMBER),
                             doctest::Contains(message.c_str()), pack::PackError);
    };
    refusedWith("UPDATE audio_clips SET duration_ms = 99999999",
                "recording 1 claims a length of 99999999 ms");
    refusedWith("UPDATE audio_clips SET channels = 6", "recording 1 has an unsupported format (6 channels");
    refusedWith("UPDATE audio_clips SET sample_rate = 1000000", "unsupported format");
    refusedWith("UPDATE page_narrations SET audio_id = 42", "refers to recording 42, which the pack lacks");
    refusedWith("PRAGMA foreign_keys = OFF; UPDATE page_narrations SET language = 'fra'",
                "is in language 'fra', which the pack does not declare");
}

TEST_CASE("narration: a narration that is not Ogg Vorbis is refused when building") {
    const SourceTree source;
    source.writeText("vie/health.ogg", "ID3 this is an MP3 file, really");
    checkRefused(source, source.shown("vie/health.ogg") + ": recording: not an Ogg file");
}

TEST_CASE("narration: a damaged recording is refused when building") {
    const SourceTree source;
    std::vector<std::uint8_t> bytes = toneRecording(1000);
    bytes.resize(bytes.size() / 2);
    source.writeBytes("vie/health.ogg", bytes);
    checkRefused(source, source.shown("vie/health.ogg") + ": recording: ");
}

TEST_CASE("narration: recordings must belong to a page and a declared language") {
    SUBCASE("no such page") {
        const SourceTree source;
        source.writeBytes("eng/nothere.ogg", toneRecording(300));
        checkRefused(source, source.shown("eng/nothere.ogg") +
                                 ": a narration for page 'nothere', but there is no vie/nothere.txt");
    }
    SUBCASE("spoken name of an undeclared language") {
        const SourceTree source;
        source.writeBytes("names/hmn.ogg", toneRecording(300));
        checkRefused(source, source.shown("names/hmn.ogg") +
                                 ": the spoken name of language 'hmn', which is not declared");
    }
    SUBCASE("something else in names/") {
        const SourceTree source;
        source.writeText("names/readme.txt", "notes");
        checkRefused(source, source.shown("names/readme.txt") + ": only recordings named <language>.ogg");
    }
    SUBCASE("a bad file name") {
        const SourceTree source;
        source.writeBytes("vie/Health Page.ogg", toneRecording(300));
        checkRefused(source, source.shown("vie/Health Page.ogg") + ": a page file name may only hold");
    }
}

TEST_CASE("narration: narrate-missing names only declared languages with a voice") {
    SUBCASE("an undeclared language") {
        const SourceTree source;
        source.replaceIn("pack.txt", "title.eng:", "narrate-missing: vie, fra\ntitle.eng:");
        checkRefused(source, source.shown("pack.txt") +
                                 ":11: 'narrate-missing' must be yes, no, or languages of this pack");
    }
    SUBCASE("a language espeak-ng cannot speak") {
        const SourceTree source;
        source.replaceIn("pack.txt", "languages: vie, eng", "languages: vie, eng, hmn");
        source.replaceIn("pack.txt", "name.eng: English", "name.eng: English\nname.hmn: Hmoob");
        source.replaceIn("pack.txt", "title.eng:", "narrate-missing: vie, hmn\ntitle.eng:");
        checkRefused(source, source.shown("pack.txt") + ":12: espeak-ng has no voice for 'hmn'");
    }
    SUBCASE("'yes' skips a language without a voice") {
        const SourceTree source;
        source.writeBytes("names/vie.ogg", toneRecording(400));
        source.replaceIn("pack.txt", "languages: vie, eng", "languages: vie, eng, hmn");
        source.replaceIn("pack.txt", "name.eng: English", "name.eng: English\nname.hmn: Hmoob");
        source.replaceIn("pack.txt", "title.eng:", "narrate-missing: yes\ntitle.eng:");
        source.writeBytes("hmn/health.ogg", toneRecording(300));
        const pack::PackReader reader = buildAndOpen(source);
        CHECK(reader.index().narration("health", "hmn") != nullptr);
        CHECK_FALSE(reader.index().narration("health", "hmn")->synthetic);
        CHECK(reader.index().narration("programme", "hmn") == nullptr);
        CHECK(reader.index().spokenName("hmn") == nullptr);
        // A recorded name wins over the computer voice.
        REQUIRE(reader.index().spokenName("vie") != nullptr);
        CHECK_FALSE(reader.index().spokenName("vie")->synthetic);
        REQUIRE(reader.index().spokenName("eng") != nullptr);
        CHECK(reader.index().spokenName("eng")->synthetic);
    }
}
