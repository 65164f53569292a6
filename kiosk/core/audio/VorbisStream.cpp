#include "audio/VorbisStream.hpp"

#include "audio/VorbisSetupBudget.hpp"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>

// The header's static callback tables (for FILE*) are unused here and would warn.
#define OV_EXCLUDE_STATIC_CALLBACKS
#include <vorbis/vorbisfile.h>

namespace kiosk::audio {

namespace {

// The recording's bytes as the file libvorbisfile reads through its callbacks.
struct MemoryFile {
    std::span<const std::uint8_t> bytes;
    std::size_t position = 0;
};

std::size_t readMemory(void* buffer, std::size_t size, std::size_t count, void* source) {
    MemoryFile& file = *static_cast<MemoryFile*>(source);
    if (size == 0)
        return 0;
    const std::size_t items = std::min(count, (file.bytes.size() - file.position) / size);
    std::memcpy(buffer, file.bytes.data() + file.position, items * size);
    file.position += items * size;
    return items;
}

int seekMemory(void* source, ogg_int64_t offset, int whence) {
    MemoryFile& file = *static_cast<MemoryFile*>(source);
    const auto size = static_cast<ogg_int64_t>(file.bytes.size());
    ogg_int64_t base = 0;
    if (whence == SEEK_CUR)
        base = static_cast<ogg_int64_t>(file.position);
    else if (whence == SEEK_END)
        base = size;
    else if (whence != SEEK_SET)
        return -1;
    // Offsets come from the file's own page headers: a crafted one may be anything.
    if (offset < -base || offset > size - base)
        return -1;
    file.position = static_cast<std::size_t>(base + offset);
    return 0;
}

long tellMemory(void* source) {
    return static_cast<long>(static_cast<MemoryFile*>(source)->position);
}

std::string openProblem(int error) {
    switch (error) {
    case OV_ENOTVORBIS:
        return "not an Ogg Vorbis recording (an Ogg file may also hold Opus or FLAC, which the kiosk cannot "
               "play: convert it with oggenc)";
    case OV_EBADHEADER:
        return "the recording's headers are damaged: it is not a playable Ogg Vorbis file";
    case OV_EVERSION:
        return "the recording is in a Vorbis version the kiosk cannot play";
    case OV_EREAD:
    case OV_EFAULT:
        return "the recording cannot be read: it is cut short or damaged";
    default:
        return "not a playable Ogg Vorbis recording (libvorbisfile error " + std::to_string(error) + ")";
    }
}

} // namespace

// libvorbisfile keeps a pointer to `file`, so both live together, in one place that never moves.
struct VorbisStream::Decoder {
    MemoryFile file;
    OggVorbis_File vorbis{};
    bool open = false;

    Decoder() = default;
    Decoder(const Decoder&) = delete;
    Decoder& operator=(const Decoder&) = delete;
    ~Decoder() {
        if (open)
            ov_clear(&vorbis);
    }
};

VorbisStream::VorbisStream(std::span<const std::uint8_t> bytes, const AudioLimits& limits)
    : decoder_(std::make_unique<Decoder>()) {
    if (bytes.empty())
        throw AudioError("the recording is empty");
    if (bytes.size() > limits.maximumEncodedBytes)
        throw AudioError("the recording is " + std::to_string(bytes.size()) + " bytes; the limit is " +
                         std::to_string(limits.maximumEncodedBytes));
    // libvorbisfile says "not Vorbis" for anything it cannot open; a field officer is helped
    // more by knowing the file is not even Ogg (an MP3 or WAV renamed).
    if (bytes.size() < 4 || std::memcmp(bytes.data(), "OggS", 4) != 0)
        throw AudioError("not an Ogg file");
    // Before libvorbis sees the codebooks: it allocates what they ask for, unbounded.
    checkVorbisSetupBudget(bytes);

    decoder_->file.bytes = bytes;
    const ov_callbacks callbacks{readMemory, seekMemory, nullptr, tellMemory};
    // On failure libvorbisfile has already freed what it allocated (ov_clear must not be called).
    const int opened = ov_open_callbacks(&decoder_->file, &decoder_->vorbis, nullptr, 0, callbacks);
    if (opened != 0)
        throw AudioError(openProblem(opened));
    decoder_->open = true;
    OggVorbis_File* vorbis = &decoder_->vorbis;

    // Several streams chained one after the other may each have their own channels and rate;
    // no encoder a field officer uses writes them, and the player expects one format throughout.
    if (ov_streams(vorbis) != 1)
        throw AudioError("the recording is " + std::to_string(ov_streams(vorbis)) +
                         " recordings joined together (a chained Ogg file): encode it again with oggenc");
    const vorbis_info* info = ov_info(vorbis, -1);
    if (!info)
        throw AudioError("the recording's format cannot be read: it is damaged");
    if (info->channels < 1 || info->channels > limits.maximumChannels)
        throw AudioError("the recording has " + std::to_string(info->channels) +
                         " channels; the kiosk plays 1 to " + std::to_string(limits.maximumChannels));
    if (info->rate < limits.minimumSampleRate || info->rate > limits.maximumSampleRate)
        throw AudioError("the recording's sample rate is " + std::to_string(info->rate) +
                         " Hz; the kiosk plays " + std::to_string(limits.minimumSampleRate) + " to " +
                         std::to_string(limits.maximumSampleRate) + " Hz");
    format_.channels = info->channels;
    format_.sampleRate = static_cast<int>(info->rate);
    frameLimit_ = maximumFrames(limits, format_.sampleRate);

    // The declared length comes from the last page's position; a damaged or crafted file may
    // claim anything, so it is only a first check and reading enforces the limit again.
    const ogg_int64_t declared = ov_pcm_total(vorbis, -1);
    if (declared <= 0)
        throw AudioError("the recording's length cannot be read: it is cut short or damaged");
    if (declared > frameLimit_)
        throw AudioError("the recording lasts " + describeDuration(declared * 1000 / format_.sampleRate) +
                         "; the limit is " + describeDuration(limits.maximumDurationMilliseconds));
    format_.frames = declared;
}

VorbisStream::~VorbisStream() = default;

std::size_t VorbisStream::read(std::span<std::int16_t> interleaved) {
    if (damaged_ || framesRead_ >= frameLimit_)
        return 0;
    const std::int64_t room = std::min<std::int64_t>(
        static_cast<std::int64_t>(interleaved.size()) / format_.channels, frameLimit_ - framesRead_);
    const std::int64_t frameBytes = 2 * static_cast<std::int64_t>(format_.channels);
    const int bytes =
        static_cast<int>(std::min<std::int64_t>(room * frameBytes, INT_MAX / frameBytes * frameBytes));
    if (bytes <= 0)
        return 0;
    // ov_read decodes at most one packet per call, so this loops until the block is full.
    char* const out = reinterpret_cast<char*>(interleaved.data());
    int filled = 0;
    while (filled < bytes) {
        int link = 0;
        const long got = ov_read(&decoder_->vorbis, out + filled, bytes - filled, 0, 2, 1, &link);
        if (got == 0)
            break;
        if (got < 0 || link != 0) {
            // A hole (a lost or damaged page) or a stream that changes midway: stop, as the
            // install check does, rather than play on from an unknown place.
            damaged_ = true;
            break;
        }
        filled += static_cast<int>(got);
    }
    const std::int64_t frames = filled / frameBytes;
    framesRead_ += frames;
    return static_cast<std::size_t>(frames);
}

void VorbisStream::rewind() {
    if (ov_raw_seek(&decoder_->vorbis, 0) != 0)
        throw AudioError("the recording cannot be read from its start: it is damaged");
    framesRead_ = 0;
    damaged_ = false;
}

} // namespace kiosk::audio
