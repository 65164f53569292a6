#include "audio/VorbisSetupBudget.hpp"

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include <ogg/ogg.h>

namespace kiosk::audio {

namespace {

// The Vorbis I specification, section 3.2.1, is the reference for everything read here.
constexpr long kCodebookSync = 0x564342;

class OggSync {
  public:
    OggSync() { ogg_sync_init(&state_); }
    ~OggSync() { ogg_sync_clear(&state_); }
    OggSync(const OggSync&) = delete;
    OggSync& operator=(const OggSync&) = delete;
    ogg_sync_state* get() { return &state_; }

  private:
    ogg_sync_state state_{};
};

class OggStream {
  public:
    explicit OggStream(int serial) { ogg_stream_init(&state_, serial); }
    ~OggStream() { ogg_stream_clear(&state_); }
    OggStream(const OggStream&) = delete;
    OggStream& operator=(const OggStream&) = delete;
    ogg_stream_state* get() { return &state_; }

  private:
    ogg_stream_state state_{};
};

AudioError damagedHeaders() {
    return AudioError("the recording's headers are damaged: it is not a playable Ogg Vorbis file");
}

// The third packet of the first logical stream (the Vorbis setup header), copied out.
std::vector<unsigned char> setupPacket(std::span<const std::uint8_t> bytes) {
    OggSync sync;
    std::optional<OggStream> stream;
    // Fed in pieces: the headers are at the front, and a 16 MiB file need not be copied whole.
    constexpr std::size_t kPiece = 64 * 1024;
    std::size_t fed = 0;
    int packets = 0;
    while (true) {
        ogg_page page;
        const int pageResult = ogg_sync_pageout(sync.get(), &page);
        if (pageResult == 0) {
            if (fed == bytes.size())
                throw damagedHeaders();
            const std::size_t piece = std::min(kPiece, bytes.size() - fed);
            char* buffer = ogg_sync_buffer(sync.get(), static_cast<long>(piece));
            if (!buffer)
                throw AudioError("the recording cannot be read: out of memory");
            std::memcpy(buffer, bytes.data() + fed, piece);
            ogg_sync_wrote(sync.get(), static_cast<long>(piece));
            fed += piece;
            continue;
        }
        if (pageResult < 0)
            continue; // bytes skipped to the next page; libvorbisfile does the same
        if (!stream) {
            if (!ogg_page_bos(&page))
                throw damagedHeaders();
            stream.emplace(ogg_page_serialno(&page));
        }
        if (ogg_stream_pagein(stream->get(), &page) != 0)
            continue; // another logical stream's page
        ogg_packet packet;
        while (true) {
            const int packetResult = ogg_stream_packetout(stream->get(), &packet);
            if (packetResult == 0)
                break;
            if (packetResult < 0)
                throw damagedHeaders(); // a gap inside the headers
            if (++packets == 3)
                return std::vector<unsigned char>(packet.packet, packet.packet + packet.bytes);
        }
    }
}

int integerLog(std::uint64_t value) {
    int bits = 0;
    for (; value > 0; value >>= 1)
        ++bits;
    return bits;
}

// The greatest r with r^dimensions <= entries (the specification's lookup1_values).
std::uint64_t lookup1Values(std::uint64_t entries, std::uint64_t dimensions) {
    auto fits = [&](std::uint64_t root) {
        std::uint64_t power = 1;
        for (std::uint64_t index = 0; index < dimensions; ++index) {
            if (power > entries / root)
                return false;
            power *= root;
        }
        return true;
    };
    std::uint64_t low = 1, high = entries; // fits(1) always holds
    while (low < high) {
        const std::uint64_t middle = low + (high - low + 1) / 2;
        if (fits(middle))
            low = middle;
        else
            high = middle - 1;
    }
    return low;
}

class BitReader {
  public:
    explicit BitReader(std::vector<unsigned char>& packet) {
        oggpack_readinit(&buffer_, packet.data(), static_cast<int>(packet.size()));
    }
    // Up to 32 bits, least significant first; throws at the end of the packet.
    std::uint64_t read(int bits) {
        if (bits == 0)
            return 0;
        const long value = oggpack_read(&buffer_, bits);
        if (value < 0)
            throw damagedHeaders();
        return static_cast<std::uint64_t>(value);
    }
    void skip(std::uint64_t bits) {
        const std::uint64_t left = static_cast<std::uint64_t>(buffer_.storage) * 8 -
                                   static_cast<std::uint64_t>(oggpack_bits(&buffer_));
        if (bits > left)
            throw damagedHeaders();
        for (; bits > 0; bits -= std::min<std::uint64_t>(bits, 1u << 20))
            oggpack_adv(&buffer_, static_cast<int>(std::min<std::uint64_t>(bits, 1u << 20)));
    }

  private:
    oggpack_buffer buffer_{};
};

// One codebook, read past; returns what libvorbis will allocate for it: a length, code word,
// index and code length per entry (lengthlist, codelist, dec_index, dec_codelengths, with room
// for the first-level table), and the unpacked values and residue decode map, a 32-bit word
// per entry and dimension, plus the quantised values as longs while it reads them.
std::uint64_t codebookBytes(BitReader& reader) {
    if (reader.read(24) != kCodebookSync)
        throw damagedHeaders();
    const std::uint64_t dimensions = reader.read(16);
    const std::uint64_t entries = reader.read(24);
    // libvorbis's own bound (codebook.c), so this refuses nothing it would take.
    if (dimensions == 0 || entries == 0 || integerLog(dimensions) + integerLog(entries) > 24)
        throw damagedHeaders();
    if (reader.read(1) == 1) { // ordered: runs of entries of one length
        std::uint64_t length = reader.read(5) + 1;
        for (std::uint64_t entry = 0; entry < entries; ++length) {
            if (length > 32)
                throw damagedHeaders();
            entry += reader.read(integerLog(entries - entry));
            if (entry > entries)
                throw damagedHeaders();
        }
    } else {
        const bool sparse = reader.read(1) == 1;
        for (std::uint64_t entry = 0; entry < entries; ++entry)
            if (!sparse || reader.read(1) == 1)
                reader.read(5);
    }
    std::uint64_t quantised = 0;
    const std::uint64_t lookup = reader.read(4);
    if (lookup == 1 || lookup == 2) {
        reader.read(32); // minimum
        reader.read(32); // delta
        const std::uint64_t valueBits = reader.read(4) + 1;
        reader.read(1); // sequence flag
        quantised = lookup == 1 ? lookup1Values(entries, dimensions) : entries * dimensions;
        reader.skip(quantised * valueBits);
    } else if (lookup != 0) {
        throw damagedHeaders();
    }
    return entries * 16 + entries * dimensions * 4 + quantised * 8;
}

} // namespace

std::uint64_t vorbisCodebookBytes(std::span<const std::uint8_t> oggBytes) {
    std::vector<unsigned char> packet = setupPacket(oggBytes);
    BitReader reader(packet);
    if (reader.read(8) != 5)
        throw damagedHeaders();
    for (const char letter : std::string_view("vorbis"))
        if (reader.read(8) != static_cast<unsigned char>(letter))
            throw damagedHeaders();
    const std::uint64_t codebooks = reader.read(8) + 1;
    std::uint64_t total = 0;
    for (std::uint64_t book = 0; book < codebooks; ++book) {
        total += codebookBytes(reader);
        if (total > kMaximumCodebookBytes)
            break; // enough to refuse; the rest need not be read
    }
    return total;
}

void checkVorbisSetupBudget(std::span<const std::uint8_t> oggBytes) {
    const std::uint64_t needed = vorbisCodebookBytes(oggBytes);
    if (needed > kMaximumCodebookBytes)
        throw AudioError("the recording's codebooks would need " + std::to_string(needed / (1024 * 1024)) +
                         " MiB or more of decoder memory; ordinary Ogg Vorbis files need under 1 MiB");
}

} // namespace kiosk::audio
