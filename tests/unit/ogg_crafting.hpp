// Test helpers that take Ogg Vorbis files apart and make hostile ones: a comment header whose
// vendor-string length overflows (it made stb_vorbis write past its buffer, SIGSEGV), and a
// setup header whose codebooks claim millions of entries in a few bytes (a memory bomb for
// libvorbis). Page checksums are made right again, so only the crafted field is wrong.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <span>
#include <stdexcept>
#include <string_view>
#include <vector>

#include <ogg/ogg.h>

namespace kiosk::audio::test {

// Where each Ogg page of `bytes` starts and how long it is.
struct OggPageSpan {
    std::size_t offset = 0;
    std::size_t length = 0;
};

inline std::vector<OggPageSpan> oggPages(std::span<const std::uint8_t> bytes) {
    std::vector<OggPageSpan> pages;
    std::size_t offset = 0;
    while (offset + 27 <= bytes.size() && std::memcmp(bytes.data() + offset, "OggS", 4) == 0) {
        const std::size_t segments = bytes[offset + 26];
        std::size_t length = 27 + segments;
        if (offset + length > bytes.size())
            break;
        for (std::size_t index = 0; index < segments; ++index)
            length += bytes[offset + 27 + index];
        pages.push_back({offset, length});
        offset += length;
    }
    return pages;
}

// Ogg's CRC-32 (polynomial 0x04C11DB7, not reflected, initial 0) over the page with its
// checksum field zeroed, written back into the field.
inline void refreshPageChecksum(std::vector<std::uint8_t>& bytes, const OggPageSpan& page) {
    std::fill_n(bytes.begin() + static_cast<std::ptrdiff_t>(page.offset + 22), 4, std::uint8_t{0});
    std::uint32_t crc = 0;
    for (std::size_t index = page.offset; index < page.offset + page.length; ++index) {
        crc ^= static_cast<std::uint32_t>(bytes[index]) << 24;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc & 0x80000000u) ? (crc << 1) ^ 0x04C11DB7u : crc << 1;
    }
    for (int shift = 0; shift < 4; ++shift)
        bytes[page.offset + 22 + static_cast<std::size_t>(shift)] =
            static_cast<std::uint8_t>(crc >> (8 * shift));
}

// The same recording with every page's stream serial number set to `serial`.
inline std::vector<std::uint8_t> withSerial(std::vector<std::uint8_t> ogg, std::uint32_t serial) {
    for (const OggPageSpan& page : oggPages(ogg)) {
        for (int shift = 0; shift < 4; ++shift)
            ogg[page.offset + 14 + static_cast<std::size_t>(shift)] =
                static_cast<std::uint8_t>(serial >> (8 * shift));
        refreshPageChecksum(ogg, page);
    }
    return ogg;
}

// The same recording with the comment header's vendor-string length set to `length` (the
// string itself is left as it is, so the length overflows what follows).
inline std::vector<std::uint8_t> withVendorLength(std::vector<std::uint8_t> ogg, std::uint32_t length) {
    const std::string_view magic("\x03vorbis", 7);
    const auto found = std::search(ogg.begin(), ogg.end(), magic.begin(), magic.end());
    if (found == ogg.end())
        throw std::runtime_error("the recording has no Vorbis comment header");
    const std::size_t field = static_cast<std::size_t>(found - ogg.begin()) + magic.size();
    for (int shift = 0; shift < 4; ++shift)
        ogg.at(field + static_cast<std::size_t>(shift)) = static_cast<std::uint8_t>(length >> (8 * shift));
    for (const OggPageSpan& page : oggPages(ogg))
        if (field >= page.offset && field < page.offset + page.length)
            refreshPageChecksum(ogg, page);
    return ogg;
}

// The first `count` packets of the first logical stream.
inline std::vector<std::vector<std::uint8_t>> oggPackets(std::span<const std::uint8_t> bytes, int count) {
    ogg_sync_state sync;
    ogg_sync_init(&sync);
    char* buffer = ogg_sync_buffer(&sync, static_cast<long>(bytes.size()));
    std::memcpy(buffer, bytes.data(), bytes.size());
    ogg_sync_wrote(&sync, static_cast<long>(bytes.size()));
    ogg_stream_state stream;
    bool streamOpen = false;
    std::vector<std::vector<std::uint8_t>> packets;
    ogg_page page;
    while (static_cast<int>(packets.size()) < count && ogg_sync_pageout(&sync, &page) == 1) {
        if (!streamOpen) {
            ogg_stream_init(&stream, ogg_page_serialno(&page));
            streamOpen = true;
        }
        ogg_stream_pagein(&stream, &page);
        ogg_packet packet;
        while (static_cast<int>(packets.size()) < count && ogg_stream_packetout(&stream, &packet) == 1)
            packets.emplace_back(packet.packet, packet.packet + packet.bytes);
    }
    if (streamOpen)
        ogg_stream_clear(&stream);
    ogg_sync_clear(&sync);
    if (static_cast<int>(packets.size()) < count)
        throw std::runtime_error("the recording has fewer packets than asked for");
    return packets;
}

// An Ogg stream of `packets`, each header on pages of its own as encoders write them.
inline std::vector<std::uint8_t> oggFromPackets(const std::vector<std::vector<std::uint8_t>>& packets) {
    ogg_stream_state stream;
    ogg_stream_init(&stream, 7);
    std::vector<std::uint8_t> bytes;
    for (std::size_t index = 0; index < packets.size(); ++index) {
        ogg_packet packet{};
        packet.packet = const_cast<unsigned char*>(packets[index].data());
        packet.bytes = static_cast<long>(packets[index].size());
        packet.b_o_s = index == 0;
        packet.e_o_s = index + 1 == packets.size();
        packet.granulepos = index < 3 ? 0 : static_cast<ogg_int64_t>(index);
        packet.packetno = static_cast<ogg_int64_t>(index);
        ogg_stream_packetin(&stream, &packet);
        ogg_page page;
        while (ogg_stream_flush(&stream, &page)) {
            bytes.insert(bytes.end(), page.header, page.header + page.header_len);
            bytes.insert(bytes.end(), page.body, page.body + page.body_len);
        }
    }
    ogg_stream_clear(&stream);
    return bytes;
}

// A Vorbis setup header of `books` codebooks, each "ordered" with 2^23 - 1 entries of one
// length (the most libvorbis allows at one dimension; about 13 bytes each, and libvorbis fills
// an 8 MiB length list for every one before it reads further). What follows them is missing.
inline std::vector<std::uint8_t> codebookBombSetup(int books) {
    constexpr unsigned long kEntries = (1u << 23) - 1;
    oggpack_buffer writer;
    oggpack_writeinit(&writer);
    oggpack_write(&writer, 5, 8);
    for (const char letter : std::string_view("vorbis"))
        oggpack_write(&writer, static_cast<unsigned char>(letter), 8);
    oggpack_write(&writer, static_cast<unsigned long>(books - 1), 8);
    for (int book = 0; book < books; ++book) {
        oggpack_write(&writer, 0x564342, 24);
        oggpack_write(&writer, 1, 16);        // dimensions
        oggpack_write(&writer, kEntries, 24); // entries
        oggpack_write(&writer, 1, 1);         // ordered
        oggpack_write(&writer, 22, 5);        // first length 23: a full tree of 23-bit code words
        oggpack_write(&writer, kEntries, 23); // that many entries of it
        oggpack_write(&writer, 0, 4);         // no lookup table
    }
    std::vector<std::uint8_t> packet(oggpack_get_buffer(&writer),
                                     oggpack_get_buffer(&writer) + oggpack_bytes(&writer));
    oggpack_writeclear(&writer);
    return packet;
}

// `ogg`'s identification and comment headers followed by codebookBombSetup(books).
inline std::vector<std::uint8_t> withCodebookBomb(std::span<const std::uint8_t> ogg, int books) {
    std::vector<std::vector<std::uint8_t>> packets = oggPackets(ogg, 2);
    packets.push_back(codebookBombSetup(books));
    return oggFromPackets(packets);
}

} // namespace kiosk::audio::test
