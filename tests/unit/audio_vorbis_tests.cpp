// Decoding Ogg Vorbis with libvorbisfile inside the kiosk's limits: good recordings decode to
// the right samples, and anything else (garbage, cut-short or bit-flipped files, crafted
// headers, formats over the limits) fails with an AudioError rather than a crash or a huge
// allocation.
#include "audio/SampleSource.hpp"
#include "audio/VorbisDecoding.hpp"
#include "audio/VorbisSetupBudget.hpp"
#include "audio/VorbisStream.hpp"
#include "audio_test_support.hpp"
#include "ogg_crafting.hpp"
#include "pack/PackSchema.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <random>

namespace {

using namespace kiosk;
using audio::test::encodeOggVorbis;
using audio::test::makeTone;

// Mono 16 kHz, like a synthetic narration; encoded once for the whole file.
const std::vector<std::uint8_t>& monoTone() {
    static const std::vector<std::uint8_t> bytes = encodeOggVorbis(makeTone(1, 16000, 2000));
    return bytes;
}

// Decoding must end in success or an AudioError; anything else (a crash, another exception) fails the test.
bool decodesOrFailsCleanly(std::span<const std::uint8_t> bytes) {
    try {
        audio::decodeVorbis(bytes, pack::kAudioLimits);
        return true;
    } catch (const audio::AudioError&) {
        return true;
    }
}

} // namespace

TEST_CASE("audio: a mono recording decodes to its samples") {
    const std::vector<std::uint8_t>& bytes = monoTone();
    const audio::AudioFormat probed = audio::probeVorbis(bytes, pack::kAudioLimits);
    CHECK(probed.channels == 1);
    CHECK(probed.sampleRate == 16000);
    CHECK(probed.frames == 32000);
    CHECK(probed.durationMilliseconds() == 2000);

    const audio::DecodedAudio decoded = audio::decodeVorbis(bytes, pack::kAudioLimits);
    CHECK(decoded.channels == 1);
    CHECK(decoded.sampleRate == 16000);
    CHECK(decoded.frames() == 32000);
    // A tone throughout: nearly every frame is sound (the first few may fade in).
    CHECK(audio::test::audibleFrames(decoded.samples, 1) > 31000);
    const audio::AudioFormat scanned = audio::scanVorbis(bytes, pack::kAudioLimits);
    CHECK(scanned.frames == decoded.frames());
}

TEST_CASE("audio: a stereo 48 kHz recording decodes") {
    const std::vector<std::uint8_t> bytes = encodeOggVorbis(makeTone(2, 48000, 500), 5);
    const audio::DecodedAudio decoded = audio::decodeVorbis(bytes, pack::kAudioLimits);
    CHECK(decoded.channels == 2);
    CHECK(decoded.sampleRate == 48000);
    CHECK(decoded.frames() == 24000);
    CHECK(decoded.samples.size() == 48000);
}

TEST_CASE("audio: a stream reads in blocks and starts again after rewind") {
    const std::vector<std::uint8_t>& bytes = monoTone();
    audio::VorbisStream stream(bytes, pack::kAudioLimits);
    std::vector<std::int16_t> block(1000);
    std::int64_t total = 0;
    while (const std::size_t frames = stream.read(block)) {
        CHECK(frames <= block.size());
        total += static_cast<std::int64_t>(frames);
    }
    CHECK(total == 32000);
    CHECK_FALSE(stream.damaged());
    stream.rewind();
    CHECK(stream.read(block) > 0);
}

TEST_CASE("audio: sample sources give every frame once") {
    auto encoded = audio::vorbisSamples(monoTone(), pack::kAudioLimits);
    auto decoded = audio::decodedSamples(makeTone(2, 8000, 1000));
    for (audio::SampleSource* source : {encoded.get(), decoded.get()}) {
        std::vector<std::int16_t> block(777 * static_cast<std::size_t>(source->format().channels));
        std::int64_t total = 0;
        while (const std::size_t frames = source->read(block))
            total += static_cast<std::int64_t>(frames);
        CHECK(total == source->format().frames);
        CHECK(source->read(block) == 0);
    }
}

TEST_CASE("audio: garbage is refused with a message, not a crash") {
    const std::vector<std::uint8_t> empty;
    CHECK_THROWS_WITH_AS(audio::decodeVorbis(empty, pack::kAudioLimits), "the recording is empty",
                         audio::AudioError);
    const std::string text = "this is not a recording at all, just words";
    const std::vector<std::uint8_t> words(text.begin(), text.end());
    CHECK_THROWS_WITH_AS(audio::decodeVorbis(words, pack::kAudioLimits), "not an Ogg file",
                         audio::AudioError);

    std::mt19937 random(12345);
    std::vector<std::uint8_t> noise(20000);
    for (std::uint8_t& byte : noise)
        byte = static_cast<std::uint8_t>(random());
    CHECK_THROWS_AS(audio::decodeVorbis(noise, pack::kAudioLimits), audio::AudioError);
    // An Ogg page header followed by noise.
    std::copy_n("OggS", 4, noise.begin());
    CHECK_THROWS_AS(audio::decodeVorbis(noise, pack::kAudioLimits), audio::AudioError);
}

TEST_CASE("audio: a cut-short recording fails cleanly") {
    const std::vector<std::uint8_t>& bytes = monoTone();
    for (const std::size_t length : {std::size_t{1}, std::size_t{27}, std::size_t{58}, std::size_t{200},
                                     bytes.size() / 3, bytes.size() / 2, bytes.size() - 1}) {
        CAPTURE(length);
        const std::span<const std::uint8_t> cut(bytes.data(), length);
        CHECK(decodesOrFailsCleanly(cut));
    }
    // Cut inside the headers: there is nothing to play.
    CHECK_THROWS_AS(audio::decodeVorbis(std::span(bytes.data(), 200), pack::kAudioLimits), audio::AudioError);
}

TEST_CASE("audio: bit-flipped recordings decode or fail cleanly") {
    const std::vector<std::uint8_t>& original = monoTone();
    std::mt19937 random(2026);
    int refused = 0;
    for (int round = 0; round < 300; ++round) {
        std::vector<std::uint8_t> damaged = original;
        const int flips = 1 + static_cast<int>(random() % 8);
        for (int flip = 0; flip < flips; ++flip) {
            // Mostly the headers (where a decoder's allocations are decided), sometimes anywhere.
            const std::size_t limit =
                round % 3 == 0 ? damaged.size() : std::min<std::size_t>(damaged.size(), 4000);
            damaged[random() % limit] ^= static_cast<std::uint8_t>(1u << (random() % 8));
        }
        // libogg drops a page whose checksum fails, so half the rounds put the checksums right
        // again: the decoder itself then reads the damaged headers and packets.
        if (round % 2 == 1)
            for (const audio::test::OggPageSpan& page : audio::test::oggPages(damaged))
                audio::test::refreshPageChecksum(damaged, page);
        CAPTURE(round);
        try {
            audio::decodeVorbis(damaged, pack::kAudioLimits);
        } catch (const audio::AudioError&) {
            ++refused;
        }
    }
    MESSAGE(refused << " of 300 damaged recordings were refused; the rest decoded");
    CHECK(refused > 0);
    CHECK(refused < 300); // some flips, with their checksums right, only change the sound
}

TEST_CASE("audio: recordings outside the limits are refused before decoding") {
    SUBCASE("too many channels") {
        const std::vector<std::uint8_t> bytes = encodeOggVorbis(makeTone(3, 16000, 300));
        CHECK_THROWS_WITH_AS(audio::probeVorbis(bytes, pack::kAudioLimits),
                             "the recording has 3 channels; the kiosk plays 1 to 2", audio::AudioError);
    }
    SUBCASE("sample rate too high") {
        const std::vector<std::uint8_t> bytes = encodeOggVorbis(makeTone(1, 96000, 300));
        CHECK_THROWS_WITH_AS(audio::probeVorbis(bytes, pack::kAudioLimits),
                             "the recording's sample rate is 96000 Hz; the kiosk plays 8000 to 48000 Hz",
                             audio::AudioError);
    }
    SUBCASE("too long") {
        audio::AudioLimits shortLimit = pack::kAudioLimits;
        shortLimit.maximumDurationMilliseconds = 60'000;
        const std::vector<std::uint8_t> bytes = encodeOggVorbis(makeTone(1, 8000, 61'000), -1);
        CHECK_THROWS_WITH_AS(audio::probeVorbis(bytes, shortLimit),
                             "the recording lasts 1 min 1 s; the limit is 1 min", audio::AudioError);
        CHECK_NOTHROW(audio::probeVorbis(bytes, pack::kAudioLimits));
    }
    SUBCASE("too many bytes") {
        audio::AudioLimits smallLimit = pack::kAudioLimits;
        smallLimit.maximumEncodedBytes = 1000;
        CHECK_THROWS_AS(audio::probeVorbis(monoTone(), smallLimit), audio::AudioError);
    }
}

TEST_CASE("audio: a vendor-string length past the end of its header is refused, not a crash") {
    // stb_vorbis allocated length + 1 bytes (0 for 0xFFFFFFFF) and wrote the whole length into
    // them: SIGSEGV during the install check. Every byte else, and every page checksum, is right.
    for (const std::uint32_t length : {0xFFFFFFFFu, 0x7FFFFFFFu, 0x10000u}) {
        CAPTURE(length);
        const std::vector<std::uint8_t> hostile = audio::test::withVendorLength(monoTone(), length);
        CHECK_THROWS_WITH_AS(audio::decodeVorbis(hostile, pack::kAudioLimits),
                             "the recording's headers are damaged: it is not a playable Ogg Vorbis file",
                             audio::AudioError);
        CHECK_THROWS_AS(audio::vorbisSamples(hostile, pack::kAudioLimits), audio::AudioError);
    }
    // The crafting itself is sound: the true length gives back a recording that plays.
    const std::uint32_t vendorLength = [] {
        const std::vector<std::uint8_t>& bytes = monoTone();
        const std::string_view magic("\x03vorbis", 7);
        const auto found = std::search(bytes.begin(), bytes.end(), magic.begin(), magic.end());
        const auto field = found + static_cast<std::ptrdiff_t>(magic.size());
        return static_cast<std::uint32_t>(field[0] | field[1] << 8 | field[2] << 16 | field[3] << 24);
    }();
    CHECK(audio::decodeVorbis(audio::test::withVendorLength(monoTone(), vendorLength), pack::kAudioLimits)
              .frames() == 32000);
}

TEST_CASE(
    "audio: codebooks that claim more decoder memory than any encoder writes are refused before libvorbis") {
    // 256 codebooks of 2^23 - 1 entries in about 3 KiB: given to libvorbis 1.3.7 directly, it
    // filled 2 GiB of length lists (2.1 GB peak RSS, 9.6 s) before finding the rest missing.
    const std::vector<std::uint8_t> bomb = audio::test::withCodebookBomb(monoTone(), 256);
    CHECK(bomb.size() < 8 * 1024);
    CHECK(audio::vorbisCodebookBytes(bomb) > audio::kMaximumCodebookBytes);
    CHECK_THROWS_WITH_AS(audio::probeVorbis(bomb, pack::kAudioLimits),
                         doctest::Contains("of decoder memory; ordinary Ogg Vorbis files need under 1 MiB"),
                         audio::AudioError);
    // One such codebook is already too many.
    CHECK_THROWS_AS(audio::probeVorbis(audio::test::withCodebookBomb(monoTone(), 1), pack::kAudioLimits),
                    audio::AudioError);
}

TEST_CASE("audio: real encoders' codebooks fit the decoder memory budget with room to spare") {
    // The budget's justification: oggenc from the lowest to the highest quality, at the
    // smallest and largest formats the kiosk plays.
    std::uint64_t largest = 0;
    for (const int quality : {-1, 0, 5, 10})
        for (const auto& [channels, rate] : {std::pair{1, 8000}, std::pair{1, 22050}, std::pair{2, 48000}}) {
            const std::uint64_t bytes =
                audio::vorbisCodebookBytes(encodeOggVorbis(makeTone(channels, rate, 300), quality));
            CAPTURE(quality);
            CAPTURE(channels);
            CAPTURE(rate);
            CHECK(bytes > 0);
            largest = std::max(largest, bytes);
        }
    MESSAGE("the largest codebooks oggenc wrote need " << largest / 1024 << " KiB by the estimate");
    CHECK(largest * 4 < audio::kMaximumCodebookBytes);
}

TEST_CASE("audio: a chained recording (two streams one after the other) is refused") {
    std::vector<std::uint8_t> chained = monoTone();
    const std::vector<std::uint8_t> second =
        audio::test::withSerial(encodeOggVorbis(makeTone(2, 48000, 300)), 8);
    chained.insert(chained.end(), second.begin(), second.end());
    CHECK_THROWS_WITH_AS(audio::probeVorbis(chained, pack::kAudioLimits),
                         doctest::Contains("chained Ogg file"), audio::AudioError);
}
